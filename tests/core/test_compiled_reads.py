"""A read compiled once (core/compiled_reads.py) gives what the ORM gives for the same values,
compiles nothing after its first read, and refuses a queryset it could not stand for."""

import threading
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.compiled_reads import CompiledRead
from jobs.choices import JobStatus
from jobs.models import Job, with_pages_q
from tests.factories import make_company, make_job, make_role

pytestmark = pytest.mark.django_db


def page_posting(slug, now):
    return Job.objects.filter(with_pages_q(now)).select_related("company", "role").filter(slug=slug)


@pytest.fixture
def postings():
    now = timezone.now()
    role = make_role(slug="ml")
    company = make_company(name="Acme", slug="acme")
    day = timedelta(days=1)
    states = {
        "open": {},
        "open-with-role": {"role": role},
        "scheduled": {"posted_at": now + day},
        "past-expiry": {"posted_at": now - 9 * day, "expires_at": now - day},
        "filled": {"status": JobStatus.FILLED},
        "expired": {
            "status": JobStatus.EXPIRED,
            "posted_at": now - 9 * day,
            "expires_at": now - day,
        },
        "draft": {"status": JobStatus.DRAFT, "posted_at": None},
        "pending": {"status": JobStatus.PENDING},
        "rejected": {"status": JobStatus.REJECTED},
    }
    for slug, fields in states.items():
        make_job(slug=slug, company=company, **fields)
    return list(states)


def test_the_same_postings_as_the_orm_for_every_state(postings):
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    now = timezone.now()
    for slug in [*postings, "no-such-posting"]:
        expected = list(page_posting(slug, now))
        got = read(slug=slug, now=now)
        assert [job.pk for job in got] == [job.pk for job in expected], slug
        for job, orm in zip(got, expected, strict=True):
            assert {f.attname: getattr(job, f.attname) for f in Job._meta.concrete_fields} == {
                f.attname: getattr(orm, f.attname) for f in Job._meta.concrete_fields
            }
    # A later moment is a value too: the scheduled posting has its page once posted.
    assert read(slug="scheduled", now=now + timedelta(days=2))


def test_related_rows_come_with_the_posting_in_one_query(postings):
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    with CaptureQueriesContext(connection) as queries:
        (job,) = read(slug="open-with-role", now=timezone.now())
        assert (job.company.name, job.role.slug) == ("Acme", "ml")
        assert job._state.db == "default" and not job._state.adding
    assert len(queries) == 1
    assert "open-with-role" in str(queries[0]["sql"])


def test_compiled_once_then_only_run(postings):
    """Neither the statement nor the converters of its columns are worked out again (the
    values still come out converted: the first test compares every field with the ORM's)."""
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    compile_sql, converters = SQLCompiler.as_sql, SQLCompiler.get_converters
    with (
        mock.patch.object(SQLCompiler, "as_sql", autospec=True, side_effect=compile_sql) as spy,
        mock.patch.object(
            SQLCompiler, "get_converters", autospec=True, side_effect=converters
        ) as converters_spy,
    ):
        read(slug="open", now=timezone.now())
        first, first_converters = spy.call_count, converters_spy.call_count
        for slug in ("filled", "draft", "open-with-role"):
            read(slug=slug, now=timezone.now())
    assert first >= 1 and first_converters == 1
    assert (spy.call_count, converters_spy.call_count) == (first, first_converters)


def test_values_of_another_kind_are_refused(postings):
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    with pytest.raises(TypeError, match="slug"):
        read(slug=None, now=timezone.now())  # would need IS NULL, another statement
    with pytest.raises(TypeError, match="aware"):
        read(slug="open", now=datetime(2026, 1, 1))
    with pytest.raises(TypeError, match="takes"):
        read(slug="open")
    with pytest.raises(TypeError, match="str, int, datetime or RawSQL"):
        CompiledRead(Job, page_posting, slug=str, now=datetime, limit=float)
    by_company = CompiledRead(Job, lambda company: Job.objects.filter(company=company), company=int)
    with pytest.raises(TypeError, match="company"):
        by_company(company=True)


