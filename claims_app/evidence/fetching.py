"""Fetching a cited source: the desk's one way into the network, so every hop is checked.

A reviewer types a URL and the server fetches it. That makes the fetcher a way for
anyone with a reviewer's login to reach what the server can reach (its own admin
ports, the cloud's metadata address, the office network). So, for every hop:

- the URL is http or https, names a host, and carries no user name or password;
- the host is resolved once, and every address it resolves to is checked before
  anything connects: loopback, private, link-local, multicast, reserved and
  unspecified addresses are refused (unless `FetchRules.allowed` lets a network
  through: tests, and a desk that cites its own intranet on purpose);
- the connection goes to the address that was checked, with the name kept for the
  Host header and TLS (a second lookup could answer differently: DNS rebinding);
- redirects are followed by hand, each new URL checked as the first was, at most
  `max_redirects` of them;
- the whole fetch has a time limit and the body a size limit;
- only text, HTML and PDF are kept.

A refusal or a failure raises FetchError with a reason a reviewer can read.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import SplitResult, urljoin, urlsplit

import urllib3

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]

REDIRECTS = frozenset((301, 302, 303, 307, 308))
KEPT_TYPES = ("text/", "application/xhtml+xml", "application/pdf")
USER_AGENT = "claims_app source keeper (fact-check desk; one fetch per citation)"
_CHUNK = 64 * 1024


class FetchError(Exception):
    """The source was not fetched, and why (`refused`: the rules forbade it)."""

    def __init__(self, reason: str, *, refused: bool = False, transient: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.refused = refused
        self.transient = transient  # may work if tried again later (time-outs, 5xx)


@dataclass(frozen=True)
class FetchRules:
    allowed: tuple[Network, ...] = ()  # non-public networks let through on purpose
    max_bytes: int = 10 * 1024 * 1024
    timeout: float = 20.0  # seconds for the whole fetch, every hop included
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # as cited
    final_url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    fetched_at: datetime
    redirects: tuple[str, ...] = field(default=())
    charset: str | None = None  # as the Content-Type header declared it

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def allowed_networks(setting: str | None) -> tuple[Network, ...]:
    """CLAIMS_FETCH_ALLOW_PRIVATE: empty (none), networks separated by commas
    ("127.0.0.0/8,10.20.0.0/16"), or a true word ("1", "true": loopback and the private
    ranges, for tests against a local server)."""
    text = (setting or "").strip().lower()
    if not text or text in ("0", "false", "no"):
        return ()
    if text in ("1", "true", "yes"):
        text = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"
    try:
        return tuple(ipaddress.ip_network(part.strip()) for part in text.split(","))
    except ValueError as exc:
        raise ValueError(f"CLAIMS_FETCH_ALLOW_PRIVATE: {exc}") from None


def check_url(url: str) -> SplitResult:
    """The URL's parts, if the desk may fetch it; else FetchError naming the problem."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https links are fetched, not {parts.scheme or 'this'}:",
                         refused=True)  # fmt: skip
    if parts.username is not None or parts.password is not None:
        raise FetchError("a link with a user name or password in it is not fetched", refused=True)
    if not parts.hostname:
        raise FetchError("the link names no host", refused=True)
    try:
        parts.port  # noqa: B018 (raises on a port that is no number)
    except ValueError:
        raise FetchError("the link's port is not a number", refused=True) from None
    return parts


