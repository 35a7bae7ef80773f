"""The OpenAPI schema's view of the API: every operation also documents the errors it can
answer, in the one error format (api.common.exception_handler)."""

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status, repeated.")
    code = serializers.CharField(help_text="“invalid”, “not_found”, “throttled”…")
    detail = serializers.CharField(help_text="What went wrong, in a sentence.")
    # A declared field, taken out of the class by DRF: the stubs see Serializer.errors.
    errors = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages by field or query parameter; empty unless the input was invalid.",
    )


ERRORS = {
    "400": "Invalid filter, ordering, page or field values; `errors` names them.",
    "401": "No token, or a token that is not valid.",
    "403": "The account may not do this (no company, or an unconfirmed e-mail address).",
    "404": "Not public, not the caller's, or a page past the last.",
    "409": "The posting's status does not allow this step.",
    "429": "Too many requests; `Retry-After` says when to try again.",
}


class ApiSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        employer = self.path.startswith("/api/v1/employer/")
        codes = ["429"]
        checked = getattr(self.view, "validates_query", False)  # a read that checks its query
        if self.method != "GET" or self._is_list_view() or employer or checked:
            codes.append("400")
        codes.append("404")  # one object, or a list's page past the last
        if employer:
            codes += ["401", "403"]
            if self.method != "GET":
                codes.append("409")
        for code in sorted(set(codes)):
            response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            response["description"] = ERRORS[code]
            responses.setdefault(code, response)
        return responses
