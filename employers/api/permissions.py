"""Who may use the employers' endpoints."""

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from employers.models import Employer
from employers.views import employer_of

if TYPE_CHECKING:
    from django.contrib.auth.models import User


class EmployerApiRequest(Request):
    """A request that IsEmployer let through: a signed-in account with its `employer`."""

    user: "User"
    employer: Employer


class IsEmployer(BasePermission):
    """Signed in (token or session) with an employer account; request.employer is set."""

    message = "This account does not post jobs for a company."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        request.employer = employer_of(request.user)
        return request.employer is not None
