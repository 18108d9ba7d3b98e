"""Encryption at rest for safeguarding details: a copy of the database alone reveals nothing.

AES-256-GCM with a random 96-bit nonce per value; the stored form is `v1:<base64(nonce|ct)>`.
The key comes from MODBOT_DATA_KEY (32 bytes, base64); outside development a missing or weak
key stops start-up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import math
import os
from collections import Counter

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.core.errors import ModbotError

_PREFIX = "v1:"
_GENERATE = 'python -c "import os,base64;print(base64.b64encode(os.urandom(32)).decode())"'
# Used only in development when no key is set; start-up says so loudly.
_DEVELOPMENT_KEY = hashlib.sha256(b"modbot development key - never for real reports").digest()


class DataKeyError(ModbotError):
    """MODBOT_DATA_KEY is missing, malformed or too weak for this environment."""


# SHA-256 of keys written down in this repository (the tests' key): known to anyone who reads it.
_PUBLISHED_KEYS = frozenset({"85c5758aeabde68618e9fe140d6b8e130b82bfc1e207eb71477663e0cec8b562"})
# Bits per byte of the key's own byte counts. 32 random bytes hold about 30 distinct values
# (4.88 bits on average; the lowest of 300,000 random keys drawn was 4.375), while a phrase
# repeated ("passwordPASSWORD" twice: 3.75, "0123456789abcdef" twice: 4.0) or eight bytes
# four times (3.0) fall well under.
MIN_BITS_PER_BYTE = 4.2
# Bytes climbing or falling by one step, this many in a row, are a counter, not chance
# (for random bytes the odds are under one in a hundred million).
MAX_RUN = 6


def _bits_per_byte(key: bytes) -> float:
    """Shannon entropy of the key's byte counts (a few lines; no library needed for it)."""
    counts = Counter(key)
    return -sum(n / len(key) * math.log2(n / len(key)) for n in counts.values())


def _longest_run(key: bytes) -> int:
    """The longest stretch of bytes in arithmetic progression (0, 1, 2, 3 … or 7, 5, 3 …)."""
    longest = run = 2
    for i in range(2, len(key)):
        run = run + 1 if (key[i] - key[i - 1]) % 256 == (key[i - 1] - key[i - 2]) % 256 else 2
        longest = max(longest, run)
    return longest


def weakness(key: bytes) -> str | None:
    """Why a 32-byte key could be guessed, or None when it looks like random bytes."""
    if key == _DEVELOPMENT_KEY or hashlib.sha256(key).hexdigest() in _PUBLISHED_KEYS:
        return "it is a key published with modbot"
    if all(0x20 <= byte < 0x7F for byte in key):
        return "it is typed text, not random bytes"
    if _bits_per_byte(key) < MIN_BITS_PER_BYTE:
        return "its bytes repeat too much"
    if _longest_run(key) >= MAX_RUN:
        return "it holds a run of counting bytes"
    return None


def parse_key(raw: str | None, *, production: bool) -> tuple[bytes, bool]:
    """The key bytes, and whether they are the development stand-in.

    Outside production any well-formed key is accepted (the tests use a published one); in
    production a missing, malformed or guessable key stops start-up with what to do instead.
    """
    if not raw:
        if production:
            raise DataKeyError(f"MODBOT_DATA_KEY is not set. Generate one with: {_GENERATE}")
        return _DEVELOPMENT_KEY, True
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise DataKeyError("MODBOT_DATA_KEY must be 32 bytes in base64.") from exc
    if len(key) != 32:
        raise DataKeyError(f"MODBOT_DATA_KEY must be 32 bytes (256 bits); it has {len(key)}.")
    why = weakness(key)
    if why is not None and production:
        raise DataKeyError(f"MODBOT_DATA_KEY is too weak ({why}). Generate a random one with: {_GENERATE}")
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