def test_a_value_the_statement_does_not_carry_is_refused(postings):
    ignored = CompiledRead(Job, lambda slug: Job.objects.filter(slug="open"), slug=str)
    with pytest.raises(ValueError, match="'slug'"):
        ignored(slug="filled")

    # Written into the SQL text: the statement would differ for every value.
    def inlined_slug(slug):
        return Job.objects.filter(
            pk__in=RawSQL(f"SELECT id FROM jobs_job WHERE slug = '{slug}'", [])
        )

    inlined = CompiledRead(Job, inlined_slug, slug=str)
    with pytest.raises(ValueError, match="'slug'"):
        inlined(slug="open")


def test_a_statement_as_a_value_with_parameters_on_both_sides(postings):
    def page_postings(ids, now, slug):
        return Job.objects.filter(with_pages_q(now), pk__in=ids).exclude(slug=slug)

    read = CompiledRead(Job, page_postings, ids=RawSQL, now=datetime, slug=str)
    now = timezone.now()
    for wanted, left_out in [(["open", "filled", "draft"], "filled"), (["pending"], "x")]:
        places = ", ".join(["%s"] * len(wanted))
        ids = RawSQL(f"SELECT id FROM jobs_job WHERE slug IN ({places})", wanted)
        expected = page_postings(ids, now, left_out)
        got = read(ids=ids, now=now, slug=left_out)
        assert sorted(job.slug for job in got) == sorted(job.slug for job in expected)
        assert got or wanted == ["pending"]
    with pytest.raises(TypeError, match="at most one"):
        CompiledRead(Job, page_postings, ids=RawSQL, more=RawSQL)


def test_numbers_and_a_list_of_them_of_a_fixed_length(postings):
    def of_companies(first, second, slug):
        return Job.objects.filter(company__in=[first, second]).exclude(slug=slug).order_by("slug")

    read = CompiledRead(Job, of_companies, first=int, second=int, slug=str)
    acme = Job.objects.get(slug="open").company_id
    other = make_job(slug="elsewhere").company_id
    for first, second in [(acme, acme), (acme, other), (other, other), (0, -1)]:
        expected = [job.slug for job in of_companies(first, second, "draft")]
        assert [job.slug for job in read(first=first, second=second, slug="draft")] == expected
    assert [job.slug for job in read(first=other, second=other, slug="x")] == ["elsewhere"]


def test_a_value_the_orm_changes_is_refused(postings):
    day = timedelta(days=1)
    a_day_before = CompiledRead(
        Job,
        lambda now: Job.objects.filter(posted_at__lte=now, expires_at__gt=now - day),
        now=datetime,
    )
    with pytest.raises(ValueError, match="differs with the values"):
        a_day_before(now=timezone.now())
    prefix = CompiledRead(
        Job,
        lambda slug: Job.objects.filter(Q(slug=slug) | Q(slug__startswith=slug)),
        slug=str,
    )
    with pytest.raises(ValueError, match="differs with the values"):
        prefix(slug="open")
    prefetching = CompiledRead(
        Job, lambda slug: Job.objects.filter(slug=slug).prefetch_related("role"), slug=str
    )
    with pytest.raises(ValueError, match="prefetching"):
        prefetching(slug="open")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_read_compiled_in_one_thread_runs_in_another():
    """A threaded server (runserver, gunicorn's threads) serves each request in its own thread,
    with its own connection."""
    make_job(slug="threaded")
    read = CompiledRead(Job, page_posting, slug=str, now=datetime)
    assert [job.slug for job in read(slug="threaded", now=timezone.now())] == ["threaded"]
    found, failed = [], []

    def other_thread():
        try:
            found.extend(job.slug for job in read(slug="threaded", now=timezone.now()))
        except Exception as error:  # reported below, in the test's thread
            failed.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert not failed and found == ["threaded"]
