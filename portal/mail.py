"""E-mail from templates: templates/email/<name>_subject.txt and <name>_body.txt."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def absolute_url(path):
    return settings.SITE_URL.rstrip("/") + path


def send_templated_mail(*, name, to, context):
    """Render and send one message to each address (recipients never see each other)."""
    context = {**context, "site_url": settings.SITE_URL}
    subject = " ".join(render_to_string(f"email/{name}_subject.txt", context).split())
    body = render_to_string(f"email/{name}_body.txt", context)
    for address in to:
        send_mail(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject, body, None, [address])
