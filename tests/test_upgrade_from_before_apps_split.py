"""A database built before the apps split upgrades with everything in it, and can go back.

Commit 7ca7679 is the last before the salary models moved from `roles` to `salaries` and employer
accounts and API tokens from `jobs` to `employers` (tables renamed, content types relabelled). Its
own code builds a database and fills it (tests/upgrade/before_split_data.py); the current code
migrates it; tests/upgrade/report.py, run by the code of either side, reads what the database
holds, and the tests compare: every row with the same values, the same content types and
permissions under the new app labels, the groups' and users' grants, the admin's history, the
token's key, the schema, new rows with fresh ids, and the admin, salary pages and API answering.

The database is a SQLite file, or on PostgreSQL (DATABASE_URL) databases named after the suite's
with `_before_split`, `_upgrade` and `_rollback` added, made and dropped here. Both sides run with
this virtualenv's Python: the dependencies did not change.
"""

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import pytest

BEFORE_SPLIT = "7ca7679"
ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = Path(__file__).resolve().parent / "upgrade"

# Each moved model's app before the split and now.
APP_BEFORE = {
    "salarytitle": "roles",
    "titlealias": "roles",
    "salaryrecord": "roles",
    "salarystat": "roles",
    "unmatchedtitle": "roles",
    "employer": "jobs",
    "apitoken": "jobs",
}
APP_NOW = {
    **{model: "salaries" for model, app in APP_BEFORE.items() if app == "roles"},
    "employer": "employers",
    "apitoken": "employers",
}
TABLE_NOW = {f"{APP_BEFORE[model]}_{model}": f"{APP_NOW[model]}_{model}" for model in APP_BEFORE}
# Tables of models added after the split: created by the upgrade, not moved by it.
TABLES_ADDED_SINCE = {
    "core_limitcount",
    "core_pagegeneration",
    "employers_idempotencykey",
    "background_outgoingemail",
    "background_scheduledrun",
    "django_tasks_database_dbtaskresult",
    "alerts_subscriber",
    "alerts_alert",
    "alerts_alertsend",
    "reversion_revision",
    "roles_guidedraft",
    "roles_roledraft",
    "reversion_version",
    "companies_companyprofilechange",
    "jobs_companyevent",
    "jobs_companyslugredirect",
    "reports_report",
    "reports_reportdecision",
    "pages_page",
    "pages_contactmessage",
    "images_image",
    "images_imagevariant",
    "authors_author",
    "roles_guideauthor",
}
# Columns migrations after the split added to moved models (a token's expiry, set by the
# migration that added it to 90 days after the upgrade).
FIELDS_ADDED_SINCE = {"apitoken": {"expires_at"}}
# Apps added after the split: their migrations grant their own permissions (alerts/0002,
# companies/0002, reports/0002, pages/0002, images/0002, authors via roles/0014).
APPS_ADDED_SINCE = {"alerts", "companies", "reports", "pages", "images", "authors"}


# Permissions migrations after the split granted to groups (roles/0008: author profiles, whose
# table roles/0013 removed; roles/0014: authors and guides' credits; companies/0002: editors keep
# company profiles; jobs/0014: the companies' audit trail and merged companies' old addresses).
GRANTS_ADDED_SINCE = {
    "Editors": {"roles.authorprofile", "authors.author", "roles.guideauthor", "jobs.company"},
    "Moderators": {"jobs.companyevent", "jobs.companyslugredirect"},
}


def without_added_grants(grants: dict) -> dict:
    """Group grants as the commit before the split knew them."""
    groups = {
        name: [p for p in perms if f"{p[1]}.{p[2]}" not in GRANTS_ADDED_SINCE.get(name, set())]
        for name, perms in grants["groups"].items()
    }
    return {**grants, "groups": groups}


def without_added_fields(rows: dict) -> dict:
    """The rows as the commit before the split knew them."""
    return {
        model: [
            {k: v for k, v in row.items() if k not in FIELDS_ADDED_SINCE.get(model, set())}
            for row in model_rows
        ]
        for model, model_rows in rows.items()
    }


