"""A local stand-in for the Bot Framework's token signing service (login.botframework.com).

Publishes what a bot fetches to check the JWT on every activity Teams sends it:
    GET /v1/.well-known/openidconfiguration    OpenID metadata naming the key set (`jwks_uri`)
    GET /v1/.well-known/keys                   the signing keys as JWKs, each with `endorsements`
and signs tokens the way the Bot Connector does: RS256, issuer `https://api.botframework.com`,
audience the bot's app id, a `serviceurl` claim naming where replies go.

It runs on its own thread, so a delay it is told to make (a hung key service) holds only the
requests waiting on it, as the real service would, never the server under test.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.standins import JsonHandler

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


class BotIdentityStandIn:
    """Serves one published key (`kid`), endorsed for the channels named, and signs with it."""

    def __init__(self, *, kid: str = "bf-key-1", endorsements: tuple[str, ...] = ("msteams",)) -> None:
        self.kid, self.key, self.endorsements = kid, new_key(), endorsements
        self.requests: list[str] = []
        self.down = False  # answer 503, as an outage of the key service would
        self.delay = 0.0  # seconds before answering, as a hung key service would
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/v1/.well-known/openidconfiguration"

    def start(self) -> BotIdentityStandIn:
        stand_in = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:
                stand_in.requests.append(self.path)
                time.sleep(stand_in.delay)
                if stand_in.down:
                    self._answer(503, {"error": "temporarily unavailable"})
                elif self.path == "/v1/.well-known/openidconfiguration":
                    self._answer(200, stand_in.metadata())
                elif self.path == "/v1/.well-known/keys":
                    self._answer(200, {"keys": [stand_in.jwk()]})
                else:
                    self._answer(404, {"error": "not found"})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": BOT_FRAMEWORK_ISSUER,
            "authorization_endpoint": "https://invalid.botframework.com",
            "jwks_uri": f"{self.url}/v1/.well-known/keys",
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        }

    def jwk(self) -> dict[str, Any]:
        key: dict[str, Any] = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**key, "kty": "RSA", "use": "sig", "kid": self.kid, "endorsements": list(self.endorsements)}

    def token(
        self,
        *,
        app_id: str,
        service_url: str,
        key: rsa.RSAPrivateKey | None = None,
        kid: str | None = None,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        lifetime: int = 3600,
        issued_ago: int = 0,
    ) -> str:
        """A token as the Bot Connector signs it; each argument lets a test forge one part."""
        now = int(time.time()) - issued_ago
        claims = {
            "iss": issuer,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now,
            "iat": now,
            "exp": now + lifetime,
        }
        return jwt.encode(claims, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid})
