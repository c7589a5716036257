"""Sealing what a browser's session holds about a person, so that the session table cannot be read.

The front door keeps a visitor's answers in their session until they send them, and words of risk are
among them. Sealed (Fernet: AES with an HMAC), a row of the session table is unreadable without the
key, which is derived from ``SECRET_KEY``; a changed or expired seal reads as nothing.
"""

import base64
import functools
import hashlib
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings


def _fernet() -> Fernet:
    return _fernet_for(settings.SECRET_KEY)


@functools.lru_cache(maxsize=4)
def _fernet_for(secret_key: str) -> Fernet:
    """Made once for each key (a page reads and writes a seal or two), not on every use."""
    digest = hashlib.sha256(f"living-well-sealed-session:{secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def seal(value: Any) -> str:
    """``value`` (anything JSON can hold) as an opaque, tamper-proof token."""
    return _fernet().encrypt(json.dumps(value).encode()).decode()


def unseal(token: object, *, max_age: int | None = None) -> Any:
    """What ``seal`` sealed; None for anything else, changed, or older than ``max_age`` seconds."""
    if not isinstance(token, str):
        return None
    try:
        return json.loads(_fernet().decrypt(token.encode(), ttl=max_age))
    except (InvalidToken, ValueError):
        return None


def seal_bytes(value: bytes) -> bytes:
    """``value`` sealed, for a file kept on disk or in a bucket that must be unreadable without the key."""
    return _fernet().encrypt(value)


def unseal_bytes(token: bytes) -> bytes:
    """What ``seal_bytes`` sealed; raises ``InvalidToken`` if it was changed."""
    return _fernet().decrypt(token)
