"""The reads that job cards on other apps' pages go through (jobs/selectors.py)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs import selectors
from tests.factories import make_job, make_role

pytestmark = pytest.mark.django_db


def test_a_role_s_openings_come_featured_first_and_are_counted_up_to_a_cap(
    django_assert_num_queries,
):
    role = make_role()
    now = timezone.now()
    plain = [make_job(role=role, posted_at=now - timedelta(hours=n + 1)) for n in range(3)]
    featured = make_job(role=role, featured_until=now + timedelta(days=3),
                        posted_at=now - timedelta(days=5))  # fmt: skip
    make_job(role=make_role())  # another role's
    with django_assert_num_queries(2):
        openings = selectors.role_openings(role, limit=3, count_up_to=10)
    assert openings.jobs == [featured, plain[0], plain[1]]
    assert (openings.count, openings.count_label) == (4, "4")
    capped = selectors.role_openings(role, limit=3, count_up_to=2)
    assert (capped.count, capped.count_label) == (2, "2+")


def test_job_cards_for_roles_show_only_the_roles_own_jobs_featured_first(
    django_assert_num_queries,
):
    role, other = make_role(), make_role()
    soon = timezone.now() + timedelta(days=3)
    plain = make_job(role=role)
    two_days_ago = timezone.now() - timedelta(days=2)
    featured = make_job(role=role, featured_until=soon, posted_at=two_days_ago)
    make_job(role=other, featured_until=soon)
    make_job(featured_until=soon)  # no role
    with django_assert_num_queries(1):
        cards = selectors.job_cards_for_roles([role], limit=5)
    assert cards == [featured, plain]
    assert selectors.job_cards_for_roles([], limit=5) == []


def test_job_cards_for_roles_are_one_query(django_assert_num_queries):
    role = make_role()
    jobs = [make_job(role=role) for _ in range(2)]
    with django_assert_num_queries(1):
        cards = selectors.job_cards_for_roles([role], limit=5)
    assert set(cards) == set(jobs)
