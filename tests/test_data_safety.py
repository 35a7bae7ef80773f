"""Data safety: deleting a company or role never takes postings or guides with it; every migration
can be undone; a PostgreSQL backup restores to the same content."""

import subprocess
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.models import ProtectedError

from jobs.models import Job
from roles.models import Guide
from tests.factories import make_guide, make_job, make_role

ROOT = Path(__file__).resolve().parent.parent
OUR_APPS = {"roles", "jobs", "salaries", "employers"}


@pytest.mark.django_db
def test_deleting_a_company_with_postings_is_refused():
    job = make_job()
    with pytest.raises(ProtectedError):
        job.company.delete()
    assert Job.objects.filter(pk=job.pk).exists()


@pytest.mark.django_db
def test_deleting_a_role_keeps_its_postings_and_refuses_while_guides_use_it():
    role = make_role()
    job = make_job(role=role)
    guide = make_guide(first_role=role)
    with pytest.raises(ProtectedError):
        role.delete()
    guide.delete()
    role.delete()
    job.refresh_from_db()
    assert job.role is None  # the posting stays, without its role link
    assert not Guide.objects.filter(pk=guide.pk).exists()


def test_every_migration_of_ours_can_be_reversed():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app, name), migration in loader.disk_migrations.items():
        if app in OUR_APPS:
            for operation in migration.operations:
                assert operation.reversible, f"{app}.{name}: {operation.describe()}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrations_unapply_and_reapply():
    call_command("migrate", "jobs", "zero", verbosity=0)
    call_command("migrate", "roles", "zero", verbosity=0)
    call_command("migrate", verbosity=0)
    make_job(role=make_role())  # the schema works again


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump and pg_restore back up PostgreSQL; a SQLite database is one file to copy",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_scripts_round_trip(tmp_path):
    make_guide(first_role=make_role())
    for _ in range(3):
        make_job()
    settings = connection.settings_dict
    server = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
    source = f"{server}/{settings['NAME']}"
    target_name = f"{settings['NAME']}_restore"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        dump = tmp_path / "site.dump"
        run = {"cwd": ROOT, "check": True, "capture_output": True, "text": True}
        subprocess.run(
            ["scripts/backup.sh", str(dump)],
            env={"DATABASE_URL": source, "PATH": "/usr/bin:/bin"},
            **run,
        )
        target = f"{server}/{target_name}"
        subprocess.run(
            ["scripts/restore.sh", str(dump)],
            env={"DATABASE_URL": target, "PATH": "/usr/bin:/bin"},
            **run,
        )
        counts = "SELECT (SELECT count(*) FROM jobs_job), (SELECT count(*) FROM roles_guide)"
        with psycopg.connect(source) as a, psycopg.connect(target) as b:
            assert a.execute(counts).fetchone() == b.execute(counts).fetchone() == (3, 1)
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
