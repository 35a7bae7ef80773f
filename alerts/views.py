"""Saving a search as an alert, confirming it, managing an address's alerts, unsubscribing.

The pages reached from an e-mail carry a signed token in their address: they are never cached,
never indexed, and send no Referer onwards. No page shows an address except masked."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import addresses, searches, services, tokens
from alerts.forms import AlertForm, FrequencyForm
from alerts.models import Alert
from core import ratelimit

# The answers to a link that does not work: (status, heading, message).
LINK_PROBLEMS: dict[type[Exception], tuple[int, str, str]] = {
    tokens.Invalid: (
        400,
        "This link does not work",
        "It may be incomplete: copy the whole link from the e-mail into the address bar.",
    ),
    tokens.Expired: (
        410,
        "This confirmation link has expired",
        f"Links to confirm an alert work for {tokens.CONFIRM_DAYS} days. Save the search "
        "again to get a new one.",
    ),
    tokens.Gone: (
        410,
        "This alert no longer exists",
        "It was deleted, or never confirmed in time. Nothing more will be sent for it.",
    ),
}


def private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    # The token in the address never leaves in a Referer to another site. (Not "no-referrer": a
    # browser then sends "Origin: null" with the page's own form, and CSRF refuses it.)
    response["Referrer-Policy"] = "same-origin"
    return response


def link_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page reached by a signed link: a bad link gets its own clear page, never a 500."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        try:
            response = view(request, token)
        except (tokens.Invalid, tokens.Expired, tokens.Gone) as problem:
            status, heading, message = LINK_PROBLEMS[type(problem)]
            context = {"heading": heading, "message": message}
            response = render(request, "alerts/link_problem.html", context, status=status)
        return private(response)

    return wrapper


def same_origin(request: HttpRequest) -> bool:
    """Sent from this site's own page (or by a client that names no origin, like curl)."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    own = f"{request.scheme}://{request.get_host()}"
    return origin in (own, settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS)


# The form sits on /jobs/, job, role and guide pages, which the page cache serves to every
# visitor; a CSRF token would make them uncachable. A forged request gains nothing a direct one
# would not (there is no session to ride on: double opt-in and the rate limits hold either way),
# and browsers' Origin and Sec-Fetch-Site headers refuse forms posted from other sites.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        search = searches.canonical(searches.job_filter(request.GET))
        form = AlertForm(initial={"search": search}, auto_id="alert_%s")
        return private(_form_page(request, form, search))
    if not same_origin(request):
        context = {
            "heading": "This form must be sent from our own pages",
            "message": "Open the job search on this site and save it from there.",
        }
        return private(render(request, "alerts/link_problem.html", context, status=403))
    form = AlertForm(request.POST, auto_id="alert_%s")
    if not form.is_valid():
        search = searches.canonical(searches.job_filter(request.POST.get("search", "")[:1000]))
        return private(_form_page(request, form, search))
    address = form.cleaned_data["email"]  # normalized by the form (alerts/addresses.py)
    for limit, who in (
        (ratelimit.ALERT_SIGN_UP, ratelimit.client_network(request)),
        (ratelimit.ALERT_ADDRESS, addresses.mailbox_key(address)),
    ):
        if ratelimit.hit(limit, who):
            return ratelimit.too_many(
                request,
                limit,
                heading="Too many alerts",
                message="Many alerts were asked for in a short time.",
                back_url=reverse("jobs:list"),
                back_label="Back to the job search",
            )
    filterset = searches.job_filter(form.cleaned_data["search"])
    services.save_search(
        address=address,
        query=searches.canonical(filterset),
        description=searches.describe(filterset),
        frequency=form.cleaned_data["frequency"],
    )
    return redirect("alerts:sent")


def _form_page(request: HttpRequest, form: AlertForm, search: str) -> HttpResponse:
    context = {
        "form": form,
        "description": searches.describe(searches.job_filter(search)),
        "search_url": reverse("jobs:list") + (f"?{search}" if search else ""),
    }
    return render(request, "alerts/create.html", context)


def sent(request: HttpRequest) -> HttpResponse:
    """The same answer whatever the address: new, known, confirmed or at its limit."""
    context = {"days": tokens.CONFIRM_DAYS}
    return private(render(request, "alerts/sent.html", context))


@require_http_methods(["GET", "HEAD", "POST"])
@link_page
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # Opening the link only shows a button: mail scanners open links, and must not confirm.
    alert = tokens.alert_to_confirm(token)
    confirmed_before = alert.confirmed_at is not None
    if request.method == "POST" and not confirmed_before:
        services.confirm(alert)
    context = {
        "alert": alert,
        "masked_email": alert.subscriber.masked_email,
        "confirmed_before": confirmed_before,
        "manage_url": reverse("alerts:manage", args=[tokens.manage_token(alert.subscriber)]),
    }
    return render(request, "alerts/confirm.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@link_page
def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = tokens.subscriber_to_manage(token)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "delete-all":
            services.delete_subscriber(subscriber)
            return redirect("alerts:removed")
        alert = get_object_or_404(subscriber.alerts, pk=_int(request.POST.get("alert")))
        if action == "delete":
            services.delete_alert(alert)
            if not subscriber.alerts.exists():
                return redirect("alerts:removed")
        elif action == "frequency":
            form = FrequencyForm(request.POST)
            if not form.is_valid():
                return HttpResponse("Choose daily or weekly.", status=400)
            services.change_frequency(alert, form.cleaned_data["frequency"])
        else:
            return HttpResponse("Unknown action.", status=400)
        return redirect(reverse("alerts:manage", args=[token]) + f"?done={action}")
    context = {
        "subscriber": subscriber,
        "masked_email": subscriber.masked_email,
        "alerts": list(subscriber.alerts.all()),
        "done": request.GET.get("done"),
        "frequencies": FrequencyForm.base_fields["frequency"].choices,  # type: ignore[attr-defined]
    }
    return render(request, "alerts/manage.html", context)


def _int(value: str | None) -> int:
    try:
        return int(value or "")
    except ValueError:
        raise Http404("No such alert.") from None


# Mail clients unsubscribe with a POST of "List-Unsubscribe=One-Click" (RFC 8058) that carries
# no CSRF token; the signed address is the only key needed. Opening the link (a GET, which mail
# scanners do) shows a button and deletes nothing.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@link_page
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    alert = tokens.alert_to_unsubscribe(token)
    if request.method != "POST":
        context = {"alert": alert, "masked_email": alert.subscriber.masked_email}
        return render(request, "alerts/unsubscribe.html", context)
    subscriber = alert.subscriber
    services.delete_alert(alert)
    if request.POST.get("List-Unsubscribe") == "One-Click":
        return HttpResponse("Unsubscribed.", content_type="text/plain")
    remaining = Alert.objects.filter(subscriber_id=subscriber.pk).exists()
    context = {
        "alert": alert,
        "manage_url": reverse("alerts:manage", args=[tokens.manage_token(subscriber)])
        if remaining
        else "",
    }
    return render(request, "alerts/unsubscribed.html", context)


def removed(request: HttpRequest) -> HttpResponse:
    return private(render(request, "alerts/removed.html"))
