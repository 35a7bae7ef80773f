from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from roles.models import (
    Guide,
    GuideSection,
    GuideTip,
    Role,
    Status,
    published_guides_of_role,
    related_guides,
)
from tests.factories import make_guide, make_role

pytestmark = pytest.mark.django_db


def test_markdown_is_rendered_once_on_save():
    role = make_role(definition="A **careful** builder.")
    assert role.definition_html == "<p>A <strong>careful</strong> builder.</p>"
    guide = make_guide(introduction="Hello <script>x()</script>*world*")
    assert "<script" not in guide.introduction_html
    assert "<em>world</em>" in guide.introduction_html


def test_tip_text_renders_inline():
    tip = GuideTip.objects.create(guide=make_guide(), lead_in="Lead", text="Do *this*.")
    assert tip.text_html == "Do <em>this</em>."


def test_role_structured_fields():
    role = make_role(
        tools="Frameworks: PyTorch, JAX\nDeployment: Docker",
        industries="Healthcare: imaging, triage\nRetail",
        broader_titles="Machine Learning Engineer\nEngineer",
        name="Deep Learning Engineer",
    )
    assert role.tool_groups == [("Frameworks", ["PyTorch", "JAX"]), ("Deployment", ["Docker"])]
    assert role.industry_list == [("Healthcare", "imaging, triage"), ("Retail", "")]
    assert role.salary_titles == ["Deep Learning Engineer", "Machine Learning Engineer", "Engineer"]


def test_tools_must_name_their_kind():
    role = make_role()
    role.tools = "PyTorch, JAX"
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "Kind: tool, tool" in str(error.value)


def test_reading_time_is_derived_from_everything_the_page_shows():
    role = make_role(definition="word " * 10)
    guide = make_guide(first_role=role, introduction="word " * 100, outlook="", conclusion="")
    assert guide.reading_minutes == 1
    GuideSection.objects.create(guide=guide, kind="custom", heading="More", intro="word " * 400)
    guide.refresh_body()
    guide.refresh_from_db()
    assert guide.reading_minutes == 3
    # The role's text is shown in the guide, so a longer role means a longer read.
    role.definition = "word " * 500
    role.save()
    guide.refresh_from_db()
    assert guide.reading_minutes == 5


def test_publishing_without_a_date_sets_it_to_now():
    guide = make_guide(status=Status.DRAFT, published_at=None)
    guide.status = Status.PUBLISHED
    guide.save()
    assert guide.published_at is not None
    assert guide.published_at <= timezone.now()


def test_published_queryset_hides_drafts_and_scheduled_guides():
    live = make_guide()
    make_guide(status=Status.DRAFT, published_at=None)
    make_guide(status=Status.DRAFT, published_at=timezone.now() - timedelta(days=1))
    scheduled = make_guide(published_at=timezone.now() + timedelta(hours=1))
    assert list(Guide.objects.published()) == [live]
    assert not scheduled.is_public


def test_database_refuses_a_guide_comparing_a_role_with_itself():
    role = make_role()
    with pytest.raises(IntegrityError):
        make_guide(first_role=role, second_role=role, sections=False)


def test_clean_explains_a_guide_comparing_a_role_with_itself():
    role = make_role()
    guide = Guide(title="x", slug="x", introduction="x", first_role=role, second_role=role)
    with pytest.raises(ValidationError) as error:
        guide.full_clean()
    assert "different role" in str(error.value)


def test_database_refuses_a_published_guide_without_a_date():
    guide = make_guide()
    with pytest.raises(IntegrityError):
        Guide.objects.filter(pk=guide.pk).update(published_at=None)


def test_related_guides_hand_picked_first_then_sharing_a_role():
    a, b, c = make_role(), make_role(), make_role()
    guide = make_guide(first_role=a, second_role=b)
    newest_sharing = make_guide(first_role=c, second_role=a, published_at=timezone.now())
    older_hand_picked = make_guide(first_role=c, published_at=timezone.now() - timedelta(days=90))
    make_guide(first_role=c)  # unrelated
    make_guide(first_role=b, status=Status.DRAFT, published_at=None)  # shares a role, not public
    guide.related_guides.add(older_hand_picked)
    assert list(guide.related()) == [older_hand_picked, newest_sharing]


def test_related_guides_read_compiled_are_the_querysets_for_one_role_or_two():
    a, b, c, d = make_role(), make_role(), make_role(), make_role()
    one_role = make_guide(first_role=a)
    two_roles = make_guide(first_role=b, second_role=c)
    for n, (first, second) in enumerate([(a, None), (c, a), (b, d), (d, None), (a, b), (c, None)]):
        make_guide(
            first_role=first, second_role=second, published_at=timezone.now() - timedelta(days=n)
        )
    make_guide(first_role=a, status=Status.DRAFT, published_at=None)
    one_role.related_guides.add(make_guide(first_role=d))
    for guide in (one_role, two_roles, Guide.objects.with_roles().get(pk=two_roles.pk)):
        ids = [role.pk for role in guide.roles]
        expected = list(related_guides(guide.pk, ids, timezone.now()))
        got = guide.related()
        assert got == expected and len(got) == 4
        assert [g.credited_authors for g in got] == [g.credited_authors for g in expected]
    # An editor's preview of a guide not yet saved reads through the ORM.
    assert Guide(title="New", first_role=a).related() == list(
        related_guides(None, [a.pk], timezone.now())
    )


def test_role_guides_cover_both_positions():
    role = make_role()
    first = make_guide(first_role=role)
    second = make_guide(second_role=role)
    make_guide()
    assert set(Guide.objects.for_role(role)) == {first, second}


def test_section_heading_defaults_to_its_kind():
    guide = make_guide(sections=False)
    assert GuideSection(guide=guide, kind="education").title == "Educational Backgrounds"
    assert GuideSection(guide=guide, kind="tools", heading="Stack").title == "Stack"
    custom = GuideSection(guide=guide, kind="custom")
    with pytest.raises(ValidationError):
        custom.full_clean()


def test_role_public_flag():
    assert make_role().is_public
    assert not make_role(status=Status.DRAFT).is_public
    assert list(Role.objects.published().filter(status=Status.DRAFT)) == []


def test_a_roles_guides_read_compiled_are_the_querysets():
    role, other = make_role(), make_role()
    now = timezone.now()
    for n in range(4):
        make_guide(first_role=role, published_at=now - timedelta(days=n))
        make_guide(first_role=other, second_role=role, published_at=now - timedelta(hours=n))
    make_guide(first_role=role, published_at=now + timedelta(days=1))  # scheduled
    make_guide(second_role=role, status=Status.DRAFT, published_at=None)
    make_guide(first_role=other)
    expected = list(Guide.objects.published(now).for_role(role).with_roles())
    assert published_guides_of_role(role=role.pk, now=now) == expected
    assert len(expected) == 8
