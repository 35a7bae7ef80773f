"""The bench data set's roles and guides: added up to a count, published, and never twice."""

import pytest

from demo.guide_generator import generate_guides, generate_roles
from demo.guides import load_roles_and_guides
from roles.models import STANDARD_SECTIONS, Guide, Role

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
