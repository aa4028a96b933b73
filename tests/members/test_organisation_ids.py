"""The organisations a person works for and those they administer: one query per request for both (pages
ask both, the workspace among them), forgotten when a service changes them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from members.permissions import admin_organisation_ids, organisation_ids
from portal.permissions import forget
from tests.factories import AffiliationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_both_sets_cost_one_query(django_assert_num_queries):
    user = UserFactory()
    admin = AffiliationFactory(user=user, is_admin=True)
    colleague = AffiliationFactory(user=user, is_admin=False)
    AffiliationFactory(is_admin=True)  # someone else's
    with django_assert_num_queries(1):
        assert admin_organisation_ids(user) == {admin.organisation_id}
        assert organisation_ids(user) == {admin.organisation_id, colleague.organisation_id}
        assert admin_organisation_ids(user) == {admin.organisation_id}


def test_a_change_is_seen_after_forget(django_assert_num_queries):
    user = UserFactory()
    assert organisation_ids(user) == admin_organisation_ids(user) == frozenset()
    affiliation = AffiliationFactory(user=user, is_admin=True)
    forget(user)
    assert organisation_ids(user) == admin_organisation_ids(user) == {affiliation.organisation_id}
    with django_assert_num_queries(0):
        assert organisation_ids(AnonymousUser()) == admin_organisation_ids(AnonymousUser()) == frozenset()