def check_address(address: str, allowed: Sequence[Network] = ()) -> Address:
    """The address, if it is public or in an allowed network; else FetchError."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # "::ffff:127.0.0.1" is loopback
    if any(ip in net for net in allowed):
        return ip
    for kind, bad in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                      ("multicast", ip.is_multicast), ("unspecified", ip.is_unspecified),
                      ("reserved", ip.is_reserved), ("private", ip.is_private),
                      ("non-public", not ip.is_global)):  # fmt: skip
        if bad:
            raise FetchError(f"refused: {address} is a {kind} address", refused=True)
    return ip


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(f"the host {host} could not be found ({exc.strerror})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def fetch(url: str, rules: FetchRules, *, resolve: Resolver = system_resolver) -> Fetched:
    """Fetch `url` under `rules` (module doc); FetchError if refused or failed."""
    deadline = time.monotonic() + rules.timeout
    current, hops = url, []
    while True:
        pool, response = _one_hop(current, rules, resolve, deadline)
        with pool:  # one connection per hop, closed when the hop is done
            if response.status not in REDIRECTS:
                return _kept(url, current, response, rules, deadline, tuple(hops))
            location = response.headers.get("Location")
            _discard(response)
        if not location:
            raise FetchError(f"HTTP {response.status} redirect without a Location")
        if len(hops) >= rules.max_redirects:
            raise FetchError(f"more than {rules.max_redirects} redirects", refused=True)
        hops.append(current)
        current = urljoin(current, location)


def _one_hop(url: str, rules: FetchRules, resolve: Resolver, deadline: float):
    parts = check_url(url)
    host = parts.hostname or ""
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"the host {host} has no address")
    checked = [check_address(a, rules.allowed) for a in addresses]  # every one, not the first
    pool = _pool(str(checked[0]), host, port, https)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    left = _time_left(deadline, rules)
    try:
        response = pool.urlopen(
            "GET", target, headers={"Host": parts.netloc, "User-Agent": USER_AGENT,
                                    "Accept": "text/html,text/plain;q=0.9,application/pdf;q=0.8"},
            redirect=False, retries=False, preload_content=False,
            timeout=urllib3.Timeout(connect=min(left, 10.0), read=left),
        )  # fmt: skip
    except urllib3.exceptions.TimeoutError:
        pool.close()
        raise FetchError(f"no answer within {rules.timeout:g} s", transient=True) from None
    except urllib3.exceptions.HTTPError as exc:
        pool.close()
        raise FetchError(f"could not fetch {host}: {_short(exc)}", transient=True) from None
    return pool, response


def _pool(address: str, host: str, port: int, https: bool):
    # The checked address is what we connect to; the name stays for TLS and Host.
    if https:
        return urllib3.HTTPSConnectionPool(address, port, server_hostname=host,
                                           assert_hostname=host, cert_reqs="CERT_REQUIRED",
                                           maxsize=1, retries=False)  # fmt: skip
    return urllib3.HTTPConnectionPool(address, port, maxsize=1, retries=False)


def _kept(url, final, response, rules: FetchRules, deadline: float, hops) -> Fetched:
    if response.status >= 400:
        _discard(response)
        busy = response.status >= 500 or response.status == 429
        raise FetchError(f"the site answered HTTP {response.status}", transient=busy)
    header = response.headers.get("Content-Type", "")
    content_type = header.split(";", 1)[0].strip().lower()
    if not content_type.startswith(KEPT_TYPES):
        _discard(response)
        raise FetchError(f"refused: {content_type or 'no content type'} is not text, HTML or PDF",
                         refused=True)  # fmt: skip
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > rules.max_bytes:
        _discard(response)
        raise FetchError(f"refused: larger than {rules.max_bytes:,} bytes", refused=True)
    body = _read_capped(response, rules, deadline)
    return Fetched(url=url, final_url=final, status=response.status, content_type=content_type,
                   body=body, fetched_at=datetime.now(UTC), redirects=hops,
                   charset=_charset(header))  # fmt: skip


def _charset(header: str) -> str | None:
    for param in header.split(";")[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _read_capped(response, rules: FetchRules, deadline: float) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.stream(_CHUNK):
            size += len(chunk)
            if size > rules.max_bytes:
                raise FetchError(f"refused: larger than {rules.max_bytes:,} bytes", refused=True)
            _time_left(deadline, rules)
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"no answer within {rules.timeout:g} s", transient=True) from None
    except urllib3.exceptions.HTTPError as exc:
        raise FetchError(f"the page broke off: {_short(exc)}", transient=True) from None
    finally:
        response.release_conn()
    return b"".join(chunks)


def _discard(response) -> None:
    """An answer not read: its connection closed, not handed back half-read."""
    response.close()
    response.release_conn()


def _time_left(deadline: float, rules: FetchRules) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"no answer within {rules.timeout:g} s", transient=True)
    return left


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"
