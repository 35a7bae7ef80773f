"""The dashboard: each posting with its status and actions, in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jobs.choices import JobStatus
from jobs.models import StatusChange
from tests.factories import make_job

from .helpers import DASHBOARD_URL, action_url, client_for, make_draft, make_employer

pytestmark = pytest.mark.django_db

# The stored log-in, the user, the employer with its company and user, the count of postings,
# one page of postings with the reviewer's note.
DASHBOARD_QUERIES = 5


def fill(employer, count: int) -> None:
    statuses = [JobStatus.DRAFT, JobStatus.PUBLISHED, JobStatus.REJECTED, JobStatus.FILLED]
    for n in range(count):
        status = statuses[n % len(statuses)]
        if status in (JobStatus.DRAFT, JobStatus.REJECTED):
            job = make_draft(employer.company, status=status)
        else:
            job = make_job(company=employer.company, status=status)
        StatusChange.objects.create(
            job=job, actor=None, from_status="", to_status=status, note=f"Note {n}"
        )


@pytest.mark.parametrize("count", [3, 30])
def test_dashboard_queries_do_not_grow_with_postings(count, django_assert_num_queries):
    employer = make_employer()
    fill(employer, count)
    client = client_for(employer.user)
    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(count, 25)


def test_each_posting_has_the_actions_its_status_allows():
    employer = make_employer()
    draft = make_draft(employer.company, title="The draft")
    live = make_job(
        company=employer.company,
        title="The live one",
        expires_at=timezone.now() + timedelta(days=5),
    )
    filled = make_job(company=employer.company, title="The filled one", status=JobStatus.FILLED)
    html = client_for(employer.user).get(DASHBOARD_URL).content.decode()
    assert action_url(draft, "submit") in html and action_url(draft, "delete") in html
    assert reverse("employers:preview", args=[draft.pk]) in html
    assert action_url(live, "fill") in html and action_url(live, "renew") in html
    assert action_url(live, "delete") not in html and action_url(live, "submit") not in html
    assert reverse("employers:edit", args=[filled.pk]) not in html
    assert action_url(filled, "duplicate") in html


def test_only_the_companys_postings_newest_first():
    employer = make_employer()
    now = timezone.now()
    older = make_draft(employer.company, title="Older")
    newer = make_draft(employer.company, title="Newer")
    older.__class__.objects.filter(pk=older.pk).update(created_at=now - timedelta(days=2))
    make_job(title="Somebody else's")
    response = client_for(employer.user).get(DASHBOARD_URL)
    assert list(response.context["page"].object_list) == [newer, older]
    assert "Somebody else" not in response.content.decode()
