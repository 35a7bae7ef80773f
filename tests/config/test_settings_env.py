import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, next_redis_database


def test_env_bool(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", True) is True
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG")


def test_env_int(monkeypatch):
    monkeypatch.setenv("N", "12")
    assert env_int("N", 1) == 12
    monkeypatch.setenv("N", "twelve")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("N", 1)
    monkeypatch.setenv("N", "-3")
    with pytest.raises(ImproperlyConfigured, match="at least 0"):
        env_int("N", 1, minimum=0)


def test_env_list(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, b.example ,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    monkeypatch.delenv("HOSTS")
    assert env_list("HOSTS", ["x"]) == ["x"]


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "DEBUG": "0", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is required when DEBUG is off" in result.stderr


@pytest.mark.parametrize(
    ("url", "timeout"),
    [
        ("postgres://postgres@127.0.0.1:5432/jobboard", 5),
        ("postgres://postgres@127.0.0.1:5432/jobboard?connect_timeout=2", 2),
    ],
)
def test_a_postgresql_connection_gives_up_after_a_few_seconds(url, timeout):
    """An unanswering database costs a request seconds, not the system's minutes of TCP retries."""
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x", "DATABASE_URL": url,
           "DJANGO_SETTINGS_MODULE": "config.settings"}  # fmt: skip
    code = "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.strip() == repr({"connect_timeout": timeout}), result.stderr


def test_the_limits_default_to_the_next_database_of_the_page_cache_server():
    assert next_redis_database("redis://127.0.0.1:6379") == "redis://127.0.0.1:6379/1"
    assert next_redis_database("redis://:pw@cache:6380/3") == "redis://:pw@cache:6380/4"
    assert next_redis_database("unix:///run/redis.sock?db=2") == "unix:///run/redis.sock?db=3"
    assert next_redis_database("unix:///run/redis.sock") == "unix:///run/redis.sock?db=1"


def test_one_circuit_breaker_per_redis_server_whatever_the_database():
    from core.breaker import breaker_for

    pages = breaker_for("redis://127.0.0.1:6399/0")
    assert breaker_for("redis://127.0.0.1:6399/1") is pages
    assert breaker_for("redis://127.0.0.1:6398/1") is not pages
