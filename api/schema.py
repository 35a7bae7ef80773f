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
    "406": "The `Accept` header names no type this API answers in (JSON).",
    "409": "The posting's status does not allow this step.",
    "413": "The request body is too large.",
    "415": "The body is in a type this API does not read (send JSON).",
    "422": "This `Idempotency-Key` was already used with other content.",
    "429": "Too many requests; `Retry-After` says when to try again.",
}
# Public reads need no token; one that is sent must work (it raises the caller's rate limit).
PUBLIC_401 = "A token was sent and is not valid (public reads need none: send no token)."
NOT_MODIFIED = "Not modified: the `ETag` sent in `If-None-Match` is still current. No body."


class ApiSchema(AutoSchema):
    """Operations declare every status they can answer, responses mark every field required
    (a response always carries all of its fields, null where there is no value), and public
    reads are declared anonymous (`security: []`)."""

    @property
    def _for_employers(self) -> bool:
        return self.path.startswith("/api/v1/employer/")

    def get_auth(self):
        # A generated client lets anonymous callers call only operations without security
        # requirements (an empty requirement, {}, beside the token is not read that way).
        return super().get_auth() if self._for_employers else []

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is not None and not self._for_employers:
            operation["security"] = []
        return operation

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "response":
            # DRF writes every field of a serializer, null when empty: all are always there.
            schema["required"] = list(schema["properties"])
        return schema

    def _insert_field_validators(self, field, schema):
        super()._insert_field_validators(field, schema)
        # A blank URL or e-mail field is "a URL or empty". As oneOf, an empty string that a
        # validator does not check as a URL (formats are annotations in OpenAPI 3.1) matches
        # both branches and fails: anyOf says the same without that trap.
        if {"type": "string", "maxLength": 0} in schema.get("oneOf", ()):
            schema["anyOf"] = schema.pop("oneOf")

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        creates = self.method == "POST" and "{id}" not in self.path
        codes = ["401", "406", "429"]
        if not creates:
            codes.append("404")  # one object, or a list's page past the last
        checked = getattr(self.view, "validates_query", False)  # a read that checks its query
        if self.method != "GET" or self._is_list_view() or checked:
            codes.append("400")
        if self._for_employers:
            codes.append("403")
            if self.method != "GET":
                codes += ["409", "413"]  # any body past the size limit is refused
            if self.method != "GET" and self.get_request_serializer() is not None:
                codes.append("415")  # a body that is not JSON, a form or multipart
            if creates:
                codes = [c for c in codes if c != "409"] + ["422"]  # a reused Idempotency-Key
        elif self.method == "GET":
            responses.setdefault("304", {"description": NOT_MODIFIED})
        for code in sorted(set(codes)):
            response = self._get_response_for_code(ErrorSerializer, code, direction=direction)
            response["description"] = (
                PUBLIC_401 if code == "401" and not self._for_employers else ERRORS[code]
            )
            responses.setdefault(code, response)
        return responses
