"""SSRF guard for fetching: feed and article URLs come from outside, so by default they may not reach private,
loopback, link-local, multicast, reserved or unspecified addresses (cloud metadata at 169.254.169.254, an admin
page on 127.0.0.1, a database on 10.x).

The check runs inside the connection itself: the host name is resolved once, every resolved address is checked
(IPv4 and IPv6; one bad address refuses the host), and the socket connects only to those checked addresses. So a
DNS answer that changes between check and connect (DNS rebinding) cannot slip a private address in, and every
redirect hop, which opens a new connection, is checked again. `--allow-private-hosts` switches the guard off
(tests); `--allow-network CIDR` lets one network through (an intranet feed server) and keeps the guard for the rest.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
import socket
import urllib.request

from transforms.common import Rejected

REASON = "blocked_address"
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: the last 32 bits are an IPv4 address
_NOT_GLOBAL_KINDS = ("unspecified", "loopback", "link_local", "multicast", "reserved", "private")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def parse_networks(cidrs: list[str] | tuple[str, ...]) -> Networks:
    """CIDR strings ('10.1.2.0/24', '::1/128', a bare address) as networks; raises ValueError on a bad one."""
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs)


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (IPv4-mapped, 6to4, NAT64), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)  # low 32 bits
    return None


def blocked_kind(address: str | IPAddress) -> str | None:
    """Why this address may not be fetched by default (`loopback`, `private`, ...), or None if it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)  # drop scope id
    inner = embedded_ipv4(ip)
    if inner is not None:
        kind = blocked_kind(inner)
        if kind:
            return f"{kind} (in {ip})"
    for kind in _NOT_GLOBAL_KINDS:
        if getattr(ip, f"is_{kind}"):
            return kind
    if not ip.is_global:  # shared address space 100.64.0.0/10 and other special-purpose ranges
        return "not_global"
    return None


def check_addresses(host: str, addresses: list[str], allowed: Networks = ()) -> None:
    """Raises Rejected if any address of `host` is neither public nor in `allowed`: one bad address is enough,
    since the connection may pick any of them."""
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        kind = blocked_kind(ip)
        if kind and not any(ip in net for net in allowed if net.version == ip.version):
            raise Rejected(
                REASON, f"{host[:200]!r} resolves to {address} ({kind}); --allow-private-hosts fetches such hosts"
            )


def resolve_public(host: str, port: int, allowed: Networks = ()) -> list[tuple]:
    """getaddrinfo results for a TCP connection to host:port, every address checked by check_addresses."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    check_addresses(host, [info[4][0] for info in infos], allowed)
    return infos


def connect_public(
    address: tuple[str, int], timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, allowed: Networks = ()
):
    """socket.create_connection, but only to the addresses that resolve_public checked (no second lookup)."""
    host, port = address
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in resolve_public(host, port, allowed):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            error = exc
            sock.close()
    raise error or OSError(f"no address for {host!r}")


class PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, allowed: Networks = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(connect_public, allowed=allowed)


class PublicHTTPSConnection(http.client.HTTPSConnection):
    """TLS still verifies the certificate against the host name (SNI), only the TCP connect goes to the checked IP."""

    def __init__(self, *args, allowed: Networks = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = functools.partial(connect_public, allowed=allowed)


class PublicHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allowed: Networks = ()) -> None:
        super().__init__()
        self.allowed = allowed

    def http_open(self, req):
        return self.do_open(functools.partial(PublicHTTPConnection, allowed=self.allowed), req)


class PublicHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allowed: Networks = ()) -> None:
        super().__init__()
        self.allowed = allowed

    def https_open(self, req):
        return self.do_open(functools.partial(PublicHTTPSConnection, allowed=self.allowed), req, context=self._context)
