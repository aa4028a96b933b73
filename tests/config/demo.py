"""What the load_demo tests share: running the command, and the demo logins it should create."""

from io import StringIO

from django.core.management import call_command

from config.demo import NETWORKS

NETWORK_LOGINS = [
    (entry["network"]["slug"], org["login"]["email"], org["role"], org["name"])
    for entry in NETWORKS
    for org in entry["organisations"]
    if "login" in org
]


def load(**options):
    """Run load_demo (forced: tests run with DEBUG off); returns what it printed."""
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, **options)
    return out.getvalue()