# What before_split_data.py's staff may do with the moved models, once upgraded: the editor and
# the moderator through their groups (migrations roles/0004 and jobs/0004), the auditor directly.
STAFF_MAY_NOW = {
    "auditor": ["employers.view_apitoken", "salaries.view_salarystat"],
    "editor": [
        "salaries.add_salarytitle",
        "salaries.add_titlealias",
        "salaries.change_salarytitle",
        "salaries.change_titlealias",
        "salaries.delete_salarytitle",
        "salaries.delete_titlealias",
        "salaries.view_salaryrecord",
        "salaries.view_salarytitle",
        "salaries.view_titlealias",
        "salaries.view_unmatchedtitle",
    ],
    "moderator": ["employers.change_employer", "employers.view_employer"],
}

pytestmark = pytest.mark.slow


@dataclass
class Database:
    url: str
    name: str
    server: str | None = None  # the PostgreSQL server's URL; None for a SQLite file
    base: str = ""  # the suite's database name, which a PostgreSQL copy's name starts with

    def copy(self, suffix: str) -> "Database":
        if self.server is None:
            target = Path(self.name).with_name(f"{suffix}.sqlite3")
            shutil.copyfile(self.name, target)
            return Database(f"sqlite:///{target}", str(target))
        name = f"{self.base}_{suffix}"
        postgres_admin(self.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(self.server, f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
        return Database(with_database(self.url, name), name, self.server, self.base)

    def drop(self) -> None:
        if self.server is not None:
            postgres_admin(self.server, f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def with_database(url: str, name: str) -> str:
    return urlsplit(url)._replace(path=f"/{name}").geturl()


def postgres_admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(with_database(server, "postgres"), autocommit=True) as admin:
        admin.execute(sql)


def tree_before_split(target: Path) -> Path:
    """Commit 7ca7679's files in `target`, or a skip that says what is missing."""
    git = shutil.which("git")
    if git is None:
        pytest.skip(f"needs the git binary to export commit {BEFORE_SPLIT}; git is not installed")
    archive = subprocess.run(
        [git, "-C", str(ROOT), "archive", "--format=tar", BEFORE_SPLIT], capture_output=True
    )
    if archive.returncode != 0:
        pytest.skip(
            f"needs commit {BEFORE_SPLIT} (the last before the apps split) in the git history, "
            f"which this checkout lacks (a shallow clone? `git fetch --unshallow`): "
            + archive.stderr.decode(errors="replace").strip()
        )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target


def manage(tree: Path, db: Database, *args: str, **env: str) -> subprocess.CompletedProcess:
    """`manage.py ARGS` of the code in `tree` on `db`, in a process of its own."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        SECRET_KEY=os.environ.get("SECRET_KEY", "test-only-secret-key"),
        DEBUG="1",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=db.url,
        LOG_LEVEL="ERROR",
        **env,
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=tree,
        env=environment,
        capture_output=True,
        text=True,
    )
    took = time.monotonic() - started
    print(f"{took:5.1f} s  {tree.name}: manage.py {' '.join(args)[:60]}")
    if done.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)[:200]} in {tree} exited {done.returncode}:\n"
            f"{done.stdout[-3000:]}\n{done.stderr[-6000:]}",
            pytrace=False,
        )
    return done


def run_script(tree: Path, db: Database, script: str, state: Path, **env: str) -> None:
    code = (SCRIPTS / script).read_text()
    manage(tree, db, "shell", "--no-imports", "-c", code, UPGRADE_STATE=str(state), **env)


def report(tree: Path, db: Database, state: Path, *, use: str = "") -> dict:
    """What the database holds of the moved models, read by the code in `tree`; with `use` (a
    word that the new rows' names carry), that code also adds a row to each of their tables and
    serves the admin, a salary page and the API; `after_use` has the rows after that."""
    out = state.with_name(f"report-{time.monotonic_ns()}.json")
    run_script(
        tree,
        db,
        "report.py",
        state,
        UPGRADE_REPORT=str(out),
        UPGRADE_USE="1" if use else "0",
        UPGRADE_TAG=use,
    )
    return json.loads(out.read_text())


@dataclass
class BeforeSplit:
    tree: Path
    database: Database
    state: Path
    report: dict


@pytest.fixture(scope="module")
def before_split(tmp_path_factory):
    """A database migrated and filled by the code of commit 7ca7679, and its report."""
    work = tmp_path_factory.mktemp("upgrade")
    tree = tree_before_split(work / BEFORE_SPLIT)
    url = os.environ.get("DATABASE_URL", "")
    if url and "postgres" in dj_database_url.parse(url)["ENGINE"]:
        # One set of databases per test process: pytest-xdist may run this module's tests in
        # two processes at once, each with its own fixtures.
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        base = dj_database_url.parse(url)["NAME"] + (f"_{worker}" if worker else "")
        name = f"{base}_before_split"
        database = Database(with_database(url, name), name, server=url, base=base)
        postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        postgres_admin(url, f'CREATE DATABASE "{name}"')
    else:
        path = work / "before_split.sqlite3"
        database = Database(f"sqlite:///{path}", str(path))
    try:
        manage(tree, database, "migrate", "--noinput")
        state = work / "state.json"
        run_script(tree, database, "before_split_data.py", state)
        yield BeforeSplit(tree, database, state, report(tree, database, state))
    finally:
        database.drop()


@dataclass
class Upgraded:
    database: Database
    report: dict


@pytest.fixture(scope="module")
def upgraded(before_split):
    """A copy of the database of before the split, migrated by the current code, and the
    report of the current code, which also added a row to each moved table and served pages."""
    database = before_split.database.copy("upgrade")
    try:
        manage(ROOT, database, "migrate", "--noinput")
        yield Upgraded(database, report(ROOT, database, before_split.state, use="upgraded"))
    finally:
        database.drop()


@pytest.fixture
def copy_of():
    """copy_of(database, name): a copy of `database` for one test."""
    copies = []

    def copy(database: Database, name: str) -> Database:
        copies.append(database.copy(name))
        return copies[-1]

    yield copy
    for database in copies:
        database.drop()


def as_left(report: dict) -> dict:
    """`report` with the rows and counts as its code left them, after adding rows."""
    return report | report["after_use"]


def relabelled(permissions: list, apps: dict) -> list:
    """[pk, app, model, codename] rows with each moved model's app as in `apps`."""
    return sorted(
        [pk, apps.get(model, app), model, code]
        for pk, app, model, code in permissions
        if app not in APPS_ADDED_SINCE
    )


def grants(report: dict, apps: dict) -> dict:
    """Who holds which permission, and what the admin's history points at, under `apps`."""
    return {
        "groups": {name: relabelled(perms, apps) for name, perms in report["groups"].items()},
        "users": {
            name: relabelled(perms, apps) for name, perms in report["user_permissions"].items()
        },
        "log": [
            [pk, apps.get(model, app), model, *rest]
            for pk, app, model, *rest in report["log_entries"]
        ],
    }


def renamed_tables(schema: dict) -> dict:
    """The schema of before the split as it reads once its tables have their new names: the
    constraints keep their names, foreign keys point at the renamed tables."""
    text = json.dumps(schema)
    for old, new in TABLE_NOW.items():
        text = text.replace(f'["{old}", ', f'["{new}", ')
    return json.loads(text)


def assert_in_layout(report: dict, apps: dict) -> None:
    """The moved models are where `apps` puts them: labels, tables, the columns and the named
    indexes and constraints their models declare."""
    assert report["labels"] == {model: f"{app}.{model}" for model, app in apps.items()}
    assert report["tables"] == {model: f"{app}_{model}" for model, app in apps.items()}
    for model, schema in report["schema"].items():
        assert schema["columns"] == schema["model_columns"], model
        assert schema["declared_but_missing"] == [], model


def assert_upgraded(before: dict, after: dict) -> None:
    """`after`, read by the current code once the database of `before` is migrated, holds the
    same rows, content types, grants and schema under the new app labels and table names."""
    assert_in_layout(after, APP_NOW)
    assert without_added_fields(after["rows"]) == before["rows"]
    assert all(row["expires_at"] for row in after["rows"]["apitoken"])
    assert after["kept_counts"] == before["kept_counts"]
    # The same content type rows, relabelled; none left under the old labels.
    assert after["content_types"] == before["content_types"]
    assert after["other_content_types"] == []
    # Every permission keeps its id; every group, user and history entry keeps what it had.
    assert after["permissions_of_moved_models"] == relabelled(
        before["permissions_of_moved_models"], APP_NOW
    )
    assert without_added_grants(grants(after, APP_NOW)) == grants(before, APP_NOW)
    assert all(str(edited) == object_id for *_, object_id, edited in after["log_entries"])
    assert after["staff_may"] == STAFF_MAY_NOW
    # The key issued before the split still finds its token.
    assert after["token_found"] is not None
    assert after["token_found"] == before["token_found"]

    # The tables are renamed, not copied: the old names are gone, nothing else changed (but for
    # the tables of models made since, which the upgrade creates).
    def moved(tables: list[str]) -> list[str]:
        return sorted(TABLE_NOW.get(t, t) for t in tables if t not in TABLES_ADDED_SINCE)

    assert moved(after["all_tables"]) == moved(before["all_tables"])
    expected = renamed_tables(before["schema"])
    assert schema_as_before(after["schema"], expected) == expected


def unnamed_indexes(schema: dict) -> dict:
    """`schema` with the constraints of the tables migrations since have rebuilt (on SQLite,
    which renames their indexes) compared by what they are, not by name."""
    result = dict(schema)
    for model in FIELDS_ADDED_SINCE:
        table = dict(schema[model])
        table["constraints"] = sorted(
            json.dumps(definition, sort_keys=True) for definition in table["constraints"].values()
        )
        result[model] = table
    return result


def schema_as_before(schema: dict, before: dict) -> dict:
    """`schema` as the commit before the split would read it, where migrations since added to a
    moved model: its columns without the added ones, and, when every key, uniqueness and check
    it had is still there (whatever its name: such a migration rebuilds the table on SQLite,
    which renames indexes, and a unique index on (user, name) now serves what the plain index
    on user_id served), its constraints as they were."""
    result = dict(schema)
    for model, added in FIELDS_ADDED_SINCE.items():
        table = dict(schema[model])
        table["columns"] = [c for c in table["columns"] if c not in added]
        table["model_columns"] = [c for c in table["model_columns"] if c not in added]
        now = list(table["constraints"].values())
        kept = before[model]["constraints"]
        lasting = [v for v in kept.values() if not (v["index"] and not v["unique"])]
        if all(definition in now for definition in lasting):
            table["constraints"] = kept
        result[model] = table
    return result


def assert_used(report: dict) -> None:
    """The code that wrote `report` could add rows, serve its pages and take the API token."""
    for model, (top_before, new_pk) in report["inserted"].items():
        assert new_pk > top_before, f"{model}: new row {new_pk}, rows up to {top_before} before"
    assert report["pages"] and set(report["pages"].values()) == {200}, report["pages"]
    assert report["api_with_token"] == [200, 2]  # the employer's two postings
    if report["vendor"] == "postgresql":
        assert None not in report["sequences"].values(), report["sequences"]


def test_the_data_before_the_split_covers_every_moved_model(before_split):
    before = before_split.report
    assert_in_layout(before, APP_BEFORE)
    assert all(before["rows"][model] for model in APP_BEFORE), "a moved table is empty"
    assert before["token_found"] is not None
    assert before["staff_may"] == {
        user: sorted(p.replace("salaries.", "roles.").replace("employers.", "jobs.") for p in may)
        for user, may in STAFF_MAY_NOW.items()
    }


def test_upgrade_keeps_rows_permissions_and_tokens(before_split, upgraded):
    assert_upgraded(before_split.report, upgraded.report)
    assert_used(upgraded.report)


def test_rollback_to_before_the_split_and_upgrade_again(before_split, upgraded, copy_of):
    """Undoing the move (`migrate salaries zero`, `migrate jobs 0008`) gives the code of before
    the split its tables, content types and grants back; upgrading again keeps what it wrote."""
    before, old = before_split.report, before_split.tree
    database = copy_of(upgraded.database, "rollback")
    manage(ROOT, database, "migrate", "salaries", "zero", "--noinput")
    manage(ROOT, database, "migrate", "jobs", "0008", "--noinput")
    back = report(old, database, before_split.state, use="rolledback")

    assert_in_layout(back, APP_BEFORE)
    assert back["rows"] == without_added_fields(upgraded.report["after_use"]["rows"])
    assert back["kept_counts"] == upgraded.report["after_use"]["kept_counts"]
    assert back["content_types"] == before["content_types"]
    assert back["permissions_of_moved_models"] == before["permissions_of_moved_models"]
    assert grants(back, APP_BEFORE) == grants(before, APP_BEFORE)
    assert back["staff_may"] == before["staff_may"]
    assert back["token_found"] == before["token_found"]
    assert unnamed_indexes(back["schema"]) == unnamed_indexes(before["schema"])
    # None left behind under the new labels either (post-migrate makes content types for the
    # models of the migrated state, which has none in `salaries` and `employers` now).
    assert back["other_content_types"] == []
    assert_used(back)

    manage(ROOT, database, "migrate", "--noinput")
    again = report(ROOT, database, before_split.state, use="again")
    assert_upgraded(as_left(back), again)
    assert_used(again)
