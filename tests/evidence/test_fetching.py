"""Fetching a cited source: what is kept, and every refusal (evidence/fetching.py).

A local server plays the cited site. It listens on 127.0.0.1, which the rules
refuse unless a test lets loopback through, as CLAIMS_FETCH_ALLOW_PRIVATE does.
"""

import hashlib
import ipaddress
import re
import threading
import time

import pytest

from claims_app.evidence.fetching import (
    FetchError,
    FetchRules,
    allowed_networks,
    check_address,
    check_url,
    fetch,
)
from tests.local_site import QuietHandler, QuietServer

PAGE = (
    b"<html><head><title>Flash update</title></head><body>Seven people were killed.</body></html>"
)
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"),)


class _Site(QuietHandler):
    def do_GET(self):  # the name http.server calls
        route = {
            "/page": lambda: self._send(200, "text/html; charset=utf-8", PAGE),
            "/moved": lambda: self._redirect("/page"),
            "/loop": lambda: self._redirect("/loop"),
            "/to-private": lambda: self._redirect("http://10.20.30.40/admin"),
            "/to-ftp": lambda: self._redirect("ftp://example.org/file"),
            "/image": lambda: self._send(200, "image/png", b"\x89PNG...."),
            "/pdf": lambda: self._send(200, "application/pdf", b"%PDF-1.4 ..."),
            "/gone": lambda: self._send(404, "text/html", b"not here"),
            "/big": lambda: self._send(200, "text/plain", b"x" * 5000),
            "/big-unsized": self._unsized,
            "/slow": self._slow,
        }.get(self.path)
        if route is None:
            self._send(404, "text/plain", b"no such page")
        else:
            route()

    def _send(self, status, content_type, body):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to):
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _unsized(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()  # no length: the body runs until the connection closes
        for _ in range(50):
            self.wfile.write(b"y" * 200)
        self.close_connection = True

    def _slow(self):
        time.sleep(1.5)
        self._send(200, "text/plain", b"late")


@pytest.fixture(scope="module")
def site():
    server = QuietServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


RULES = FetchRules(allowed=LOOPBACK, timeout=5)


def test_a_page_is_kept_with_its_final_url_type_and_hash(site):
    got = fetch(f"{site}/moved", RULES)
    assert (got.status, got.content_type, got.body) == (200, "text/html", PAGE)
    assert got.final_url == f"{site}/page" and got.redirects == (f"{site}/moved",)
    assert got.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert fetch(f"{site}/pdf", RULES).content_type == "application/pdf"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/report.txt", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("http://editor:secret@example.org/", "user name or password"),
        ("http:///nohost", "names no host"),
        ("http://example.org:http/", "port is not a number"),
    ],
)
def test_links_the_desk_never_fetches(url, reason):
    with pytest.raises(FetchError, match=reason) as refused:
        check_url(url)
    assert refused.value.refused


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"), ("172.16.0.9", "private"), ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"), ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
    ],
)  # fmt: skip
def test_addresses_that_are_not_public_are_refused(address, kind):
    with pytest.raises(FetchError, match=f"is a {kind} address"):
        check_address(address)
    assert str(check_address("93.184.215.14")) == "93.184.215.14"


def test_the_local_site_is_refused_unless_loopback_is_allowed(site):
    with pytest.raises(FetchError, match=re.escape("127.0.0.1 is a loopback address")):
        fetch(f"{site}/page", FetchRules())
    with pytest.raises(FetchError, match="loopback"):
        fetch(site.replace("127.0.0.1", "localhost") + "/page", FetchRules())


def test_a_name_is_resolved_once_and_every_address_checked_before_connecting():
    asked = []

    def resolver(host, port):
        asked.append((host, port))
        return ["93.184.215.14", "10.0.0.7"]  # one public, one private: refused

    with pytest.raises(FetchError, match=re.escape("10.0.0.7 is a private address")):
        fetch("https://news.example/report", RULES, resolve=resolver)
    assert asked == [("news.example", 443)]


def test_the_checked_address_is_the_one_connected_to(site):
    port = int(site.rsplit(":", 1)[1])
    # the name resolves (once) to the local site: the fetch reaches it under that name
    got = fetch(f"http://bulletin.example:{port}/page", RULES,
                resolve=lambda host, p: ["127.0.0.1"])  # fmt: skip
    assert got.body == PAGE and got.final_url == f"http://bulletin.example:{port}/page"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-private", "10.20.30.40 is a private address"),
        ("/to-ftp", "only http and https"),
        ("/loop", "more than 5 redirects"),
        ("/image", "image/png is not text, HTML or PDF"),
        ("/gone", "HTTP 404"),
    ],
)
def test_each_hop_and_answer_is_checked(site, path, reason):
    with pytest.raises(FetchError, match=re.escape(reason)):
        fetch(f"{site}{path}", RULES)


def test_size_and_time_limits(site):
    small = FetchRules(allowed=LOOPBACK, max_bytes=1000, timeout=5)
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetch(f"{site}/big", small)  # says its length
    with pytest.raises(FetchError, match="larger than 1,000 bytes"):
        fetch(f"{site}/big-unsized", small)  # does not
    with pytest.raises(FetchError, match=re.escape("no answer within 0.5 s")):
        fetch(f"{site}/slow", FetchRules(allowed=LOOPBACK, timeout=0.5))


def test_the_setting_that_lets_networks_through():
    assert allowed_networks(None) == () and allowed_networks("0") == ()
    assert ipaddress.ip_address("127.0.0.1") in allowed_networks("1")[0]
    assert allowed_networks("10.20.0.0/16") == (ipaddress.ip_network("10.20.0.0/16"),)
    with pytest.raises(ValueError, match="CLAIMS_FETCH_ALLOW_PRIVATE"):
        allowed_networks("10.20.0.0/33")
