"""The permission table: who may view, edit and comment on outputs of each visibility and status, and the
queryset that lists them agrees with the rule for every person and row."""

import pytest
from django_scopes import scope

from advocacy.models import AdvocacyOutput
from advocacy.permissions import visible_outputs
from portal import permissions
from tests.advocacy.conftest import make_output

pytestmark = pytest.mark.django_db

PEOPLE = ("coordinator", "member", "observer", "ministry_user", "other_ministry_user", "anonymous",
          "other_coordinator")  # fmt: skip

# (visibility, status) → the people who may view it, in PEOPLE order: C M O ministry other-ministry anon other-C
VIEW = {
    ("public", "published"): (1, 1, 1, 1, 1, 1, 1),
    ("members", "published"): (1, 1, 1, 0, 0, 0, 0),
    ("restricted", "published"): (1, 1, 1, 1, 0, 0, 0),
    ("public", "in_review"): (1, 1, 1, 0, 0, 0, 0),
    ("members", "in_review"): (1, 1, 1, 0, 0, 0, 0),
    ("restricted", "in_review"): (1, 1, 1, 0, 0, 0, 0),
    ("public", "draft"): (1, 0, 0, 0, 0, 0, 0),
    ("members", "draft"): (1, 0, 0, 0, 0, 0, 0),
    ("restricted", "draft"): (1, 0, 0, 0, 0, 0, 0),
}
EDIT = (1, 0, 0, 0, 0, 0, 0)
COMMENT_IN_REVIEW = (1, 1, 0, 0, 0, 0, 0)


def _row(people, action, output):
    return tuple(int(permissions.check(action, getattr(people, name), output)) for name in PEOPLE)


@pytest.mark.parametrize(("visibility", "status"), list(VIEW))
def test_view_edit_comment_table(network, people, visibility, status):
    output = make_output(network, people, visibility=visibility, status=status)
    with scope(network=network):
        assert _row(people, "view_output", output) == VIEW[visibility, status]
        assert _row(people, "edit_output", output) == EDIT
        assert _row(people, "record_submission", output) == EDIT
        expected_comment = COMMENT_IN_REVIEW if status == "in_review" else (0,) * 7
        assert _row(people, "comment_output", output) == expected_comment
        # The list agrees with the rule, person by person.
        for name in PEOPLE:
            user = getattr(people, name)
            listed = output in visible_outputs(user, network)
            assert listed == permissions.check("view_output", user, output), (name, visibility, status)


def test_a_private_networks_public_output_is_for_its_members_and_the_addressed_institutions(network, people):
    network.visibility = "private"
    network.save()
    output = make_output(network, people, visibility="public", status="published")
    with scope(network=network):
        assert _row(people, "view_output", output) == (1, 1, 1, 1, 0, 0, 0)
        assert list(visible_outputs(people.ministry_user, network)) == [output]
        assert list(visible_outputs(people.anonymous, network)) == []


def test_create_and_ledger_rules(network, people):
    with scope(network=network):
        assert [permissions.check("create_output", getattr(people, n), network) for n in PEOPLE] == [
            True, False, False, False, False, False, False,
        ]  # fmt: skip
        assert [permissions.check("see_ledger", getattr(people, n), network) for n in PEOPLE] == [
            True, True, True, False, False, False, False,
        ]  # fmt: skip


def test_an_inactive_person_loses_the_grant(network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    people.ministry_user.is_active = False
    people.ministry_user.save()
    with scope(network=network):
        assert not permissions.check("view_output", people.ministry_user, output)
        assert output not in visible_outputs(people.ministry_user, network)


def test_the_table_covers_every_status_and_visibility():
    assert {s for _v, s in VIEW} == set(AdvocacyOutput.Status.values)
    assert {v for v, _s in VIEW} == set(AdvocacyOutput.Visibility.values)
