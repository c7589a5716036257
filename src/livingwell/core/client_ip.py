"""The address a request really came from, behind our own proxies and no one else's.

``X-Forwarded-For`` is believed only from a proxy listed in ``LW_TRUSTED_PROXIES``; anyone else could
write it. The client is the rightmost address in the header that is not one of our proxies.
"""

import hashlib
import hmac
import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _trusted(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in _trusted(tuple(settings.LW_TRUSTED_PROXIES)))


def from_trusted_proxy(request: HttpRequest) -> bool:
    """The request came straight from one of our own proxies (``LW_TRUSTED_PROXIES``)."""
    return _is_trusted(str(request.META.get("REMOTE_ADDR", "")))


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, unless that is a trusted proxy that says who it forwarded."""
    address = str(request.META.get("REMOTE_ADDR", ""))
    if not _is_trusted(address):
        return address
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    for hop in reversed([part for part in forwarded if part]):
        if not _is_trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return address  # a mangled header: the proxy itself is all we know
    return address


def source_key(request: HttpRequest) -> str:
    """A pseudonym for where a request came from, to group and limit without keeping the address."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256).hexdigest()
    return digest[:32]
