"""Real worker processes (`manage.py worker`) on a database of their own, through the database
queue the site is configured with: two workers tick a one-second schedule whose job takes longer
than a second, and each slot runs once and never two at a time; an e-mail queued by another
process is delivered once."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
RUNS = 3
WAIT_SECONDS = 90


def run_lines(env: dict) -> list[str]:
    log = Path(env["RUN_LOG"])
    return log.read_text().splitlines() if log.exists() else []


def postgres_url(name: str) -> str:
    settings_dict = connection.settings_dict
    user = quote(settings_dict["USER"] or "")
    password = f":{quote(settings_dict['PASSWORD'])}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings_dict['PORT'] or 5432}/{name}"


@pytest.fixture
def database_url(tmp_path, worker_id):
    """A fresh database: a SQLite file, or on PostgreSQL runs a PostgreSQL database."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'workers.sqlite3'}"
        return
    name = f"jobboard_workers_{worker_id}"
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield postgres_url(name)
    with psycopg.connect(postgres_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def env(database_url, tmp_path):
    (tmp_path / "mail").mkdir()
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.background.worker_settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": "worker-test",
        "DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "RUN_LOG": str(tmp_path / "runs.log"),
        "RUN_SECONDS": "1.5",
        "MAIL_DIR": str(tmp_path / "mail"),
    }


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return done.stdout


def query(env: dict, code: str) -> object:
    return json.loads(manage(env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1])


QUEUE_MAIL = (
    "from core import email; email.queue([email.Message(to='grace@hopper.example', "
    "subject='Through the queue', body='Sent by a worker.', kind='test')])"
)
STATE = """
import json
from background.models import OutgoingEmail, ScheduledRun
from django_tasks_db.models import DBTaskResult
print(json.dumps({
    "runs": [[str(r.due_at), r.started_at is not None, r.finished_at is not None, r.outcome]
             for r in ScheduledRun.objects.order_by("due_at")],
    "mail": list(OutgoingEmail.objects.values_list("status", "attempts")),
    "tasks": sorted(DBTaskResult.objects.values_list("task_path", "status").distinct()),
}))
"""


def test_two_workers_run_each_slot_once_and_deliver_queued_mail(env, tmp_path):
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "shell", "--no-imports", "-c", QUEUE_MAIL)
    command = [sys.executable, "manage.py", "worker", "--no-reload", "--interval", "0.2",
               "--no-startup-delay"]  # fmt: skip
    workers = [
        subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )  # fmt: skip
        for _ in range(2)
    ]
    try:
        # Until three runs are done (a loaded machine starts Python slowly), or give up.
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and len(run_lines(env)) < RUNS:
            time.sleep(0.2)
        assert [w.poll() for w in workers] == [None, None], "both workers are still running"
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        errors = [worker.communicate(timeout=30)[1] for worker in workers]
    assert not any("Traceback" in e for e in errors), errors

    state = query(env, STATE)
    runs = state["runs"]
    spans = sorted(
        (float(start), float(end)) for _, start, end in (line.split() for line in run_lines(env))
    )
    finished = [run for run in runs if run[2]]
    assert len(finished) >= RUNS, runs
    assert len(spans) == len(finished), "each finished slot ran exactly once"
    assert all(run[3] == "recorded" for run in finished)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start >= end, f"two runs overlapped: {spans}"

    assert state["mail"] == [["sent", 1]]
    assert ["background.tasks.deliver_email", "SUCCESSFUL"] in state["tasks"]
    delivered = "".join(p.read_text() for p in (tmp_path / "mail").iterdir())
    assert delivered.count("Subject: Through the queue") == 1
