"""Storing a contact message and e-mailing it to the editors through the outbox."""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core import email
from pages.models import ContactMessage

EDITORS_GROUP = "Editors"
# Handled messages are deleted after this (the Privacy page says so).
KEEP_HANDLED_MESSAGES = timedelta(days=365)


def contact_addresses() -> list[str]:
    """CONTACT_EMAIL when set; otherwise the active editors and superusers with an address."""
    if settings.CONTACT_EMAIL:
        return list(settings.CONTACT_EMAIL)
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    users = users.filter(Q(groups__name=EDITORS_GROUP) | Q(is_superuser=True))
    return sorted(set(users.values_list("email", flat=True)))


@transaction.atomic
def receive_message(
    *, name: str, address: str, subject: str, message: str, token: uuid.UUID
) -> tuple[ContactMessage, bool]:
    """Store the message and queue its e-mail to the editors; the same form sent again (its
    token) stores and sends nothing more. Returns the message and whether it is new."""
    stored, created = ContactMessage.objects.get_or_create(
        token=token,
        defaults={"name": name, "email": address, "subject": subject, "message": message},
    )
    if created:
        inbox_url = email.link(reverse("admin:pages_contactmessage_change", args=[stored.pk]))
        email.send(
            "contact_message",
            contact_addresses(),
            {"message": stored, "inbox_url": inbox_url},
            headers={"Reply-To": stored.email},
        )
    return stored, created


def remove_old_messages(now: datetime | None = None) -> str:
    """The periodic job (settings.PERIODIC_JOBS): messages handled over a year ago."""
    cutoff = (now or timezone.now()) - KEEP_HANDLED_MESSAGES
    removed = ContactMessage.objects.filter(handled_at__lt=cutoff).delete()[0]
    return f"removed {removed} old contact message(s)"
