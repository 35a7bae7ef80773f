"""The employer dashboard's API tokens page: make a token (its key is shown once) or revoke one.

Each token has a name its account uses once, and an expiry (API_TOKEN_DAYS after it is made)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from employers.accounts import EmployerRequest
from employers.models import MAX_TOKENS_PER_USER, ApiToken
from employers.views import employer_required


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=60,
        help_text="What will use it, so you can tell your tokens apart: “Careers page sync”.",
    )


def name_in_use(tokens, name: str) -> bool:
    return tokens.filter(name__iexact=name).exists()


def name_taken(name: str) -> str:
    return (
        f"You already have a token named “{name}”. Choose another name, or revoke that one "
        "first (a key is shown only once: if you sent the form twice, revoke it and make "
        "a new one)."
    )


@employer_required
def api_tokens(request: EmployerRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=request.user)
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        if not request.employer.may_manage_postings:
            messages.info(request, "Confirm your e-mail address first: the link is in your inbox.")
            return redirect("employers:api-tokens")
        name = form.cleaned_data["name"]
        if tokens.count() >= MAX_TOKENS_PER_USER:
            form.add_error(None, f"You have {MAX_TOKENS_PER_USER} tokens: revoke one first.")
        elif name_in_use(tokens, name):
            form.add_error("name", name_taken(name))
        else:
            try:
                with transaction.atomic():
                    token, new_key = ApiToken.issue(user=request.user, name=name)
            except IntegrityError:  # the same name sent twice at once (a double click)
                form.add_error("name", name_taken(name))
            else:
                form = ApiTokenForm()
    context = {
        "employer": request.employer,
        "tokens": tokens,
        "form": form,
        "new_key": new_key,
        "new_token": tokens.first() if new_key else None,
        "token_days": settings.API_TOKEN_DAYS,
    }
    response = render(request, "employers/api_tokens.html", context)
    response["Cache-Control"] = "private, no-store"  # the page may hold a new key
    return response


@employer_required
def api_token_revoke(request: EmployerRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        token.delete()
        messages.success(request, f"The token “{token.name}” is revoked: it no longer works.")
        return redirect("employers:api-tokens")
    return render(
        request, "employers/api_token_revoke.html", {"token": token, "employer": request.employer}
    )
