"""Accounts hold one address (ACCOUNT_CHANGE_EMAIL, issue 7): drop the extra addresses accounts gathered
before, keeping each account's primary one, which is the one it logs in with and invitations compare to."""

from django.db import migrations


def keep_only_primary_addresses(apps, schema_editor):
    EmailAddress = apps.get_model("account", "EmailAddress")
    with_primary = EmailAddress.objects.filter(primary=True).values("user_id")
    EmailAddress.objects.filter(primary=False, user_id__in=with_primary).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_organisation_verified_by_staff"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(keep_only_primary_addresses, migrations.RunPython.noop)]
