"""The contact form: who is writing, about what, and the message."""

from django import forms

from core.honeypot import HoneypotMixin
from pages.models import ContactMessage


class ContactForm(HoneypotMixin):
    name = forms.CharField(
        label="Your name", max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="Your e-mail",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We reply to this address.",
    )
    subject = forms.CharField(label="Subject", max_length=200)
    message = forms.CharField(
        label="Message",
        max_length=ContactMessage._meta.get_field("message").max_length,
        widget=forms.Textarea(attrs={"rows": 7}),
    )
    # Made when the form is shown: sending it twice stores one message.
    token = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["name", "email", "subject", "message", "nickname", "token"]

    # The name and subject go into the e-mail's headers and first lines: one line each, or a
    # sender could write a fake "From:" above the site's own words (or a bare CR that makes
    # the e-mail unsendable).
    def clean_name(self) -> str:
        return _one_line(self.cleaned_data["name"], "Your name")

    def clean_subject(self) -> str:
        return _one_line(self.cleaned_data["subject"], "The subject")


def _one_line(value: str, what: str) -> str:
    if any(ch in value for ch in "\r\n\x0b\x0c\x85\u2028\u2029"):
        raise forms.ValidationError(f"{what} must fit on one line.")
    return value
