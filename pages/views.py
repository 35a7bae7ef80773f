"""The site's own pages, and the contact form on the Contact page.

About, Privacy, Terms and How moderation works are served from the page cache, tagged with
their page (an editor's save retires it). The Contact page carries the form's CSRF token, so it
is rendered for each visitor and never stored."""

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from core import page_tags, ratelimit
from core.breadcrumbs import trail
from core.page_cache import cache_public_page, tag_page
from pages import services
from pages.forms import ContactForm
from pages.models import ContactMessage, Page, Slug


def _page(request: HttpRequest, slug: str) -> Page:
    tag_page(request, page_tags.site_page(slug))
    return get_object_or_404(Page, slug=slug)


def _context(request: HttpRequest, page: Page) -> dict:
    crumbs = trail((page.title, page.get_absolute_url()))
    return {"page": page, "crumbs": crumbs}  # the breadcrumb bar writes their JSON-LD


@cache_public_page()
def site_page(request: HttpRequest, slug: str) -> HttpResponse:
    page = _page(request, slug)
    return render(request, "pages/page.html", _context(request, page))


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    page = get_object_or_404(Page, slug=Slug.CONTACT)
    if request.method != "POST":
        form = ContactForm(initial={"token": uuid.uuid4()})
        return _contact_page(request, page, form)
    form = ContactForm(request.POST)
    if not form.is_valid():
        return _contact_page(request, page, form)
    data = form.cleaned_data
    if not ContactMessage.objects.filter(token=data["token"]).exists():
        if ratelimit.hit(ratelimit.CONTACT, ratelimit.client_network(request)):
            return ratelimit.too_many(
                request,
                ratelimit.CONTACT,
                heading="Too many messages",
                message="Many messages were sent from your network in a short time.",
                back_url=reverse("home"),
                back_label="Back to the home page",
            )
        services.receive_message(
            name=data["name"],
            address=data["email"],
            subject=data["subject"],
            message=data["message"],
            token=data["token"],
        )
    return redirect("pages:contact-sent")


def _contact_page(request: HttpRequest, page: Page, form: ContactForm) -> HttpResponse:
    response = render(request, "pages/contact.html", {**_context(request, page), "form": form})
    response["Cache-Control"] = "private, no-store"
    return response


def contact_sent(request: HttpRequest) -> HttpResponse:
    response = render(request, "pages/contact_sent.html")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
