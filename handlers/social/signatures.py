"""HMAC-SHA256 request signatures and challenge answers, one scheme per platform.

- Meta and our own /ingest: `sha256=<hex>` of the raw body.
- X: `sha256=<base64>` of the raw body (`x-twitter-webhooks-signature`); the CRC answer is
  `sha256=<base64>` of the crc_token, keyed with the consumer secret.
- LinkedIn: hex of the raw body (`X-LI-Signature`, optionally prefixed `hmacsha256=`); the
  challenge answer is the hex HMAC of the challengeCode, keyed with the client secret.
"""

from __future__ import annotations

import base64
import hashlib
import hmac


def sign_sha256(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    """Constant-time check of a `sha256=<hex>` header against the body."""
    if not header or not header.startswith("sha256="):
        return False
    return hmac.compare_digest(sign_sha256(secret, body), header.strip())


def x_signature(secret: bytes, message: bytes) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret, message, hashlib.sha256).digest()).decode()


def x_signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    if not header:
        return False
    return hmac.compare_digest(x_signature(secret, body), header.strip())


def linkedin_signature(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def linkedin_signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    if not header:
        return False
    given = header.strip().removeprefix("hmacsha256=").lower()
    return hmac.compare_digest(linkedin_signature(secret, body), given)
