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
