"""Helpers for reading settings from the environment. No Django imports: settings load these."""

from typing import Any
from urllib.parse import urlsplit

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mailers_from_email_url(email: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Turn django-environ's parsed EMAIL_URL into Django 6.1's MAILERS setting."""
    options: dict[str, Any] = {}
    if email["EMAIL_BACKEND"] == SMTP_BACKEND:
        options = {
            "host": email["EMAIL_HOST"],
            "port": email["EMAIL_PORT"],
            "username": email["EMAIL_HOST_USER"],
            "password": email["EMAIL_HOST_PASSWORD"],
            "use_tls": email.get("EMAIL_USE_TLS", False),
            "use_ssl": email.get("EMAIL_USE_SSL", False),
            "timeout": 20,
        }
    return {"default": {"BACKEND": email["EMAIL_BACKEND"], "OPTIONS": options}}


def url_origin(url: str) -> list[str]:
    """The origin of ``url``, for the CSP; none for no address."""
    if not url:
        return []
    parts = urlsplit(url)
    return [f"{parts.scheme}://{parts.netloc}"]


def tile_origins(tile_url: str) -> list[str]:
    """The origin a map tile server's images come from, for the CSP (``{s}`` subdomains become ``*``)."""
    if not tile_url:
        return []
    parts = urlsplit(tile_url)
    return [f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"]


def files_s3_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key_id: str = "",
    secret_access_key: str = "",
    addressing_style: str = "auto",
) -> dict[str, Any]:
    """``STORAGES["default"]`` for files kept in an S3-compatible bucket, through django-storages.

    The bucket's objects stay private (no ACL is set, so the bucket's own, which must block public access,
    holds), no file is overwritten, and no address to one is ever handed out: the platform reads each and hands
    it over itself, after its access check (decision 0057). Blank settings are left to boto3's own defaults.
    """
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": None,
        "file_overwrite": False,
        "querystring_auth": True,
        "addressing_style": addressing_style if addressing_style != "auto" else None,
    }
    optional = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key_id,
        "secret_key": secret_access_key,
    }
    options |= {name: value for name, value in optional.items() if value}
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
