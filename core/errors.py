"""The API's one error shape, also written outside the API (a body refused before it is read)."""


def error_body(status_code: int, code: str, detail: str, errors: dict | None = None) -> dict:
    return {"status": status_code, "code": code, "detail": detail, "errors": errors or {}}
