"""A mail server that accepts connections and then says nothing (overloaded, half-dead) costs the
worker one connection timeout per sweep and loses nothing; the mail goes when it answers again."""

import socket
import threading

import pytest
from django.core import mail

from background import outbox
from background.models import OutgoingEmail
from core import email

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_smtp():
    """A listening socket that accepts and never sends the SMTP greeting."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        server.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_silent_mail_server_defers_the_mail_after_one_timeout(settings, silent_smtp):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": silent_smtp, "timeout": 1},
        }
    }
    email.queue(
        email.Message(to=f"p{n}@example.com", subject="Hi", body="Hello.", kind="test")
        for n in range(5)
    )
    outcome = outbox.deliver_due()
    assert (outcome.sent, outcome.deferred) == (0, 5)
    row = OutgoingEmail.objects.first()
    assert row.status == OutgoingEmail.Status.PENDING and row.attempts == 1
    assert "timed out" in row.last_error.lower() or "Timeout" in row.last_error

    # The server answers again (here: the test's own mail backend), and each goes once.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    OutgoingEmail.objects.update(next_attempt_at=row.created_at)
    assert outbox.deliver_due().sent == 5
    assert len(mail.outbox) == 5
