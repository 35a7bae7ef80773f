"""Forms and FilterSets copy their class's fields and filters lightly (core/light_copies.py):
each instance still has its own of everything it may change, and searches made one after another
or side by side keep to their own values."""

import copy
import gc
from types import SimpleNamespace

import pytest
from django import forms
from django.http import QueryDict

from config import gunicorn
from core.light_copies import CopiedLightly, copy_field, copy_filter
from jobs.filters import JobFilter
from jobs.models import Job
from roles.models import Role
from tests.factories import make_job, make_role


def test_a_copied_field_has_its_own_widget_messages_and_validators():
    field = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple(attrs={"x": "1"})
    )
    copied = copy_field(field)
    assert copied is not field
    assert copied.widget is not field.widget
    assert copied.widget.attrs == {"x": "1"} and copied.widget.attrs is not field.widget.attrs
    assert copied.error_messages is not field.error_messages
    assert copied.validators is not field.validators
    assert list(copied.choices) == [("a", "A"), ("b", "B")]
    copied.choices = [("c", "C")]  # a form setting its own choices leaves the class's alone
    copied.widget.attrs["x"] = "2"
    assert list(field.choices) == [("a", "A"), ("b", "B")]
    assert list(field.widget.choices) == [("a", "A"), ("b", "B")]
    assert field.widget.attrs == {"x": "1"}


@pytest.mark.django_db
def test_a_copied_model_choice_field_has_its_own_queryset():
    field = forms.ModelChoiceField(queryset=Role.objects.all())
    copied = copy_field(field)
    assert copied.queryset is not field.queryset  # a fresh one, as Django's copy makes
    copied.queryset = Role.objects.none()
    assert list(field.queryset) == list(Role.objects.all())
    assert copied.widget.choices is not field.widget.choices


def test_the_deep_copy_of_the_dict_uses_the_light_copy():
    calls = []
    fields = CopiedLightly({"a": 1, "b": 2}, lambda value: calls.append(value) or value * 10)
    assert copy.deepcopy(fields) == {"a": 10, "b": 20}
    assert calls == [1, 2]


def test_a_copied_method_filter_calls_its_own_filtersets_method():
    first = JobFilter(QueryDict("q=python"), queryset=Job.objects.none())
    second = JobFilter(QueryDict("q=rust"), queryset=Job.objects.none())
    for filterset in (first, second):
        filter_ = filterset.filters["q"]
        assert filter_ is not JobFilter.base_filters["q"]
        assert filter_.parent is filterset
        assert filter_.filter.method.__self__ is filterset
    assert first.filters["q"].extra is not JobFilter.base_filters["q"].extra
    original = JobFilter.base_filters["q"]
    assert copy_filter(original).filter.f is not original


@pytest.mark.django_db
def test_searches_one_after_another_keep_to_their_own_filters():
    role = make_role(slug="ml-engineer")
    other_role = make_role(slug="data-analyst", name="Data analyst")
    ml = make_job(title="ML engineer", role=role, workplace="remote")
    analyst = make_job(title="Analyst", role=other_role, workplace="onsite")
    queryset = Job.objects.public()
    by_role = JobFilter(QueryDict("role=ml-engineer"), queryset=queryset)
    by_workplace = JobFilter(QueryDict("workplace=onsite"), queryset=queryset)
    bad = JobFilter(QueryDict("role=nobody&workplace=nowhere"), queryset=queryset)
    assert list(by_role.qs) == [ml]
    assert list(by_workplace.qs) == [analyst]
    assert not bad.is_valid() and set(bad.form.errors) == {"role", "workplace"}
    assert by_role.is_valid() and by_workplace.is_valid()  # another's errors are its own
    assert by_role.form.fields["role"] is not by_workplace.form.fields["role"]
    widgets = [search.form.fields["workplace"].widget for search in (by_role, by_workplace)]
    assert widgets[0] is not widgets[1]


def test_gunicorn_workers_take_the_loaded_site_out_of_the_collectors_view():
    gc.unfreeze()
    try:
        gunicorn.post_worker_init(SimpleNamespace())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
