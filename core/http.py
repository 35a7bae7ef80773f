"""Request types for views that only signed-in accounts reach."""

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class SignedInRequest(HttpRequest):
    """A request as login_required (or the admin) passes it on: `user` is a signed-in account."""

    user: "User"
