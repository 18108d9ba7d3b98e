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


def same(expected: str, given: str) -> bool:
    """Constant-time equality that is False, not an error, for a header with non-ASCII in it
    (`hmac.compare_digest` raises TypeError on such strings, which answered forgeries 500)."""
    return given.isascii() and hmac.compare_digest(expected, given)


def sign_sha256(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    """Constant-time check of a `sha256=<hex>` header against the body."""
    if not header or not header.startswith("sha256="):
        return False
    return same(sign_sha256(secret, body), header.strip())


def x_signature(secret: bytes, message: bytes) -> str:
    return "sha256=" + base64.b64encode(hmac.new(secret, message, hashlib.sha256).digest()).decode()


def x_signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    if not header:
        return False
    return same(x_signature(secret, body), header.strip())


def linkedin_signature(secret: bytes, message: bytes) -> str:
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


def linkedin_signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    if not header:
        return False
    given = header.strip().removeprefix("hmacsha256=").lower()
    return same(linkedin_signature(secret, body), given)
