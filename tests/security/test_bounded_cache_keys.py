"""A flood of made-up addresses cannot fill the page cache, nor push the limits out of theirs.

Ten thousand distinct junk queries (unknown parameters, values no page would render as asked,
names of nothing, searches that find nothing, spelling variants, other ports) against the
pages and the API store no more than the handful of real pages they stand for; a log-in lockout
and the address's failure count made before the flood still hold after it."""

import itertools

import pytest
from django.core.cache import caches
from django.test import Client

from core import ratelimit
from tests.employers.helpers import LOG_IN_URL, PASSWORD, make_employer
from tests.factories import make_guide, make_job, make_role

pytestmark = pytest.mark.django_db

FLOOD = 10_000
RENDERED_EVERY = 20  # 500 of them: each renders a page (tens of milliseconds)
ATTACKER = "203.0.113.7"


def junk_addresses(role_slug: str):
    """Endless distinct junk. Most of it is what costs the site least to answer (a dropped
    parameter or another spelling is served from the cache); one request in RENDERED_EVERY is a
    value that must be rendered, taking turns between kinds."""
    served_from_cache = [
        lambda n: ("/jobs/", {"utm_source": f"mail-{n}"}),
        lambda n: ("/", {"ref": n}),
        lambda n: (f"/roles/{role_slug}/", {"x": n}),
        lambda n: ("/jobs/", {"page": "0" * (n % 50 + 1) + "1", "fbclid": n}),  # page=01: page 1
        lambda n: ("/jobs/", {"workplace": ["remote", "onsite"][:: 1 if n % 2 else -1], "n": n}),
        lambda n: ("/api/v1/jobs/", {"junk": n}),
    ]
    rendered = [
        lambda n: ("/jobs/", {"page": f"{n}abc"}),
        lambda n: ("/jobs/", {"page": 1_000 + n}),  # past the last page
        lambda n: ("/jobs/", {"role": f"no-such-role-{n}"}),
        lambda n: ("/jobs/", {"ordering": f"by-{n}"}),
        lambda n: ("/jobs/", {"salary_min": f"-{n}"}),
        lambda n: ("/jobs/", {"q": f"zqx{n}"}),  # finds nothing
        lambda n: ("/guides/", {"role": f"nope-{n}"}),
        lambda n: ("/search/", {"q": f"qqz{n}"}),
        lambda n: ("/salaries/", {"q": f"zzq{n}"}),
        lambda n: ("/salaries/data-engineer/", {"country": f"X{n}"}),
        lambda n: ("/api/v1/jobs/", {"page_size": 101 + n}),
        lambda n: ("/api/v1/guides/", {"role": f"nope-{n}"}),
    ]
    for n in itertools.count():
        if n % RENDERED_EVERY == 0:
            yield rendered[n // RENDERED_EVERY % len(rendered)](n)
        else:
            yield served_from_cache[n % len(served_from_cache)](n)


def page_keys() -> int:
    return sum(":page:" in key or ":api:" in key for key in caches["default"]._cache)


def test_ten_thousand_junk_queries_store_a_bounded_number_of_pages(settings):
    # A page cache that never culls, so every key stored is counted.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "flood",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
    }
    role = make_role(name="Data Engineer", slug="data-engineer")
    make_job(role=role)
    make_guide(first_role=role)
    make_employer("target@victim.example")
    for _ in range(ratelimit.LOG_IN_FAILURES.count):
        Client(REMOTE_ADDR=ATTACKER).post(
            LOG_IN_URL, {"username": "target@victim.example", "password": "x"}
        )
    address_failures = ratelimit.store_call(
        "get", ratelimit._key(ratelimit.LOG_IN_ADDRESS_FAILURES, ATTACKER)
    )
    assert address_failures == ratelimit.LOG_IN_FAILURES.count

    client = Client(REMOTE_ADDR=ATTACKER)
    statuses = set()
    for path, query in itertools.islice(junk_addresses(role.slug), FLOOD):
        statuses.add(client.get(path, query).status_code)
    # Other ports for the site's own name, and names it does not answer to.
    for port in range(1, 21):
        statuses.add(client.get("/jobs/", headers={"host": f"testserver:{port}"}).status_code)
    statuses.add(client.get("/jobs/", headers={"host": "evil.example"}).status_code)

    assert statuses <= {200, 400, 404}
    # The real pages behind the junk: /, /jobs/, the role page, /guides/, /search/,
    # /salaries/, the salary page, the API's job and guide lists.
    assert 5 <= page_keys() <= 12
    assert Client().get("/jobs/")["X-Page-Cache"] == "hit"  # the real page, stored once
    # The limits live in their own cache: the flood evicted none of them.
    assert ratelimit.exceeded(ratelimit.LOG_IN_FAILURES, "target@victim.example")
    address_failures = ratelimit.store_call(
        "get", ratelimit._key(ratelimit.LOG_IN_ADDRESS_FAILURES, ATTACKER)
    )
    assert address_failures == ratelimit.LOG_IN_FAILURES.count
    answer = Client().post(LOG_IN_URL, {"username": "target@victim.example", "password": PASSWORD})
    assert "Too many failed attempts for this account" in answer.content.decode()
