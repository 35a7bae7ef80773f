"""Writing the site's e-mail: plain text and HTML from one pair of templates, with links back to
the site. Messages go to the outbox (background/outbox.py) and leave with the worker, so no
request waits on the mail server."""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.template.loader import render_to_string

from background import outbox
from background.outbox import Message

__all__ = ["Message", "link", "queue", "render", "send"]

log = logging.getLogger(__name__)


def render(template: str, context: dict) -> tuple[str, str, str]:
    """templates/emails/<template>.{txt,html} as (subject, text, html); the text's first line is
    the subject."""
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject, _, body = render_to_string(f"emails/{template}.txt", context).partition("\n")
    html = render_to_string(f"emails/{template}.html", context)
    return subject.strip(), body.lstrip("\n"), html


def send(
    template: str,
    recipients: list[str],
    context: dict,
    *,
    headers: dict[str, str] | None = None,
) -> None:
    """One message to each recipient, sent once the current transaction commits."""
    if not recipients:
        log.warning("E-mail %s has no recipients", template)
        return
    subject, body, html = render(template, context)
    queue(
        Message(
            to=address, subject=subject, body=body, html=html, headers=headers or {}, kind=template
        )
        for address in recipients
    )


def queue(messages: Iterable[Message]) -> list[int]:
    """Messages already rendered (e.g. a digest run's, each with its own links), in bulk."""
    return outbox.queue(messages)


def link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
