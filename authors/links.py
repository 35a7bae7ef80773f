"""An author's profile links: https only, and each network's link on that network."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

# The host names each network's profile links may have (the website may be anywhere).
NETWORK_HOSTS = {
    "GitHub": {"github.com"},
    "LinkedIn": {"linkedin.com", "www.linkedin.com"},
    "X": {"x.com", "twitter.com"},
}


def https_only(url: str) -> None:
    if urlsplit(url).scheme.lower() != "https":
        raise ValidationError("Use an https:// address.", code="https")


@deconstructible
class OnNetwork:
    """Refuses a link to another site than the network's."""

    def __init__(self, network: str) -> None:
        self.network = network

    def __call__(self, url: str) -> None:
        hosts = NETWORK_HOSTS[self.network]
        if (urlsplit(url).hostname or "").lower() not in hosts:
            raise ValidationError(
                f"Give the address of the profile on {self.network} "
                f"({' or '.join(sorted(hosts))}).",
                code="network",
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OnNetwork) and other.network == self.network
