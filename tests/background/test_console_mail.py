"""Development e-mail is printed as written: a long link stays on one line and can be copied."""

import io

from django.core.mail import EmailMultiAlternatives

from background.console_mail import EmailBackend

LINK = "http://127.0.0.1:8123/employers/verify/" + "x" * 120 + "/"


def test_a_long_link_is_printed_whole_with_the_headers_that_matter():
    stream = io.StringIO()
    message = EmailMultiAlternatives(
        "Confirm your address",
        f"Open this link:\n{LINK}\n",
        "jobs@localhost",
        ["grace@hopper.example"],
        headers={"List-Unsubscribe": "<http://127.0.0.1:8123/alerts/unsubscribe/abc/>"},
    )
    message.attach_alternative(f"<a href='{LINK}'>Confirm</a>", "text/html")
    EmailBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert LINK in printed.splitlines()
    assert "Subject: Confirm your address" in printed
    assert "To: grace@hopper.example" in printed
    assert "List-Unsubscribe: <http://127.0.0.1:8123/alerts/unsubscribe/abc/>" in printed
    assert "=\n" not in printed
