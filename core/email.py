"""Sending the site's e-mail: plain text and HTML, with links back to the site."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string

log = logging.getLogger(__name__)


def send(template: str, recipients: list[str], context: dict) -> None:
    """Render templates/emails/<template>.{txt,html} (the first line of the text is the subject)
    and send one message to each recipient once the current transaction commits."""
    if not recipients:
        log.warning("E-mail %s has no recipients", template)
        return
    context = {"site_name": settings.SITE_NAME, "site_url": settings.SITE_URL, **context}
    subject, _, body = render_to_string(f"emails/{template}.txt", context).partition("\n")
    html = render_to_string(f"emails/{template}.html", context)

    def deliver() -> None:
        for address in recipients:
            message = EmailMultiAlternatives(subject.strip(), body.lstrip("\n"), to=[address])
            message.attach_alternative(html, "text/html")
            try:
                message.send()
            except Exception:  # a mail server failure must not undo the change it reports
                log.exception("Could not send e-mail %s to %s", template, address)

    transaction.on_commit(deliver)


def link(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
