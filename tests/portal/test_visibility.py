"""Each visibility rule's predicate and its queryset agree: for every role and every row,
`check("view_x", user, row) == (row in visible_x(user, …))`. A list can then never show a row its page
refuses, nor hide one its page shows."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django_scopes import scope
from guardian.shortcuts import assign_perm

from network.models import ContentVisibility, Membership, Network, Role
from network.permissions import visible_agreements, visible_networks, visible_news_posts
from portal import permissions
from projects.permissions import visible_entries, visible_projects
from tests.factories import (
    ActivityEntryFactory,
    AffiliationFactory,
    AgreementFactory,
    NetworkFactory,
    NewsPostFactory,
    ProjectFactory,
    UserFactory,
    person_in,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "no_role", "requester", "suspended", "observer", "member", "coordinator", "staff", "donor"]


@pytest.fixture
def world():
    """A public and a private network, each with public and private (members-only) rows of every kind."""
    networks = {}
    for visibility in (Network.Visibility.PUBLIC, Network.Visibility.PRIVATE):
        network = NetworkFactory(visibility=visibility)
        person_in(network, Role.COORDINATOR)
        networks[visibility] = {
            "network": network,
            "projects": [
                ProjectFactory(network=network, visibility="public"),
                ProjectFactory(network=network, visibility="private"),
            ],
            "agreements": [
                AgreementFactory(network=network, visibility=ContentVisibility.PUBLIC),
                AgreementFactory(network=network, visibility=ContentVisibility.MEMBERS),
            ],
            "news": [
                NewsPostFactory(network=network, visibility=ContentVisibility.PUBLIC),
                NewsPostFactory(network=network, visibility=ContentVisibility.MEMBERS),
            ],
        }
        public_project, private_project = networks[visibility]["projects"]
        networks[visibility]["entries"] = [
            ActivityEntryFactory(network=network, status="approved"),
            ActivityEntryFactory(network=network, project=public_project, status="approved"),
            ActivityEntryFactory(network=network, project=private_project, status="approved"),
            ActivityEntryFactory(network=network, project=public_project, status="submitted"),
            ActivityEntryFactory(network=network, status="approved", deleted_at=timezone.now()),
        ]
    return networks


def _person(role, world):
    """The user for `role`, holding it in both networks (a person who works for two organisations)."""
    if role == "anonymous":
        return AnonymousUser()
    if role == "no_role":
        return AffiliationFactory().user
    if role == "staff":
        return UserFactory(is_staff=True)
    if role == "donor":
        donor = AffiliationFactory(organisation__kind="donor").user
        # One project only: the private network's private project (a donor needs no membership).
        assign_perm("projects.view_project", donor, world[Network.Visibility.PRIVATE]["projects"][1])
        return donor
    user = UserFactory()
    status = {"requester": Membership.Status.REQUESTED, "suspended": Membership.Status.SUSPENDED}.get(
        role, Membership.Status.ACTIVE
    )
    network_role = role if role in (Role.OBSERVER, Role.MEMBER, Role.COORDINATOR) else Role.MEMBER
    for entry in world.values():
        organisation = person_in(entry["network"], network_role, status=status).affiliations.get().organisation
        AffiliationFactory(user=user, organisation=organisation)
    return user


@pytest.mark.parametrize("role", ROLES)
def test_every_predicate_agrees_with_its_queryset(world, role):
    user = _person(role, world)
    for entry in world.values():  # the person's own organisation's entries, as a draft and returned
        mine = [a.organisation for a in user.affiliations.all()] if user.is_authenticated else []
        for organisation in mine:
            with scope(network=entry["network"]):
                member_here = Membership.objects.filter(network=entry["network"], organisation=organisation).exists()
            if member_here:
                entry["entries"].append(ActivityEntryFactory(network=entry["network"], organisation=organisation))
                entry["entries"].append(
                    ActivityEntryFactory(network=entry["network"], organisation=organisation, status="returned")
                )
    disagreements = []
    directory = set(visible_networks(user))
    for visibility, entry in world.items():
        network = entry["network"]
        if permissions.check("view_network", user, network) != (network in directory):
            disagreements.append(f"view_network on the {visibility} network")
        with scope(network=network):
            for action, rows, visible in (
                ("view_project", entry["projects"], visible_projects(user, network)),
                ("view_agreement", entry["agreements"], visible_agreements(user, network)),
                ("view_news_post", entry["news"], visible_news_posts(user, network)),
                ("see_entry", entry["entries"], visible_entries(user, network)),
            ):
                listed = set(visible)
                for row in rows:
                    if permissions.check(action, user, row) != (row in listed):
                        disagreements.append(
                            f"{action} on a {getattr(row, 'visibility', row.status)} row of the {visibility} network: "
                            f"check says {permissions.check(action, user, row)}, the queryset {row in listed}"
                        )
    assert disagreements == [], f"{role}:\n" + "\n".join(disagreements)


def test_the_fixture_gives_each_answer_somewhere(world):
    """The equality above is not trivially true: the answers differ between roles and rows."""
    donor, outsider = _person("donor", world), _person("no_role", world)
    private = world[Network.Visibility.PRIVATE]
    public = world[Network.Visibility.PUBLIC]
    with scope(network=private["network"]):
        assert set(visible_projects(donor, private["network"])) == {private["projects"][1]}
        assert set(visible_projects(outsider, private["network"])) == set()
    with scope(network=public["network"]):
        assert set(visible_projects(outsider, public["network"])) == {public["projects"][0]}
        assert set(visible_agreements(outsider, public["network"])) == {public["agreements"][0]}
        assert set(visible_entries(outsider, public["network"])) == set(public["entries"][:2])
    with scope(network=private["network"]):
        assert set(visible_entries(donor, private["network"])) == {private["entries"][2]}
    assert private["network"] not in set(visible_networks(outsider))
    assert private["network"] in set(visible_networks(_person("staff", world)))
