"""The development mail backend: each message printed as a person reads it.

Django's console backend prints the encoded MIME message, where a long link is split by
quoted-printable soft breaks ("=\\n") and cannot be copied. This prints the headers that matter
and the plain-text part as written, so every link works as printed."""

from django.core.mail import EmailMessage
from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

SHOWN_HEADERS = ("From", "To", "Subject", "Date", "List-Unsubscribe", "List-Unsubscribe-Post")


class EmailBackend(DjangoConsoleBackend):
    def write_message(self, message: EmailMessage) -> None:
        mime = message.message()
        lines = [f"{name}: {mime[name]}" for name in SHOWN_HEADERS if mime[name] is not None]
        parts = [str(message.body)]
        if getattr(message, "alternatives", None):
            parts.append("[An HTML version of this message was sent too.]")
        self.stream.write("\n".join(lines) + "\n\n" + "\n\n".join(parts) + "\n")
        self.stream.write("-" * 79 + "\n")
