"""What /healthz says about background work: mail that should have gone out long ago means no
worker is running (or none reaches the mail server), which visitors notice only as silence."""

from datetime import timedelta

from django.utils import timezone

from background.models import OutgoingEmail

OVERDUE = timedelta(minutes=10)


def problems() -> list[str]:
    overdue = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.PENDING, next_attempt_at__lt=timezone.now() - OVERDUE
    )
    if overdue.exists():
        return ["e-mail overdue by more than 10 minutes (is a worker running and reaching SMTP?)"]
    return []
