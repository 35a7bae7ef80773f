"""Who may use the employers' endpoints."""

from rest_framework.permissions import BasePermission

from employers.views import employer_of


class IsEmployer(BasePermission):
    """Signed in (token or session) with an employer account; request.employer is set."""

    message = "This account does not post jobs for a company."

    def has_permission(self, request, view) -> bool:
        if not (request.user and request.user.is_authenticated):
            return False
        request.employer = employer_of(request.user)
        return request.employer is not None
