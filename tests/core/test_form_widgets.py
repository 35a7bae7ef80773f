"""QuickSelect writes what Django's Select template writes."""

import pytest
from django import forms
from django.http import QueryDict

from core.form_widgets import QuickSelect
from jobs.filters import JobFilter
from jobs.models import Job
from tests.factories import make_role

CHOICES = [
    ("", "Any role"),
    ("a&b", 'A & "B"'),
    ("<b>", "<B>"),
    ("Group 'one'", [("g1", "G1"), ("g2", "G & 2")]),
    (3, "Three"),
]


@pytest.mark.parametrize("value", ["", "a&b", "<b>", "g2", 3, ["g1", "g2"], None])
@pytest.mark.parametrize(
    "attrs",
    [
        {"id": "id_role"},
        {"id": "x", "aria-invalid": "true", "aria-describedby": "x_error", "required": True},
        {"disabled": False, "data-x": '"quoted" & <tagged>'},
    ],
)
def test_the_same_markup_as_djangos_select(value, attrs):
    expected = forms.Select(choices=CHOICES).render("role", value, dict(attrs))
    assert QuickSelect(choices=CHOICES).render("role", value, dict(attrs)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "role=nlp", "role=no-such-role", "posted_within=7"])
def test_the_job_searchs_selects_as_django_writes_them(query):
    for slug in ("nlp", "vision"):
        make_role(slug=slug, name=f"{slug.title()} & Co")
    jobs = JobFilter(QueryDict(query), queryset=Job.objects.none())
    jobs.is_valid()
    for name in ("role", "posted_within"):
        field = jobs.form[name]
        assert isinstance(field.field.widget, QuickSelect)
        expected = field.as_widget(widget=forms.Select(choices=field.field.choices))
        assert str(field) == expected
        assert ('aria-invalid="true"' in expected) == (
            query == "role=no-such-role" and name == "role"
        )
