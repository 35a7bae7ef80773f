"""Retiring by resource: a change to a job, a company, a role, a guide or the salary figures
retires exactly the cached pages that show it; every other page is still served from the cache.

Two of everything (roles, companies, jobs, guides), so that each change has pages it must
retire and pages it must leave alone."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from core import page_cache, page_tags
from jobs.choices import JobStatus
from salaries.models import SalaryTitle
from salaries.stats import refresh_stats
from tests.factories import make_company, make_guide, make_job, make_role, make_salary_records

pytestmark = pytest.mark.django_db


class Board:
    def __init__(self) -> None:
        self.role, self.other_role = (
            make_role(name="Data Engineer", slug="data-engineer"),
            make_role(name="Vision Scientist", slug="vision-scientist"),
        )
        self.company, self.other_company = make_company(name="Acme"), make_company(name="Bolt")
        # The first job gives a salary (its page compares it with the figures), the other not.
        self.job = make_job(title="Pipeline Engineer", role=self.role, company=self.company)
        self.other_job = make_job(
            title="Vision Researcher",
            role=self.other_role,
            company=self.other_company,
            salary_min=None,
            salary_max=None,
        )
        self.guide = make_guide(title="Becoming a data engineer", first_role=self.role)
        self.other_guide = make_guide(title="Vision careers", first_role=self.other_role)
        title = SalaryTitle.objects.get(name="Data Engineer")
        make_salary_records(title, [100_000, 110_000, 120_000, 130_000, 140_000])
        refresh_stats()
        self.pages = {
            "home": "/",
            "jobs": "/jobs/",
            "search": "/search/?q=engineer",
            "job": self.job.get_absolute_url(),
            "other job": self.other_job.get_absolute_url(),
            "role": self.role.get_absolute_url(),
            "other role": self.other_role.get_absolute_url(),
            "roles": "/roles/",
            "guide": self.guide.get_absolute_url(),
            "other guide": self.other_guide.get_absolute_url(),
            "guides": "/guides/",
            "salaries": "/salaries/",
            "salary": title.get_absolute_url(),
            "api jobs": "/api/v1/jobs/",
            "api guides": "/api/v1/guides/",
        }

    def warm(self) -> None:
        for name, url in self.pages.items():
            Client().get(url)
            assert Client().get(url)["X-Page-Cache"] == "hit", name

    def retired(self) -> set[str]:
        """The pages no longer served from the cache (each is then stored again)."""
        answers = {name: Client().get(url) for name, url in self.pages.items()}
        assert all(answer.status_code == 200 for answer in answers.values())
        return {name for name, answer in answers.items() if answer["X-Page-Cache"] != "hit"}


@pytest.fixture
def board():
    board = Board()
    board.warm()
    return board


JOB_LISTS = {"home", "jobs", "search", "api jobs"}


def test_a_job_edit_retires_its_page_and_the_lists_it_is_on(board):
    board.job.title = "Senior Pipeline Engineer"
    board.job.save()
    # Its role's page and guide list the role's jobs; the other role's pages and guide do not.
    assert board.retired() == JOB_LISTS | {"job", "role", "guide"}


def test_a_job_moved_to_another_role_leaves_the_old_roles_pages_too(board):
    board.job.role = board.other_role
    board.job.save()
    # The other role's job now lists it among its similar jobs.
    moved_to = {"other role", "other guide", "other job"}
    assert board.retired() == JOB_LISTS | {"job", "role", "guide"} | moved_to
    assert board.retired() == set()  # stored again


def test_a_featured_job_retires_only_the_pages_of_its_own_role(board):
    board.other_job.featured_until = timezone.now() + timedelta(days=7)
    board.other_job.save()
    # Role and guide pages show only their own roles' jobs, featured or not.
    assert board.retired() == JOB_LISTS | {"other job", "other role", "other guide"}


def test_a_draft_saved_as_a_draft_retires_nothing(board):
    draft = make_job(
        role=board.role, company=board.company, status=JobStatus.DRAFT, posted_at=None,
        expires_at=None,
    )  # fmt: skip
    draft.title = "Still a draft"
    draft.save()
    assert board.retired() == set()


def test_a_company_edit_retires_its_jobs_pages_and_the_lists_of_its_jobs(board):
    board.company.name = "Acme Labs"
    board.company.save()
    assert board.retired() == JOB_LISTS | {"job", "role", "guide"}


def test_a_role_edit_retires_its_pages_and_the_pages_naming_roles(board):
    board.role.summary = "Builds the pipelines models learn from."
    board.role.save()
    lists_of_roles = {"home", "jobs", "search", "roles", "guides", "salaries", "salary"}
    # Every role page and guide page names the published roles (the "Compare with…" picker and
    # the comparison links), so those move too.
    naming_roles = {"other role", "other guide"}
    assert board.retired() == lists_of_roles | naming_roles | {
        "api jobs", "api guides", "role", "job", "guide"
    }  # fmt: skip


def test_a_guide_edit_retires_its_pages_and_the_lists_of_guides(board):
    board.guide.title = "Becoming a data engineer in 2026"
    board.guide.save()
    # The role's page and its jobs' pages list the role's guides.
    guide_lists = {"home", "search", "guides", "api guides"}
    assert board.retired() == guide_lists | {"guide", "role", "job"}


def test_a_guide_section_edit_retires_the_guide_and_the_guide_lists(board):
    section = board.guide.sections.first() or board.guide.sections.create(
        kind="custom", heading="x"
    )
    board.warm()
    section.heading = "What the work is like"
    section.save()
    assert board.retired() == {"home", "search", "guides", "api guides", "guide"}


def test_refreshed_salary_figures_retire_the_pages_showing_figures(board):
    refresh_stats()
    # Role pages show their figures, guide pages the medians beside their salary links, the
    # home page its top titles by pay; a job page compares its salary with them (the other job
    # gives none).
    assert board.retired() == {
        "salaries", "salary", "role", "other role", "job", "guide", "other guide", "home"
    }  # fmt: skip


def test_retiring_everything_is_still_one_call(board):
    page_cache.pages_changed()
    assert board.retired() == set(board.pages)


def test_a_lost_tag_version_reads_as_stale_never_as_fresh(board):
    cache.delete(page_tags.key(page_tags.job(board.job.pk)))  # evicted, or a Redis restart
    assert board.retired() == {"job"}
    assert board.retired() == set()


def test_a_page_rendered_while_a_change_was_made_is_not_stored(board, monkeypatch):
    from jobs import views

    show = views.job_page_context

    def changed_meanwhile(request, job):
        context = show(request, job)  # read before the change...
        page_cache.pages_changed(page_tags.job(job.pk))  # ...which another request makes now
        return context

    page_cache.pages_changed(page_tags.job(board.job.pk))
    monkeypatch.setattr(views, "job_page_context", changed_meanwhile)
    assert Client().get(board.pages["job"])["X-Page-Cache"] == "miss"
    monkeypatch.setattr(views, "job_page_context", show)
    # Not stored under the versions from after the change: rendered again, then kept.
    assert Client().get(board.pages["job"])["X-Page-Cache"] == "miss"
    assert Client().get(board.pages["job"])["X-Page-Cache"] == "hit"


def test_a_change_redis_never_heard_of_retires_every_page_once_it_answers(board, monkeypatch):
    from types import SimpleNamespace

    from django.core.cache import caches

    from core.models import PageGeneration

    # A job edit committed while Redis was away: the database has its change token, Redis not.
    PageGeneration.objects.update_or_create(
        pk=1, defaults={"token": "made-while-away", "changed_at": timezone.now()}
    )
    monkeypatch.setattr(page_cache, "_failures_checked", 0)
    monkeypatch.setattr(
        caches["default"], "breaker", SimpleNamespace(failures_seen=1, is_open=False),
        raising=False,
    )  # fmt: skip
    assert board.retired() == set(board.pages)
    assert cache.get(page_cache.CHANGE_KEY) != "made-while-away"  # a new one, in both places
    assert cache.get(page_cache.CHANGE_KEY) == PageGeneration.objects.get().token
    assert board.retired() == set()
