"""What the alerts hold about an e-mail address, for its owner's data download (an employer's
"Download my data": settings.OWN_DATA_SECTIONS). Never the key signed into the links."""

from typing import Any

from alerts.models import Subscriber


def for_address(address: str) -> dict[str, Any] | None:
    """The address's subscription and its saved searches, or None when it has none."""
    subscriber = Subscriber.objects.with_address(address).prefetch_related("alerts").first()
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "created_at": subscriber.created_at,
        "confirmed_at": subscriber.confirmed_at,
        "searches": [
            {
                "description": alert.description,
                "search": alert.search_url,
                "frequency": alert.frequency,
                "created_at": alert.created_at,
                "confirmed_at": alert.confirmed_at,
                "last_sent_at": alert.last_sent_at,
            }
            for alert in subscriber.alerts.all()
        ],
    }
