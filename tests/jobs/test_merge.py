"""Merging two companies in the admin: jobs and employers move, the old address still leads to
the kept company, the merge is in the audit trail and both companies' cached pages retire."""

from unittest import mock
from urllib.parse import parse_qs

import pytest
from django.urls import reverse

from core import page_tags
from employers.models import Employer
from jobs import merging, verification
from jobs.models import Company, CompanyEvent, CompanySlugRedirect
from tests.employers.helpers import client_for, make_employer, make_moderator
from tests.factories import make_company, make_job

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:jobs_company_changelist")


@pytest.fixture
def pair():
    keep = make_company(name="OpenAI Labs", slug="openai-labs")
    old = make_company(name="0penAI Labs", slug="0penai-labs")
    old.looks_like = keep
    old.save()
    verification.record(old, CompanyEvent.Kind.HELD, None, "The name looks like “OpenAI Labs”.")
    return keep, old


def test_a_moderator_merges_two_companies_from_the_list(client, pair):
    keep, old = pair
    kept_job, moved_job = make_job(company=keep), make_job(company=old)
    moved_member = make_employer(company=old)
    moderator = make_moderator()
    admin = client_for(moderator)
    action = {"action": "merge_companies", "_selected_action": [keep.pk, old.pk]}

    confirm = admin.post(CHANGELIST, action)
    assert confirm.status_code == 200
    assert "Choose the company to keep" in confirm.text
    assert Company.objects.count() == 2  # nothing happens before the choice

    response = admin.post(CHANGELIST, {**action, "keep": keep.pk, "reason": "Same business."})
    assert response.status_code == 302
    assert list(Company.objects.all()) == [keep]
    assert set(keep.jobs.all()) == {kept_job, moved_job}
    assert Employer.objects.get(pk=moved_member.pk).company == keep
    # The old address means the kept company now.
    assert CompanySlugRedirect.objects.get().old_slug == "0penai-labs"
    assert merging.resolve_company_slug("0penai-labs") == keep
    assert merging.resolve_company_slug("openai-labs") == keep
    assert merging.resolve_company_slug("nobody") is None
    # The audit trail: the merge, by whom and why, and the old company's own lines.
    merged = keep.events.get(kind=CompanyEvent.Kind.MERGED)
    assert merged.actor == moderator
    assert "0penAI Labs" in merged.note and "Same business." in merged.note
    assert keep.events.filter(kind=CompanyEvent.Kind.HELD).exists()


def test_the_old_company_filter_redirects_to_the_kept_company(client, pair):
    keep, old = pair
    job = make_job(company=old)
    merging.merge(old, keep, make_moderator())
    response = client.get("/jobs/?company=0penai-labs&workplace=remote")
    assert response.status_code == 301
    path, _, query = response["Location"].partition("?")
    assert (path, parse_qs(query)) == (
        "/jobs/",
        {"company": ["openai-labs"], "workplace": ["remote"]},
    )
    assert job.title in client.get("/jobs/?company=openai-labs").text
    # An address nobody had is no redirect: the filter leaves it out, as before.
    assert client.get("/jobs/?company=nobody").status_code == 200


def test_a_merge_retires_the_cached_pages_of_both_companies(pair):
    keep, old = pair
    make_job(company=old)
    with mock.patch("jobs.merging.pages_changed") as retire:
        merging.merge(old, keep, make_moderator())
    retired = {tag for call in retire.call_args_list for tag in call.args}
    assert {page_tags.company(old.pk), page_tags.company(keep.pk)} <= retired
    assert {page_tags.company_jobs(old.pk), page_tags.company_jobs(keep.pk)} <= retired


def test_merging_a_company_into_its_look_alike_clears_the_hold(pair):
    keep, old = pair
    keep.looks_like = old  # held the other way round
    keep.save()
    merging.merge(old, keep, make_moderator())
    assert not Company.objects.get(pk=keep.pk).is_held


def test_merging_twice_keeps_every_old_address(pair):
    keep, old = pair
    older = make_company(name="Open Labs Inc", slug="open-labs-inc")
    moderator = make_moderator()
    merging.merge(older, old, moderator)
    merging.merge(old, keep, moderator)
    assert merging.resolve_company_slug("open-labs-inc") == keep
    assert merging.resolve_company_slug("0penai-labs") == keep


def test_a_company_is_not_merged_into_itself(pair):
    keep, _ = pair
    with pytest.raises(merging.CannotMerge):
        merging.merge(keep, keep, make_moderator())


def test_a_verified_members_move_verifies_the_kept_company():
    keep = make_company(name="Tessellate", website="https://tessellate.example")
    old = make_company(name="Tessellate Ltd", website="https://tessellate.example")
    make_employer("ada@tessellate.example", company=old)
    verification.recheck(old)
    assert old.is_verified
    merging.merge(old, keep, make_moderator())
    assert Company.objects.get(pk=keep.pk).is_verified


def test_merging_needs_exactly_two_companies(pair):
    keep, old = pair
    third = make_company()
    admin = client_for(make_moderator())
    action = {"action": "merge_companies", "_selected_action": [keep.pk, old.pk, third.pk]}
    response = admin.post(CHANGELIST, action, follow=True)
    assert "Select exactly two companies to merge." in response.text
    assert Company.objects.count() == 3


def test_a_merged_companys_page_address_leads_to_the_kept_company(client, pair):
    keep, old = pair
    make_job(company=keep)
    make_job(company=old)
    merging.merge(old, keep, make_moderator(), "The same company.")
    answer = client.get("/companies/0penai-labs/")
    assert answer.status_code == 301
    assert answer["Location"] == "/companies/openai-labs/"
    assert client.get("/companies/openai-labs/").status_code == 200
    assert client.get("/companies/nobody-at-all/").status_code == 404


@pytest.mark.parametrize("slug", ["\x00", "a\x00b", "x" * 500, "../etc", "ünïcode"])
def test_what_is_not_a_slug_names_no_company_without_asking_the_database(
    slug, client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert merging.resolve_company_slug(slug) is None
    assert client.get("/jobs/", {"company": slug}).status_code in (200, 400)
    assert client.get(f"/companies/{slug}/").status_code == 404
