"""A mail backend that fails a set number of times before it delivers, as an SMTP server that is
down for a while does."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


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
