"""Encryption at rest for safeguarding details: a copy of the database alone reveals nothing.

AES-256-GCM with a random 96-bit nonce per value; the stored form is `v1:<base64(nonce|ct)>`.
The key comes from MODBOT_DATA_KEY (32 bytes, base64); outside development a missing or weak
key stops start-up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.core.errors import ModbotError

_PREFIX = "v1:"
# Used only in development when no key is set; start-up says so loudly.
_DEVELOPMENT_KEY = hashlib.sha256(b"modbot development key - never for real reports").digest()


class DataKeyError(ModbotError):
    """MODBOT_DATA_KEY is missing, malformed or too weak for this environment."""


def parse_key(raw: str | None, *, production: bool) -> tuple[bytes, bool]:
    """The key bytes, and whether they are the development stand-in."""
    if not raw:
        if production:
            raise DataKeyError(
                "MODBOT_DATA_KEY is not set. Generate one with: "
                'python -c "import os,base64;print(base64.b64encode(os.urandom(32)).decode())"'
            )
        return _DEVELOPMENT_KEY, True
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DataKeyError("MODBOT_DATA_KEY must be 32 bytes in base64.") from exc
    if len(key) != 32:
        raise DataKeyError(f"MODBOT_DATA_KEY must be 32 bytes (256 bits); it has {len(key)}.")
    if len(set(key)) < 8:
        raise DataKeyError("MODBOT_DATA_KEY is too weak (too few distinct bytes): generate a random one.")
    return key, False


class Sealer:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def seal(self, plain: str, *, context: str) -> str:
        """Encrypt `plain`; `context` (e.g. the reference) is bound in, so values cannot be swapped."""
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plain.encode("utf-8"), context.encode("utf-8"))
        return _PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, sealed: str, *, context: str) -> str:
        if not sealed.startswith(_PREFIX):
            raise ModbotError("This value is not sealed by modbot.")
        blob = base64.b64decode(sealed[len(_PREFIX) :])
        try:
            return self._aead.decrypt(blob[:12], blob[12:], context.encode("utf-8")).decode("utf-8")
        except InvalidTag as exc:
            raise ModbotError("This report cannot be decrypted with the configured MODBOT_DATA_KEY.") from exc
