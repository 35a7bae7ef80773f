"""The form that saves a search as an alert: an address, how often, and the search itself."""

from django import forms

from alerts.addresses import AddressProblem, normalize_address
from alerts.models import Frequency
from alerts.searches import SEARCH_MAX_LENGTH
from core.honeypot import HoneypotMixin


class AddressField(forms.EmailField):
    """An e-mail address in its one spelling (alerts/addresses.py), checked once normalized."""

    def to_python(self, value: str | None) -> str | None:
        value = super().to_python(value)
        if not value:
            return value
        try:
            return normalize_address(value)
        except AddressProblem as problem:
            raise forms.ValidationError(str(problem), code="invalid") from None


class AlertForm(HoneypotMixin):
    email = AddressField(
        label="Your e-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "placeholder": "you@example.com"}),
    )
    frequency = forms.ChoiceField(
        label="How often",
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )
    # The search's query string; validated again through the job filters when saved.
    search = forms.CharField(required=False, max_length=SEARCH_MAX_LENGTH, widget=forms.HiddenInput)
    field_order = ["email", "frequency", "search", "nickname"]


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Frequency.choices)
