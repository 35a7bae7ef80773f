"""The employer dashboard's API tokens page: make a token (its key is shown once) or revoke one."""

from django import forms
from django.contrib import messages
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


@employer_required
def api_tokens(request: EmployerRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=request.user)
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        if not request.employer.may_manage_postings:
            messages.info(request, "Confirm your e-mail address first: the link is in your inbox.")
            return redirect("employers:api-tokens")
        if tokens.count() >= MAX_TOKENS_PER_USER:
            form.add_error(None, f"You have {MAX_TOKENS_PER_USER} tokens: revoke one first.")
        else:
            token, new_key = ApiToken.issue(user=request.user, name=form.cleaned_data["name"])
            form = ApiTokenForm()
    context = {
        "employer": request.employer,
        "tokens": tokens,
        "form": form,
        "new_key": new_key,
        "new_token": tokens.first() if new_key else None,
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
