"""members 0006: an account keeps only its primary address (accounts hold one, issue 7)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ACCOUNT = ("account", "0009_emailaddress_unique_primary_email")
OLD = [("members", "0005_organisation_verified_by_staff"), ACCOUNT]
NEW = [("members", "0006_one_address_per_account"), ACCOUNT]


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_each_accounts_primary_address_only():
    executor = MigrationExecutor(connection)
    executor.migrate(OLD)
    old = executor.loader.project_state(OLD).apps
    User, EmailAddress = old.get_model("members", "User"), old.get_model("account", "EmailAddress")
    mallory = User.objects.create(email="mallory@example.org", password="!")
    EmailAddress.objects.create(user=mallory, email="mallory@example.org", verified=True, primary=True)
    EmailAddress.objects.create(user=mallory, email="head@school7.am", verified=True, primary=False)
    EmailAddress.objects.create(user=mallory, email="pending@example.org", verified=False, primary=False)
    # No primary address (never seen in practice): nothing to choose by, so it is left alone.
    odd = User.objects.create(email="odd@example.org", password="!")
    EmailAddress.objects.create(user=odd, email="odd@example.org", verified=False, primary=False)

    executor = MigrationExecutor(connection)
    executor.migrate(NEW)
    new = executor.loader.project_state(NEW).apps
    addresses = new.get_model("account", "EmailAddress").objects.order_by("email").values_list("email", flat=True)
    assert list(addresses) == ["mallory@example.org", "odd@example.org"]

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
