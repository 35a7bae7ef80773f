"""Mail backends for the outbox tests: one that fails a set number of times before it delivers, as
an SMTP server that is down for a while does; ones that refuse addresses, write like SMTP, or are
slow."""

import email.policy
import smtplib
from datetime import timedelta

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend


class FlakyBackend(LocmemBackend):
    failures_left = 0
    attempts = 0
    error: type[Exception] = smtplib.SMTPServerDisconnected

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).failures_left > 0:
            type(self).failures_left -= 1
            raise type(self).error("the mail server is not answering")
        return super().send_messages(messages)


class RefusesOneAddress(LocmemBackend):
    refused = "bounce@nowhere.example"

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise smtplib.SMTPRecipientsRefused({self.refused: (550, b"no such user")})
        return super().send_messages(messages)


class WritesLikeSmtp(LocmemBackend):
    """Writes each message as the SMTP backend does before talking to the server, and raises
    what it raises for an address or header it cannot encode."""

    def send_messages(self, messages):
        for message in messages:
            for address in [message.from_email, *message.recipients()]:
                SmtpBackend.prep_address(self, address)
            message.message(policy=email.policy.SMTP).as_bytes()
        return super().send_messages(messages)


class Answers(LocmemBackend):
    """Answers an address with the SMTP error set for it in `errors`; delivers the others."""

    errors: dict[str, Exception] = {}

    def send_messages(self, messages):
        for message in messages:
            for address in message.to:
                if address in self.errors:
                    raise self.errors[address]
        return super().send_messages(messages)


class SlowBackend(LocmemBackend):
    """Each message takes `seconds` on the test's clock; while sending the `after`-th message,
    `meanwhile` runs once (another worker's sweep)."""

    clock: list = []
    seconds = 0
    after = 0
    meanwhile = None
    sent = 0

    def send_messages(self, messages):
        cls = type(self)
        cls.clock[0] += timedelta(seconds=cls.seconds)
        cls.sent += 1
        if cls.sent == cls.after and cls.meanwhile is not None:
            meanwhile, cls.meanwhile = cls.meanwhile, None
            meanwhile()
        return super().send_messages(messages)
