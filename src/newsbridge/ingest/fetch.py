"""Fetching pages and feeds over HTTP behind an SSRF guard.

The guard runs where the socket is opened: every DNS answer for a host is checked, and the
connection goes to an address that was checked (no second lookup an attacker could rebind).
Because each redirect hop opens its own connection, redirects are checked the same way.
Loopback, private, link-local (cloud metadata included), shared, multicast and reserved
addresses are refused unless ``Settings.allow_hosts`` names the host, the address or its
network (CIDR).

Every fetch has connect/read timeouts, an overall deadline, a byte cap (checked against
Content-Length and again while streaming) and a redirect limit; no proxy from the
environment is used (a proxy would bypass the address check).
"""
from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass, field
from email.message import Message
from typing import Iterable
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from .. import __version__

USER_AGENT = f"newsbridge/{__version__} (+https://github.com/newsbridge)"
MAX_FETCH_BYTES = 10 * 1024 * 1024      # one page or feed; larger answers are refused
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 30.0                    # a slow drip of bytes cannot hold a fetch forever
ALLOWED_SCHEMES = ("http", "https")
# Names that cloud providers answer metadata on, refused even before resolution.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog", "metadata",
                            "instance-data", "instance-data.ec2.internal"})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254"))

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


class FetchError(Exception):
    """A URL that could not be fetched; ``str()`` says why in one line."""


class BlockedAddress(FetchError):
    """The SSRF guard refused the host or one of its addresses."""


class TooLarge(FetchError):
    """The answer is over the byte cap."""


def _getaddrinfo(host: str, port: int) -> list[str]:
    """Every address the resolver gives for ``host`` (monkeypatched in tests)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in infos]


@dataclass(frozen=True)
class Guard:
    """Decides which hosts and addresses a fetch may connect to."""

    allow_hosts: tuple[str, ...] = ()

    def _allowed_networks(self) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
        nets = []
        for entry in self.allow_hosts:
            try:
                nets.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                continue
        return nets

    def host_allowed(self, host: str) -> bool:
        host = host.strip("[]").lower().rstrip(".")
        return any(host == entry.strip("[]").lower().rstrip(".") for entry in self.allow_hosts)

    def address_refused(self, address: str) -> str | None:
        """Why ``address`` may not be connected to, or None when it may."""
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if any(ip in net for net in self._allowed_networks()):
            return None
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if ip in METADATA_ADDRESSES:
            return "a cloud metadata address"
        for test, why in ((ip.is_loopback, "a loopback address"), (ip.is_link_local, "a link-local address"),
                          (ip.is_private, "a private address"), (ip.is_multicast, "a multicast address"),
                          (ip.is_unspecified, "an unspecified address"), (ip.is_reserved, "a reserved address")):
            if test:
                return why
        if not ip.is_global:
            return "not a public address"
        return None

    def check_url(self, url: str) -> None:
        """Refuse what can be refused before any network I/O (scheme, credentials, names)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise FetchError(f"{url}: only http and https URLs can be fetched")
        if not parts.hostname:
            raise FetchError(f"{url}: the URL has no host")
        if parts.username or parts.password:
            raise FetchError(f"{url}: URLs with credentials are refused")
        host = parts.hostname.lower().rstrip(".")
        if self.host_allowed(host):
            return
        if host in METADATA_HOSTS or host == "localhost" or host.endswith(".localhost"):
            raise BlockedAddress(f"{url}: host {host} is refused by the SSRF guard "
                                 "(add it to the allow_hosts setting to allow it)")

    def resolve(self, host: str, port: int) -> list[str]:
        """The addresses to connect to; refuses the host when ANY answer is refused."""
        host = host.strip("[]")
        try:
            addresses = [host] if _is_ip(host) else _getaddrinfo(host, port)
        except socket.gaierror as exc:
            raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        if not addresses:
            raise FetchError(f"cannot resolve {host}: no addresses")
        if self.host_allowed(host):
            return addresses
        for address in addresses:
            why = self.address_refused(address)
            if why:
                raise BlockedAddress(f"{host} resolves to {address}, {why}; refused by the SSRF guard "
                                     "(add the host to the allow_hosts setting to allow it)")
        return addresses


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return True
    except ValueError:
        return False


class _GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses the guard accepted."""

    def __init__(self, guard: Guard) -> None:
        self.guard = guard

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in self.guard.resolve(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never used
        raise BlockedAddress("unix sockets are refused by the SSRF guard")


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with the guarded backend under its connection pool."""

    def __init__(self, guard: Guard, **kwargs) -> None:
        super().__init__(trust_env=False, **kwargs)
        self._pool = httpcore.ConnectionPool(ssl_context=httpx.create_ssl_context(trust_env=False),
                                             max_connections=10, max_keepalive_connections=5,
                                             keepalive_expiry=5.0, network_backend=_GuardedBackend(guard))


