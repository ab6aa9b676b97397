"""SSRF guard: private, loopback, link-local... addresses are refused by default, on every hop, against a real
HTTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import ssl

import apache_beam as beam
import pytest
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing.test_pipeline import TestPipeline
from apache_beam.testing.util import assert_that, equal_to

from schemas.record import Lead
from tests.checks import reason_of
from tests.feed_server import FeedServer, ok
from transforms.address_guard import blocked_kind, check_addresses, parse_networks
from transforms.common import DEAD, MAIN, Rejected
from transforms.fetch import FetchArticles, FetchConfig, get_once

GUARDED = FetchConfig(timeout=2, retries=0, per_host_interval=0)  # the default guard
ANY_HOST = FetchConfig(timeout=2, retries=0, per_host_interval=0, allow_private_hosts=True)
# the test server's address counts as "public", so a redirect from it to any other private address is a hop to check
SERVER_ALLOWED = FetchConfig(timeout=2, retries=0, per_host_interval=0, allowed_networks=("127.0.0.1/32",))
PAGE = b"<html><body><p>hello</p></body></html>"


@pytest.fixture(scope="module")
def server():
    srv = FeedServer().start()
    port = srv.httpd.server_address[1]
    srv.scripts["/page"] = ok(PAGE)
    srv.scripts["/to-page"] = lambda n: (302, b"", 0.0, {"Location": "/page"})
    for path, target in {
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-loopback": f"http://127.0.0.2:{port}/page",
        "/to-ipv6-loopback": f"http://[::1]:{port}/page",
        "/to-private-https": "https://10.0.0.1/admin",
        "/to-mapped": f"http://[::ffff:127.0.0.1]:{port}/page",
    }.items():
        srv.scripts[path] = lambda n, target=target: (302, b"", 0.0, {"Location": target})
    yield srv
    srv.stop()


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link_local"),  # cloud metadata service
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not_global"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1%eth0", "link_local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (in ::ffff:7f00:1)"),  # IPv4-mapped
        ("2002:a9fe:a9fe::", "link_local (in 2002:a9fe:a9fe::)"),  # 6to4 of 169.254.169.254
        ("64:ff9b::a00:1", "private (in 64:ff9b::a00:1)"),  # NAT64 of 10.0.0.1
        ("8.8.8.8", None),
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_blocked_kind(address, kind):
    assert blocked_kind(address) == kind


def test_every_resolved_address_is_checked():
    check_addresses("news.example", ["93.184.215.14", "2606:4700:4700::1111"])  # all public: no error
    with pytest.raises(Rejected, match=r"10\.0\.0\.7"):  # one private answer among public ones is enough
        check_addresses("news.example", ["93.184.215.14", "10.0.0.7"])
    allowed = parse_networks(["10.0.0.0/24"])
    check_addresses("intranet.example", ["10.0.0.7"], allowed)
    with pytest.raises(Rejected):
        check_addresses("intranet.example", ["10.0.0.7", "10.0.1.7"], allowed)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "127.1", "[::ffff:127.0.0.1]"],  # spellings of loopback
)
def test_loopback_server_is_refused_by_default_before_any_request(server, host):
    port = server.httpd.server_address[1]
    before = server.hits("/page")
    assert reason_of(lambda: get_once(f"http://{host}:{port}/page", GUARDED)) == "blocked_address"
    assert server.hits("/page") == before  # refused before connecting: the server never saw a request


def test_allow_private_hosts_fetches_the_loopback_server(server):
    assert get_once(server.url("/page"), ANY_HOST).body == PAGE
    assert get_once(server.url("/to-page"), ANY_HOST).body == PAGE
    assert get_once(server.url("/to-page"), SERVER_ALLOWED).body == PAGE  # an allowed network, same-host redirect


@pytest.mark.parametrize("path", ["/to-metadata", "/to-loopback", "/to-ipv6-loopback", "/to-private-https"])
def test_redirect_to_a_private_address_is_refused(server, path):
    before_hop, before_page = server.hits(path), server.hits("/page")
    assert reason_of(lambda: get_once(server.url(path), SERVER_ALLOWED)) == "blocked_address"
    assert server.hits(path) == before_hop + 1  # the first hop was fetched, the redirect target was not
    assert server.hits("/page") == before_page


def test_redirect_to_a_mapped_loopback_is_refused_even_where_the_plain_one_is_allowed(server):
    # ::ffff:127.0.0.1 reaches the same server, but 127.0.0.1/32 allows only the IPv4 spelling
    assert reason_of(lambda: get_once(server.url("/to-mapped"), SERVER_ALLOWED)) == "blocked_address"


def test_fetch_step_dead_letters_and_counts_blocked_addresses(server):
    leads = [Lead(key=server.url("/page"), url=server.url("/page"), origin="feed")]
    before = server.hits("/page")
    pipeline = TestPipeline(runner="FnApiRunner")
    result = pipeline | beam.Create(leads) | FetchArticles(GUARDED)
    assert_that(result[MAIN], equal_to([]), label="NoArticles")
    assert_that(
        result[DEAD] | beam.Map(lambda d: (d.input_uri, d.stage, d.reason)),
        equal_to([(leads[0].url, "fetch", "blocked_address")]),
        label="Dead",
    )
    run = pipeline.run()
    run.wait_until_finish()
    counters = run.metrics().query(MetricsFilter().with_name("dropped_blocked_address"))["counters"]
    assert sum(c.committed for c in counters) == 1
    assert server.hits("/page") == before


def self_signed_cert(folder) -> tuple[str, str]:
    """(cert, key) PEM files for IP 127.0.0.1, made with cryptography (a dependency of apache-beam)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return str(cert_path), str(key_path)


def test_guarded_https_connects_to_the_checked_address_and_still_verifies_the_certificate(tmp_path, monkeypatch):
    cert, key = self_signed_cert(tmp_path)
    srv = FeedServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    srv.httpd.socket = context.wrap_socket(srv.httpd.socket, server_side=True)
    srv.scripts["/page"] = ok(PAGE)
    srv.start()
    try:
        url = f"https://127.0.0.1:{srv.httpd.server_address[1]}/page"
        assert reason_of(lambda: get_once(url, GUARDED)) == "blocked_address"
        with pytest.raises(Rejected, match="CERTIFICATE_VERIFY_FAILED"):  # an untrusted certificate is refused
            get_once(url, SERVER_ALLOWED)
        monkeypatch.setenv("SSL_CERT_FILE", cert)  # trust it: the default context reads this at each connection
        assert get_once(url, SERVER_ALLOWED).body == PAGE  # TLS over the guarded socket, name checked against the IP
    finally:
        srv.stop()
