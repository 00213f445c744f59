"""Who a request comes from: the peer's address, or the client a trusted proxy forwarded for.

X-Forwarded-For is written by anyone, so it is read only when the peer is one of the configured
proxies, and then from the right: each hop added by a trusted proxy is skipped, and the first
address no trusted proxy vouches for is the client (a made-up address to its left changes nothing).
"""
from __future__ import annotations

import functools
import ipaddress
from collections.abc import Sequence

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@functools.lru_cache(maxsize=8)
def networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    """Proxy addresses or CIDRs as networks (parsed once per setting); ValueError names a malformed one."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def client_address(peer: str, forwarded_for: Sequence[str], proxies: Sequence[Network]) -> str:
    """The client's address: `peer` unless it is a trusted proxy, else the right-most hop of the
    X-Forwarded-For values no trusted proxy added."""
    if not proxies or not _trusted(peer, proxies):
        return peer
    hops = [hop.strip() for value in forwarded_for for hop in value.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            return hop if _is_address(hop) else peer
    return hops[0] if hops else peer


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
