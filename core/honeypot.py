"""The honeypot every form open to anyone carries: sign-up, job alerts, reports, contact."""

from django import forms


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by the stylesheet) and bots tend to fill in."""

    nickname = forms.CharField(
        required=False,
        label="Leave this field empty",
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean_nickname(self) -> str:
        if self.cleaned_data["nickname"]:
            raise forms.ValidationError("This form could not be sent. Please try again.")
        return ""
