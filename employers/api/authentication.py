"""Token authentication for employers' own systems: `Authorization: Bearer <key>`.

Failed attempts (a malformed, unknown, revoked or expired key) are counted per network address;
past core.ratelimit.API_TOKEN_FAILURES the address gets a 429 before its key is even looked up."""

from typing import NoReturn

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from core import ratelimit
from employers.models import ApiToken


class TooManyTokenFailures(exceptions.Throttled):
    default_detail = "Too many requests with a token that does not work from this address."


class ApiTokenAuthentication(BaseAuthentication):
    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None  # no token: anonymous, or the session
        address = ratelimit.client_network(request)
        limit = ratelimit.API_TOKEN_FAILURES
        if ratelimit.exceeded(limit, address):
            raise TooManyTokenFailures(wait=limit.seconds)
        if len(parts) != 2:
            self._failed(address, "Send “Authorization: Bearer <key>”.")
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError:
            key = ""
        token = ApiToken.find(key)
        if token is None or not token.user.is_active:
            self._failed(address, "This API token is not valid or was revoked.")
        if token.is_expired:
            self._failed(
                address,
                f"This API token expired on {token.expires_at:%Y-%m-%d}: make a new one on the "
                "dashboard (API tokens).",
            )
        token.note_use()
        return token.user, token

    def _failed(self, address: str, message: str) -> NoReturn:
        ratelimit.hit(ratelimit.API_TOKEN_FAILURES, address)
        raise exceptions.AuthenticationFailed(message)

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A token made on the employer dashboard (API tokens): `Bearer jca_…`.",
        }
