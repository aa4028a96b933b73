"""People and a project in one public network, for the projects tests."""

from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django_scopes import scopes_disabled

from network.models import Role
from tests.factories import (
    ActivityEntryFactory,
    ActivityFactory,
    ComponentFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    org,
    person_in,
)


@pytest.fixture
def network(db):
    return NetworkFactory(name="VET for the Future", slug="vet-for-the-future", countries=["AZ"])


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="United Nations Development Programme", acronym="UNDP")


@pytest.fixture
def member(network):
    return person_in(network, Role.MEMBER, name="State Agency on Vocational Education", acronym="")


@pytest.fixture
def project(network):
    return ProjectFactory(network=network, title="VET for the Future", acronym="VET4F", slug="vet4f")


@pytest.fixture
def partner(network, project):
    """A member of the network whose organisation ("Partner school", PS) is a partner of the project."""
    user = person_in(network, Role.MEMBER, name="Partner school", acronym="PS")
    PartnerFactory(project=project, organisation=org(user))
    return user


@pytest.fixture
def log(network, project):
    """A small activity log with hand-counted figures, for progress, reach and computed indicators.

    The project (2025–2027) has activities 1.1, 1.2, 2.1 and 2.2. Counted (approved, not deleted):
      e1  1.1 training  2025-03-01  20 (12 women, 8 men; 5 under 18, 15 aged 18–29; 2 with disabilities)  by X
      e2  1.1 workshop  2025-06-10  10 (4 women, 5 men, 1 other; 10 aged 30–64)  by Y, partner Z
      e3  1.2 training  2026-02-01  30 (20 women, 10 men; 30 aged 18–29; 3 with disabilities)  by X
      e6  2.1 meeting   2025-12-31   7 (7 women; 7 aged 65+; 1 with disabilities)  by Y
      e7  —   training  2025-09-09   5 (5 men; 5 age not given)  by X
    Not counted: a submitted, a draft and a returned entry, a deleted approved one (all in the project);
    elsewhere: an approved entry of another project (1000, by W) and a network-level one (9 women, by X)
    of this network, and an approved one of another network (500).
    """
    with scopes_disabled():
        c1 = ComponentFactory(project=project, position=1)
        c2 = ComponentFactory(project=project, position=2)
        a11, a12 = ActivityFactory(component=c1, position=1), ActivityFactory(component=c1, position=2)
        a21, a22 = ActivityFactory(component=c2, position=1), ActivityFactory(component=c2, position=2)
        x, y, z, w = (OrganisationFactory(name=name) for name in ("Org X", "Org Y", "Org Z", "Org W"))
        made = {}

        def entry(key, activity, kind, day, status="approved", project_=project, network_=network, **counts):
            made[key] = ActivityEntryFactory(
                network=network_, project=project_, activity=activity, kind=kind, start_date=date.fromisoformat(day),
                end_date=date.fromisoformat(day), status=status, **counts,
            )  # fmt: skip
            return made[key]

        entry("e1", a11, "training", "2025-03-01", participants_total=20, women=12, men=8, under_18=5, age_18_29=15,
              with_disabilities=2, organisation=x)  # fmt: skip
        entry("e2", a11, "workshop", "2025-06-10", participants_total=10, women=4, men=5, other_or_not_given=1,
              age_30_64=10, organisation=y).partners.add(z)  # fmt: skip
        entry("e3", a12, "training", "2026-02-01", participants_total=30, women=20, men=10, age_18_29=30,
              with_disabilities=3, organisation=x)  # fmt: skip
        entry("e4", a12, "training", "2025-05-05", status="submitted", participants_total=100, organisation=x)
        entry("e5", a11, "training", "2025-04-04", participants_total=50, organisation=x)
        made["e5"].deleted_at = timezone.now()
        made["e5"].save()
        entry("e6", a21, "meeting", "2025-12-31", participants_total=7, women=7, age_65_plus=7, with_disabilities=1,
              organisation=y)  # fmt: skip
        entry("e7", None, "training", "2025-09-09", participants_total=5, men=5, age_not_given=5, organisation=x)
        entry("e8", a22, "training", "2025-02-02", status="draft", participants_total=40, organisation=x)
        entry("e9", a22, "training", "2025-02-03", status="returned", participants_total=40, organisation=x)
        other_project = ProjectFactory(network=network)
        other_activity = ActivityFactory(component=ComponentFactory(project=other_project, position=1), position=1)
        entry("other_project", other_activity, "training", "2025-03-01", project_=other_project,
              participants_total=1000, organisation=w)  # fmt: skip
        entry("network_level", None, "training", "2025-03-01", project_=None, participants_total=9, women=9,
              organisation=x)  # fmt: skip
        elsewhere = NetworkFactory()
        elsewhere_project = ProjectFactory(network=elsewhere)
        entry("other_network", None, "training", "2025-03-01", project_=elsewhere_project, network_=elsewhere,
              participants_total=500, organisation=x)  # fmt: skip
    return SimpleNamespace(
        project=project, network=network, activities={"1.1": a11, "1.2": a12, "2.1": a21, "2.2": a22},
        entries=made, other_project=other_project, other_activity=other_activity, orgs={"x": x, "y": y, "z": z},
    )  # fmt: skip
