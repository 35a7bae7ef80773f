"""Redis is a helper, never a dependency of serving: with Redis stopped (SIGSTOP: it accepts
connections and never answers, as when overloaded or cut off) gunicorn keeps serving uncached
pages at more than half its speed with Redis up, nothing answers 5xx, /healthz says degraded
(200) and /healthz?strict=1 answers 503; once Redis answers again the site uses it again, and a
change made while it was away is not forgotten.

Before the circuit breaker, every request waited for each of its cache calls to time out in
turn: about 135 uncached requests a second with Redis up, 1 with it stopped.
"""

import time

import pytest

from tests.faults import get, gunicorn, load, manage, redis_server, server_env

LOAD_SECONDS = 4
THREADS = 6


def uncached(n: int) -> tuple[str, str]:
    # Each address is new to the page cache: a miss, a render and a store.
    return "page", f"/jobs/?salary_min={n + 1}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with redis_server() as redis:
        database = tmp_path_factory.mktemp("redis-fault") / "db.sqlite3"
        env = server_env(
            DATABASE_URL=f"sqlite:///{database}",
            REDIS_URL=redis.url,
            REDIS_BREAKER_SECONDS="2",
        )
        manage(env, "migrate", "--noinput")
        manage(env, "generate_jobs", "--count", "40")
        with gunicorn(env, workers=2) as base:
            yield base, redis, env


def healthz(base: str, strict: bool = False) -> tuple[int, str]:
    status, _, body = get(base + "/healthz" + ("?strict=1" if strict else ""))
    return status, body.decode()


def test_a_stopped_redis_costs_little_and_is_noticed(site):
    base, redis, env = site
    # A page cached before the fault.
    get(base + "/guides/")
    assert get(base + "/guides/")[1]["X-Page-Cache"] == "hit"

    up = load(base, uncached, seconds=LOAD_SECONDS, threads=THREADS)
    redis.pause()
    try:
        paused = load(base, uncached, seconds=LOAD_SECONDS, threads=THREADS)
        degraded = healthz(base)
        strict = healthz(base, strict=True)
        # A change while Redis is away (retire_pages: what every content change does).
        manage(env, "retire_pages")
    finally:
        redis.resume()
    print(
        f"\nuncached pages: {up.rate:.0f}/s with Redis up, {paused.rate:.0f}/s with it stopped "
        f"({len(up.answers)} and {len(paused.answers)} requests in {LOAD_SECONDS} s each); "
        f"statuses up {dict(up.statuses())}, stopped {dict(paused.statuses())}"
    )
    assert set(up.statuses()) == {200}
    assert set(paused.statuses()) == {200}, paused.statuses()
    slowed = paused.rate <= up.rate / 2  # checked again below, once Redis is back
    assert degraded[0] == 200 and degraded[1].startswith("degraded: cache unavailable ("), degraded
    assert strict[0] == 503 and strict[1].startswith("degraded: cache unavailable ("), strict

    # Redis answers again: within a breaker cooldown every worker's circuit closes.
    deadline = time.monotonic() + 10
    answers: list[tuple[int, str]] = []
    while time.monotonic() < deadline:
        answers.append(healthz(base, strict=True))
        if answers[-4:] == [(200, "ok\n")] * 4:
            break
        time.sleep(0.3)
    assert answers[-4:] == [(200, "ok\n")] * 4, answers[-6:]
    # The change made while Redis was away retired the page cached before it...
    assert get(base + "/guides/")[1]["X-Page-Cache"] == "miss"
    # ...and the cache works again.
    assert get(base + "/guides/")[1]["X-Page-Cache"] == "hit"

    if slowed:
        # The suite's other process shares the cores and can halve one 4-second window on its
        # own: measure the pair once more. A stopped Redis that really costs every request its
        # timeout is slow both times.
        def fresh(n: int) -> tuple[str, str]:
            return uncached(n + 1_000_000)  # addresses the first pair did not store

        up = load(base, fresh, seconds=LOAD_SECONDS, threads=THREADS)
        redis.pause()
        try:
            paused = load(base, fresh, seconds=LOAD_SECONDS, threads=THREADS)
        finally:
            redis.resume()
        print(f"measured again: {up.rate:.0f}/s with Redis up, {paused.rate:.0f}/s stopped")
        assert paused.rate > up.rate / 2
