"""The bench data set's roles and guides: added up to a count, published, and never twice; its
open postings' page tags recorded as publishing records them."""

import pytest
from django.core.cache import cache

from core import page_tags
from demo.guide_generator import generate_guides, generate_roles
from demo.guides import load_roles_and_guides
from demo.management.commands.build_bench_data import record_page_tags
from jobs.choices import JobStatus
from roles.models import STANDARD_SECTIONS, Guide, Role
from tests.factories import make_job

pytestmark = pytest.mark.django_db


def test_roles_and_guides_are_added_up_to_the_count_once(client):
    load_roles_and_guides()
    roles_before = Role.objects.published().count()
    guides_before = Guide.objects.published().count()

    assert generate_roles(15) == 15 - roles_before
    assert generate_guides(30) == 30 - guides_before
    assert Role.objects.published().count() == 15
    assert Guide.objects.published().count() == 30
    assert generate_roles(15) == 0
    assert generate_guides(30) == 0

    guide = (
        Guide.objects.filter(second_role__isnull=False, sections__first_role_notes__startswith="In")
        .distinct()
        .first()
    )
    assert list(guide.sections.values_list("kind", flat=True)) == list(STANDARD_SECTIONS)
    assert guide.tips.count() == 3
    response = client.get(guide.get_absolute_url())
    assert response.status_code == 200
    assert guide.title in response.text


def test_open_postings_page_tags_are_recorded_once_as_publishing_records_them():
    cache.clear()
    shown, draft = make_job(), make_job(status=JobStatus.DRAFT)
    cache.clear()  # as after a bulk insert: no version for any tag
    job_key, company_key = (
        page_tags.key(page_tags.job(shown.pk)),
        page_tags.key(page_tags.company(shown.company_id)),
    )
    cache.set(company_key, "kept", None)

    assert record_page_tags(chunk=1) == 1
    assert cache.get(job_key) and cache.get(company_key) == "kept"
    assert cache.get(page_tags.key(page_tags.job(draft.pk))) is None  # not open: no page
    version = cache.get(job_key)
    assert record_page_tags() == 0
    assert cache.get(job_key) == version
