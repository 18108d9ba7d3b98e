"""A local stand-in for Microsoft Entra ID's token service, reached as login.microsoftonline.com.

MSAL insists on HTTPS and on an authority Microsoft knows (any other host it first checks with
login.microsoftonline.com itself), so the stand-in plays that very host: it serves TLS with a
certificate for login.microsoftonline.com from a throwaway certificate authority, behind a local
HTTP CONNECT proxy that sends that one host to it and refuses every other. A test points the
process at both through the environment, as an operator behind a corporate proxy would
(`HTTPS_PROXY`, `REQUESTS_CA_BUNDLE`): the bot's code and settings stay as in production.

Speaks the documented v2.0 endpoints MSAL calls for the client-credentials grant:
    GET  /{tenant}/v2.0/.well-known/openid-configuration    where the token endpoint is
    POST /{tenant}/oauth2/v2.0/token                        a token for client_id + client_secret
Runs on threads of its own: MSAL asks with blocking calls (from a worker thread of the bot's).
"""

from __future__ import annotations

import datetime
import ipaddress
import itertools
import select
import socket
import ssl
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path
from socketserver import StreamRequestHandler, ThreadingTCPServer
from urllib.parse import parse_qs

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.standins import JsonHandler

HOST = "login.microsoftonline.com"


# What the instance discovery endpoint says of the public cloud: the host names of one authority.
_INSTANCE_METADATA = {
    "tenant_discovery_endpoint": f"https://{HOST}/common/v2.0/.well-known/openid-configuration",
    "api-version": "1.1",
    "metadata": [
        {
            "preferred_network": HOST,
            "preferred_cache": "login.windows.net",
            "aliases": [HOST, "login.windows.net", "login.microsoft.com", "sts.windows.net"],
        }
    ],
}


