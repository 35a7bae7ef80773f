"""The POST an editor's browser sends for an admin change page, built from the page itself."""

from datetime import date, datetime

from django.forms import BaseForm
from django.utils import timezone


def _values(form: BaseForm, crlf: bool) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif value is True:
            data[key] = "on"
        elif isinstance(value, date) and not isinstance(value, datetime):
            data[key] = value.isoformat()  # a date alone is one input
        elif hasattr(value, "isoformat"):
            continue  # split into date and time below
        else:
            text = str(value)
            data[key] = text.replace("\n", "\r\n") if crlf else text  # as browsers send it
    return data


def change_form_data(page, crlf: bool = True) -> dict:
    """Everything the change form shows, as a browser would submit it unchanged."""
    form = page.context["adminform"].form
    data = _values(form, crlf)
    # Split date and time widgets post as name_0 and name_1.
    for name, field in form.fields.items():
        if field.widget.__class__.__name__ == "AdminSplitDateTime":
            data.pop(form.add_prefix(name), None)
            value = form[name].value()
            if value:
                value = timezone.localtime(value)
                data[f"{name}_0"] = value.strftime("%Y-%m-%d")
                data[f"{name}_1"] = value.strftime("%H:%M:%S")
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(k): v for k, v in management.initial.items()})
        for child in formset.forms:
            data.update(_values(child, crlf))
    return data