@dataclass
class FetchResult:
    url: str                     # what was asked for
    final_url: str               # after redirects
    status: int
    headers: dict[str, str]
    content: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        return _content_type(self.headers.get("content-type", ""))[0] or "application/octet-stream"

    @property
    def charset(self) -> str | None:
        return detect_charset(self.content, self.headers.get("content-type", ""))

    @property
    def text(self) -> str:
        return decode(self.content, self.headers.get("content-type", ""))

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def _content_type(value: str) -> tuple[str, str | None]:
    msg = Message()
    msg["content-type"] = value or "application/octet-stream"
    charset = msg.get_param("charset")
    return msg.get_content_type().lower(), (str(charset).strip().lower() if charset else None)


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    import codecs
    try:
        return codecs.lookup(charset.decode("ascii") if isinstance(charset, bytes) else charset).name
    except (LookupError, UnicodeDecodeError):
        return None


def detect_charset(content: bytes, content_type: str = "") -> str | None:
    """Charset by precedence: byte-order mark, HTTP header, <meta>/XML declaration, detection."""
    if content.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    declared = _known(_content_type(content_type)[1])
    if declared:
        return declared
    head = content[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m and _known(m.group(1)):
            return _known(m.group(1))
    if not content:
        return None
    try:
        content.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(content[:200_000]).best()
    return _known(best.encoding) if best else None


def decode(content: bytes, content_type: str = "") -> str:
    charset = detect_charset(content, content_type) or "utf-8"
    if charset in ("utf-8", "utf_8") and content.startswith(b"\xef\xbb\xbf"):
        charset = "utf-8-sig"
    return content.decode(charset, errors="replace")


class Fetcher:
    """A reusable HTTP client behind the guard (one per command or watcher)."""

    def __init__(self, allow_hosts: Iterable[str] = (), *, max_bytes: int = MAX_FETCH_BYTES,
                 max_redirects: int = MAX_REDIRECTS, connect_timeout: float = CONNECT_TIMEOUT,
                 read_timeout: float = READ_TIMEOUT, total_timeout: float = TOTAL_TIMEOUT,
                 user_agent: str = USER_AGENT) -> None:
        self.guard = Guard(tuple(allow_hosts))
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.total_timeout = total_timeout
        timeout = httpx.Timeout(connect=connect_timeout, read=read_timeout, write=read_timeout, pool=connect_timeout)
        self.client = httpx.Client(transport=_GuardedTransport(self.guard), timeout=timeout, trust_env=False,
                                   follow_redirects=False, headers={"User-Agent": user_agent,
                                                                    "Accept-Encoding": "gzip, deflate"})

    @classmethod
    def from_settings(cls, settings, **kwargs) -> "Fetcher":
        kwargs.setdefault("max_bytes", min(MAX_FETCH_BYTES, settings.max_input_bytes))
        return cls(settings.allow_hosts, **kwargs)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8") -> FetchResult:
        """GET ``url`` following at most ``max_redirects`` redirects, each hop guarded.

        With ``etag``/``last_modified`` the request is conditional; a 304 comes back as a
        result with ``not_modified`` true and no content. Any other non-2xx is a FetchError.
        """
        deadline = time.monotonic() + self.total_timeout
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current, hops = url, []
        while True:
            self.guard.check_url(current)
            try:
                with self.client.stream("GET", current, headers=headers) as resp:
                    if resp.status_code in (301, 302, 303, 307, 308) and resp.headers.get("location"):
                        if len(hops) >= self.max_redirects:
                            raise FetchError(f"{url}: more than {self.max_redirects} redirects")
                        hops.append(current)
                        current = urljoin(current, resp.headers["location"])
                        continue
                    result = FetchResult(url=url, final_url=current, status=resp.status_code,
                                         headers={k.lower(): v for k, v in resp.headers.items()}, redirects=hops)
                    if resp.status_code == 304:
                        return result
                    if not 200 <= resp.status_code < 300:
                        raise FetchError(f"{current}: HTTP {resp.status_code}")
                    result.content = self._read_capped(resp, current, deadline)
                    return result
            except httpx.TimeoutException:
                raise FetchError(f"{current}: timed out") from None
            except httpx.TooManyRedirects:  # pragma: no cover - we follow redirects ourselves
                raise FetchError(f"{url}: too many redirects") from None
            except httpx.HTTPError as exc:
                raise FetchError(f"{current}: {type(exc).__name__}: {exc}") from None

    def _read_capped(self, resp: httpx.Response, url: str, deadline: float) -> bytes:
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise TooLarge(f"{url}: {int(declared)} bytes declared, over the {self.max_bytes} byte limit")
        chunks, size = [], 0
        for chunk in resp.iter_bytes():     # decompressed bytes: the cap also stops gzip bombs
            size += len(chunk)
            if size > self.max_bytes:
                raise TooLarge(f"{url}: answer is over the {self.max_bytes} byte limit")
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: took longer than {self.total_timeout:.0f} s")
            chunks.append(chunk)
        return b"".join(chunks)


def fetch(url: str, allow_hosts: Iterable[str] = (), **kwargs) -> FetchResult:
    """One guarded GET (see ``Fetcher.fetch``)."""
    with Fetcher(allow_hosts) as f:
        return f.fetch(url, **kwargs)
