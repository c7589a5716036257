"""Files the platform keeps: receipts for expenses and subject access exports (decision 0053).

They go to Django's default file storage: a folder by default (``LW_FILES_ROOT``), never served, or whatever
storage ``STORAGES["default"]`` names. Each is sealed (``core.sealed``) before it leaves, so a
copy of the folder or the bucket reads as nothing without the key, and is named by a random id, never by
anything about whose it is. Nothing serves them directly: a view hands each over after its access check.
"""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from livingwell.core.sealed import seal_bytes, unseal_bytes


def file_keep(folder: str, content: bytes) -> str:
    """Keep ``content`` sealed under ``folder``; the name to read it by."""
    return default_storage.save(f"{folder}/{uuid.uuid4().hex}.sealed", ContentFile(seal_bytes(content)))


def file_read(name: str) -> bytes:
    with default_storage.open(name, "rb") as sealed:
        return unseal_bytes(sealed.read())


def file_delete(name: str) -> None:
    if name:
        default_storage.delete(name)
