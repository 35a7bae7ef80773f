"""The guides' search column on PostgreSQL: filled by the database from the same fields and
weights the on-the-fly vector used, and kept current however a guide or its role changes."""

import pytest
from django.db import connection

from roles.models import Guide
from tests.factories import make_guide, make_role

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the column is filled by a PostgreSQL trigger (empty on SQLite)",
    ),
]


def found(text: str) -> set[str]:
    return set(Guide.objects.best_matches(text).values_list("title", flat=True))


def stored(guide: Guide) -> str:
    return Guide.objects.filter(pk=guide.pk).values_list("search_vector", flat=True).get()


def test_title_a_subtitle_and_roles_b_text_c():
    role = make_role(name="Vision Engineer", slug="vision-engineer")
    guide = make_guide(
        title="Choosing a path", subtitle="Careers in robotics", first_role=role, sections=False
    )
    Guide.objects.filter(pk=guide.pk).update(body_text="Kubernetes clusters everywhere.")
    vector = stored(guide)
    assert "'choos':1A" in vector
    assert "'robot':" in vector and vector.split("'robot':")[1].split()[0].endswith("B")
    assert vector.split("'vision':")[1].split()[0].endswith("B")
    assert vector.split("'kubernet':")[1].split()[0].endswith("C")  # body text, by update()
    assert found("kubernetes") == {"Choosing a path"}


def test_the_same_guides_are_found_and_ranked_as_by_the_vector_built_on_the_fly():
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    make_guide(title="Data engineering", subtitle="Pipelines", sections=False)
    make_guide(title="Careers", subtitle="Data for everyone", sections=False)
    make_guide(title="Other", introduction="Some data work.", sections=False)
    on_the_fly = (
        SearchVector("title", config="english", weight="A")
        + SearchVector("subtitle", "first_role__name", "second_role__name", config="english",
                       weight="B")
        + SearchVector("introduction", "outlook", "conclusion", "body_text", config="english",
                       weight="C")
    )  # fmt: skip
    query = SearchQuery("data", config="english")
    expected = (
        Guide.objects.annotate(v=on_the_fly, r=SearchRank(on_the_fly, query))
        .filter(v=query)
        .order_by("-r", "title")
        .values_list("title", "r")
    )
    ranked = Guide.objects.best_matches("data").order_by("-search_rank", "title")
    assert [(g.title, pytest.approx(g.search_rank)) for g in ranked] == list(expected)


def test_renaming_a_role_refreshes_its_guides():
    role = make_role(name="Quant Analyst", slug="quant-analyst")
    make_guide(title="Numbers", first_role=role, sections=False)
    assert found("quant") == {"Numbers"}
    role.name = "Risk Modeller"
    role.save()
    assert found("quant") == set() and found("modeller") == {"Numbers"}


def test_the_column_is_never_loaded_versioned_or_drafted():
    guide = make_guide(title="Deferred", sections=False)
    loaded = Guide.objects.get(pk=guide.pk)
    assert "search_vector" in loaded.get_deferred_fields()
    from django.core import serializers

    assert "search_vector" not in serializers.serialize("json", [loaded])
