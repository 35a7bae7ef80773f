"""The report form on a posting's report page: a reason, details, an address for the outcome."""

from django import forms

from core.honeypot import HoneypotMixin
from reports.models import DETAILS_MAX_CHARS, Reason

DETAILS_NEEDED = "Tell us what is wrong: “Something else” needs a few words."


class ReportForm(HoneypotMixin):
    reason = forms.ChoiceField(
        label="What is wrong with this posting?",
        choices=Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what is wrong with the posting."},
    )
    details = forms.CharField(
        label="Details",
        required=False,
        max_length=DETAILS_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What you noticed, e.g. what the employer asked you to pay. Needed for "
        "“Something else”.",
    )
    email = forms.EmailField(
        label="Your e-mail, to hear the outcome",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="Used only to tell you what the moderators decided.",
    )
    # Made when the form is shown: sending it twice files one report.
    token = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["reason", "details", "email", "nickname", "token"]

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("reason") == Reason.OTHER and not data.get("details", "").strip():
            self.add_error("details", DETAILS_NEEDED)
        return data