@dataclass(frozen=True)
class TokenRequest:
    tenant: str
    form: dict[str, str]


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """(CA certificate, server certificate, server key) as PEM files in `folder`."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_id = x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("modbot test authority"))
        .issuer_name(_name("modbot test authority"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True
        )
        .add_extension(ca_id, critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    server = (
        x509.CertificateBuilder()
        .subject_name(_name(HOST))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(HOST), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_id), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return paths


class EntraStandIn:
    """Issues tokens to one app (`client_id`, `client_secret`); `down`, `delay` and `refuse` play
    an outage, a hung service and a wrong secret."""

    def __init__(self, *, client_id: str, client_secret: str) -> None:
        self.client_id, self.client_secret = client_id, client_secret
        self.token_requests: list[TokenRequest] = []
        self.issued: list[str] = []
        self.answered = 0  # token requests answered (after any `delay`)
        self.connects: list[str] = []  # every host:port the proxy was asked for
        self.down = False
        self.delay = 0.0
        self._serials = itertools.count(1)
        self._folder = tempfile.TemporaryDirectory(prefix="entra-")
        self.ca_file, cert, key = _certificates(Path(self._folder.name))
        self._tls = self._start_tls(cert, key)
        self._proxy = self._start_proxy()

    @property
    def proxy_url(self) -> str:
        host, port = self._proxy.server_address[:2]
        return f"http://{host!s}:{port}"

    def environment(self) -> dict[str, str]:
        """What the process needs to reach the stand-in as login.microsoftonline.com."""
        return {
            "HTTPS_PROXY": self.proxy_url,
            "https_proxy": self.proxy_url,
            "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost",
            "REQUESTS_CA_BUNDLE": str(self.ca_file),
        }

    def _start_tls(self, cert: Path, key: Path) -> ThreadingHTTPServer:
        stand_in = self

        class Handler(JsonHandler):
            def do_GET(self) -> None:
                tenant, _, rest = self.path.lstrip("/").partition("/")
                if tenant == "common" and rest.startswith("discovery/instance"):
                    return self._answer(200, _INSTANCE_METADATA)  # MSAL asks for the host's aliases
                if rest.split("?")[0] != "v2.0/.well-known/openid-configuration":
                    return self._answer(404, {"error": "not_found"})
                base = f"https://{HOST}/{tenant}"
                self._answer(
                    200,
                    {
                        "issuer": f"{base}/v2.0",
                        "token_endpoint": f"{base}/oauth2/v2.0/token",
                        "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                        "jwks_uri": f"https://{HOST}/{tenant}/discovery/v2.0/keys",
                        "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt"],
                        "response_types_supported": ["code", "id_token", "token"],
                        "tenant_region_scope": "EU",
                    },
                )

            def do_POST(self) -> None:
                tenant, _, rest = self.path.lstrip("/").partition("/")
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                if rest.split("?")[0] != "oauth2/v2.0/token":
                    return self._answer(404, {"error": "not_found"})
                stand_in.token_requests.append(TokenRequest(tenant, form))
                time.sleep(stand_in.delay)
                stand_in.answered += 1
                if stand_in.down:
                    return self._answer(503, {"error": "temporarily_unavailable"})
                if (
                    form.get("client_id") != stand_in.client_id
                    or form.get("client_secret") != stand_in.client_secret
                ):
                    return self._answer(
                        401,
                        {
                            "error": "invalid_client",
                            "error_description": "AADSTS7000215: Invalid client secret provided.",
                        },
                    )
                token = f"entra-token-{next(stand_in._serials)}"
                stand_in.issued.append(token)
                self._answer(200, {"token_type": "Bearer", "expires_in": 3599, "access_token": token})

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def _start_proxy(self) -> ThreadingTCPServer:
        stand_in, tls_port = self, self._tls.server_address[1]

        class Proxy(StreamRequestHandler):
            def handle(self) -> None:
                request = self.rfile.readline().decode("latin-1").split()
                headers = []
                while (line := self.rfile.readline()) not in (b"\r\n", b"\n", b""):
                    headers.append(line)
                method, target = (request[0], request[1]) if len(request) == 3 else ("", "")
                stand_in.connects.append(target)
                if method == "CONNECT" and target == f"{HOST}:443":
                    upstream = socket.create_connection(("127.0.0.1", tls_port))
                    self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    self.wfile.flush()
                    _pipe(self.connection, upstream)
                elif method != "CONNECT" and target.startswith("http://127.0.0.1:"):
                    self._forward(method, target, headers)
                else:
                    self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

            def _forward(self, method: str, target: str, headers: list[bytes]) -> None:
                """Plain HTTP to a local stand-in (slack_sdk sends everything to HTTPS_PROXY), one
                request per connection."""
                address, _, path = target.removeprefix("http://").partition("/")
                kept = [
                    h for h in headers if not h.lower().startswith((b"connection:", b"proxy-", b"keep-alive"))
                ]
                length = next(
                    (int(h.split(b":")[1]) for h in kept if h.lower().startswith(b"content-length:")), 0
                )
                body = self.rfile.read(length)
                port = int(address.rpartition(":")[2])
                with socket.create_connection(("127.0.0.1", port)) as upstream:
                    head = f"{method} /{path} HTTP/1.1\r\n".encode() + b"".join(kept)
                    upstream.sendall(head + b"Connection: close\r\n\r\n" + body)
                    while data := upstream.recv(65536):
                        self.wfile.write(data)

        proxy = ThreadingTCPServer(("127.0.0.1", 0), Proxy)
        proxy.daemon_threads = True
        threading.Thread(target=proxy.serve_forever, daemon=True).start()
        return proxy

    def close(self) -> None:
        for server in (self._proxy, self._tls):
            server.shutdown()
            server.server_close()
        self._folder.cleanup()


def _pipe(client: socket.socket, upstream: socket.socket) -> None:
    """Bytes both ways until either side closes (the TLS inside is the client's own)."""
    with upstream:
        sockets = [client, upstream]
        while True:
            readable, _, _ = select.select(sockets, [], [], 30)
            if not readable:
                return
            for source in readable:
                data = source.recv(65536)
                if not data:
                    return
                (upstream if source is client else client).sendall(data)
