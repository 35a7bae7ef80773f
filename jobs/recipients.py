"""Who hears of a posting's review: its company's confirmed members and the moderators."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from jobs.models import Job

MODERATORS_GROUP = "Moderators"


def company_addresses(job: Job) -> list[str]:
    """The verified users of the posting's company."""
    members = get_user_model().objects.filter(
        employer__company=job.company_id, employer__verified_at__isnull=False
    )
    return sorted(set(members.exclude(email="").values_list("email", flat=True)))


def moderator_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    users = users.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True))
    return sorted(set(users.values_list("email", flat=True)))
