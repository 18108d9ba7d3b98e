"""HMAC-SHA256 request signatures over the raw body (`sha256=<hex>` headers)."""

from __future__ import annotations

import hashlib
import hmac


def sign_sha256(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def signature_matches(secret: bytes, body: bytes, header: str | None) -> bool:
    """Constant-time check of a `sha256=<hex>` header against the body."""
    if not header or not header.startswith("sha256="):
        return False
    return hmac.compare_digest(sign_sha256(secret, body), header.strip())
