"""The Django admin shows advocacy rows to staff (scopes off there) and leaves the body and the workflow
read-only, so nothing unsanitised or ungranted gets in through it."""

import pytest
from django.urls import reverse

from advocacy.models import AdvocacyOutput, Comment, Submission
from tests.advocacy.conftest import make_output
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_read_outputs_and_submissions_in_the_admin(network, people, staff_client):
    output = make_output(network, people, status="published", body="<p>Body</p>")
    for model in (AdvocacyOutput, Submission, Comment):
        opts = model._meta
        assert staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    page = staff_client.get(reverse("admin:advocacy_advocacyoutput_change", args=[output.pk]))
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert "body" not in form.fields and "status" not in form.fields and "version" not in form.fields
    assert staff_client.get(reverse("admin:advocacy_advocacyoutput_add")).status_code == 403
