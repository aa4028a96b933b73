"""E-mail backends for tests (settings.EMAIL_BACKEND takes a dotted path, so they live in a module)."""

from django.core.mail.backends import locmem


class FlakyBackend(locmem.EmailBackend):
    """The locmem backend, raising the errors queued in `errors` first (one per batch), counting connections."""

    errors = []
    attempts = 0
    connections = 0

    def __init__(self, *args, **kwargs):
        type(self).connections += 1
        super().__init__(*args, **kwargs)

    def send_messages(self, messages):
        type(self).attempts += 1
        if type(self).errors:
            raise type(self).errors.pop(0)
        return super().send_messages(messages)
