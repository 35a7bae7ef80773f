"""Forms and FilterSets that copy their class's fields and filters cheaply for each instance.

Django deep-copies a form class's fields for every form, and django-filter its filters for every
FilterSet, so that an instance may change its own. The deep copy also copies what nobody changes
per instance: every choice of a choice field (each pair a tuple to copy), and for a filter the
form field it made once, with its widget and choices. For the job search, made on each list
page and API call, that was about a millisecond. These copies keep what an instance may change
its own (a field's widget, attributes, error messages, validators and a model choice field's
queryset; a filter's own attributes and its link to the FilterSet) and share the rest.
"""

import copy
from collections.abc import Callable
from typing import Any

from django import forms
from django_filters.filters import Filter, FilterMethod


class CopiedLightly(dict):
    """A dict of fields or filters whose deep copy (the one the form or FilterSet makes in
    its `__init__`) copies each value with `copy_one` instead."""

    def __init__(self, items: dict, copy_one: Callable[[Any], Any]):
        super().__init__(items)
        self.copy_one = copy_one

    def __deepcopy__(self, memo: dict) -> dict:
        return {name: self.copy_one(value) for name, value in self.items()}


def copy_field(field: forms.Field) -> forms.Field:
    """Django's own copy of a field, less the deep copy of a choice field's choices, which are
    shared (the field's own list, as the form may set another). Any other field, a model choice
    field (which sets its queryset again) or one made of several, is copied as Django copies it."""
    if type(field).__deepcopy__ is not forms.ChoiceField.__deepcopy__:
        return copy.deepcopy(field)
    result = forms.Field.__deepcopy__(field, {})  # the widget, messages and validators
    result._choices = list(field._choices)  # type: ignore[attr-defined]
    return result


def copy_filter(filter_: Filter) -> Filter:
    """The filter with its own attributes and `extra` (a model choice filter writes its
    queryset there), sharing the form field it made, which every form copies anyway. A
    method filter is bound to the copy, whose `parent` is the new FilterSet."""
    result = copy.copy(filter_)
    result.extra = dict(filter_.extra)
    if isinstance(filter_.filter, FilterMethod):
        result.method = filter_.method  # makes the copy's own FilterMethod
    return result


def fields_copied_lightly[F: type[forms.Form]](form_class: F) -> F:
    """`form_class`, whose forms copy its fields with `copy_field`."""
    form_class.base_fields = CopiedLightly(form_class.base_fields, copy_field)
    return form_class
