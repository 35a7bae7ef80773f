"""Per-sender limits count an IPv6 sender by its /64: whoever has one IPv6 address has 2^64 of
them, so a limit per address would limit nothing."""

import pytest
from django.test import Client, RequestFactory

from api.throttling import AnonymousThrottle
from core import ratelimit
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def network(remote_addr: str, forwarded: str | None = None) -> str:
    meta = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return ratelimit.client_network(RequestFactory().get("/", **meta))


def test_ipv4_is_the_address_and_ipv6_its_64():
    assert network("192.0.2.7") == "192.0.2.7"
    assert network("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert network("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"
    assert network("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert network("::ffff:192.0.2.7") == "192.0.2.7", "an IPv4 address written as IPv6"
    assert network("fe80::1%eth0") == "fe80::/64"
    assert network("not an address") == "not an address"


def test_behind_the_proxy_the_appended_address_counts(settings):
    settings.BEHIND_TLS_PROXY = True
    assert network("10.0.0.1", "192.0.2.1, 2001:db8:1:2::99") == "2001:db8:1:2::/64"


def alert_post(address: str, n: int):
    data = {"email": f"person{n}@example.com", "frequency": "daily", "search": ""}
    return Client(REMOTE_ADDR=address).post("/alerts/", data)


def test_alert_saves_from_one_64_share_a_limit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answers = [alert_post(f"2001:db8:1:2::{n:x}", n).status_code for n in range(21)]
        other = alert_post("2001:db8:1:3::1", 99).status_code
    assert answers == [302] * 20 + [429]
    assert other == 302, "the next /64 is someone else"


def test_apply_address_reveals_from_one_64_share_a_limit():
    job = make_job(apply_email="jobs@hopper.example", apply_url="")
    url = f"/jobs/{job.slug}/apply/"
    answers = [
        Client(REMOTE_ADDR=f"2001:db8:5::{n:x}").post(url).status_code
        for n in range(ratelimit.APPLY_REVEAL.count + 1)
    ]
    assert answers[-1] == 429 and set(answers[:-1]) == {200}


def test_the_api_throttle_counts_a_64():
    ident = AnonymousThrottle().get_ident
    request = RequestFactory().get("/api/v1/jobs/", REMOTE_ADDR="2001:db8:9::1")
    assert ident(request) == "2001:db8:9::/64"
