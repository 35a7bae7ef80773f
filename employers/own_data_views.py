"""The employer's own data: the page that explains it, the JSON download and the deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core import ratelimit
from employers import own_data
from employers.accounts import EmployerRequest, too_many_attempts
from employers.forms import DeleteAccountForm
from employers.views import employer_required


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@employer_required
def my_data(request: EmployerRequest) -> HttpResponse:
    context = {
        "employer": request.employer,
        "closing": own_data.postings_to_close(request.employer).count(),
        "form": DeleteAccountForm(request.user),
    }
    return _private(render(request, "employers/my_data.html", context))


@require_POST
@employer_required
def download(request: EmployerRequest) -> HttpResponse:
    """The JSON file, as an attachment; a few per account a day (it reads every posting)."""
    if ratelimit.hit(ratelimit.DATA_EXPORT, str(request.user.pk)):
        return too_many_attempts(request, ratelimit.DATA_EXPORT)
    data = own_data.export(request.employer)
    body = json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return _private(response)


@require_POST
@employer_required
def delete_account(request: EmployerRequest) -> HttpResponse:
    if request.user.is_staff:  # a moderator's account is not deleted from here
        messages.error(request, "Staff accounts are removed by an administrator.")
        return redirect("employers:my-data")
    if ratelimit.hit(ratelimit.ACCOUNT_DELETION, str(request.user.pk)):
        return too_many_attempts(request, ratelimit.ACCOUNT_DELETION)
    form = DeleteAccountForm(request.user, request.POST)
    if not form.is_valid():
        context = {
            "employer": request.employer,
            "closing": own_data.postings_to_close(request.employer).count(),
            "form": form,
        }
        return _private(render(request, "employers/my_data.html", context, status=400))
    closed = own_data.delete_account(request.employer)
    logout(request)
    messages.success(
        request,
        "Your account is deleted"
        + (f" and {closed} posting(s) closed." if closed else ".")
        + " Thank you for posting with us.",
    )
    return redirect("employers:home")
