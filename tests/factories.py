"""Factories for every model. Tenant-owned rows are created with scopes disabled (fixtures only)."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django_scopes import scopes_disabled

from members.models import Affiliation, ColleagueInvitation, Organisation, User
from network.models import (
    AgreementArea,
    AgreementParty,
    AgreementSignatory,
    ContentVisibility,
    Invitation,
    Membership,
    Network,
    NewsPost,
    PartnershipAgreement,
    Role,
)

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = Organisation.Kind.NGO
    country = "AM"


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    is_admin = True


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name = factory.Sequence(lambda n: f"Network {n}")
    acronym = factory.Sequence(lambda n: f"NET{n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    visibility = Network.Visibility.PUBLIC


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ACTIVE
    role = Role.MEMBER

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


def org(user):
    """The organisation a person made by person_in (or AffiliationFactory) works for."""
    return user.affiliations.get().organisation


def person_in(network, role=Role.MEMBER, status=Membership.Status.ACTIVE, **org_kwargs):
    """A user who administers an organisation holding `role` in `network`."""
    affiliation = AffiliationFactory(organisation=OrganisationFactory(**org_kwargs))
    MembershipFactory(network=network, organisation=affiliation.organisation, role=role, status=status)
    return affiliation.user


class InvitationFactory(factory.django.DjangoModelFactory):
    """An open invitation to a network (tenant-owned, so created with scopes disabled)."""

    class Meta:
        model = Invitation

    network = factory.SubFactory(NetworkFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = Role.MEMBER
    invited_by = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class ColleagueInvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ColleagueInvitation

    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"colleague{n}@example.org")
    invited_by = factory.SubFactory(UserFactory)


# --- partnership agreements and news ----------------------------------------------------------------


class _TenantRowFactory(factory.django.DjangoModelFactory):
    """Tenant-owned rows are created with scopes disabled (fixtures only)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with scopes_disabled():
            return super()._create(model_class, *args, **kwargs)


class AgreementFactory(_TenantRowFactory):
    """A public agreement signed today and valid for two years, with no rows (add them with the factories
    below, or through agreements.agreement_create)."""

    class Meta:
        model = PartnershipAgreement

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Partnership agreement {n}")
    signed_on = factory.LazyFunction(timezone.localdate)
    valid_until = factory.LazyAttribute(lambda o: o.signed_on + timedelta(days=730))
    visibility = ContentVisibility.PUBLIC


class AgreementPartyFactory(_TenantRowFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    network = factory.SelfAttribute("agreement.network")
    organisation = factory.SubFactory(OrganisationFactory)
    role = "Partner"
    position = factory.Sequence(int)


class AgreementSignatoryFactory(_TenantRowFactory):
    class Meta:
        model = AgreementSignatory

    agreement = factory.SubFactory(AgreementFactory)
    network = factory.SelfAttribute("agreement.network")
    name = factory.Sequence(lambda n: f"Signatory {n}")
    title = "Director"
    position = factory.Sequence(int)


class AgreementAreaFactory(_TenantRowFactory):
    class Meta:
        model = AgreementArea

    agreement = factory.SubFactory(AgreementFactory)
    network = factory.SelfAttribute("agreement.network")
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Area of cooperation {n}")


class NewsPostFactory(_TenantRowFactory):
    class Meta:
        model = NewsPost

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"News {n}")
    body = "First paragraph.\n\nSecond paragraph."
    published_on = factory.LazyFunction(timezone.localdate)
    visibility = ContentVisibility.PUBLIC


# --- projects -----------------------------------------------------------------------------------------


class ProjectFactory(_TenantRowFactory):
    """A public, active project running 2025–2027 with a budget in euros and nothing in its logframe."""

    class Meta:
        model = "projects.Project"

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    programme = "Erasmus+ Capacity Building in VET"
    status = "active"
    visibility = "public"
    start_date = factory.LazyFunction(lambda: date(2025, 1, 1))
    end_date = factory.LazyFunction(lambda: date(2027, 12, 31))
    budget_amount = factory.LazyFunction(lambda: Decimal("399542.28"))
    budget_currency = "EUR"


class _ProjectRowFactory(_TenantRowFactory):
    class Meta:
        abstract = True

    project = factory.SubFactory(ProjectFactory)
    network = factory.SelfAttribute("project.network")
    position = factory.Sequence(lambda n: n + 1)


class ComponentFactory(_ProjectRowFactory):
    class Meta:
        model = "projects.Component"

    kind = "pillar"
    title = factory.Sequence(lambda n: f"Component {n}")


class ActivityFactory(_ProjectRowFactory):
    """Give `position`; the code is made from it and the component's number, as the services do."""

    class Meta:
        model = "projects.Activity"

    component = factory.SubFactory(ComponentFactory)
    project = factory.SelfAttribute("component.project")
    position = 1
    code = factory.LazyAttribute(lambda o: f"{o.component.position}.{o.position}")
    title = factory.Sequence(lambda n: f"Activity {n}")


class PartnerFactory(_ProjectRowFactory):
    class Meta:
        model = "projects.ProjectPartner"

    organisation = factory.SubFactory(OrganisationFactory)
    role = "partner"


def project_with_logframe(
    network=None, *, components=10, activities=10, results=30, indicators=100, partners=50, values=2, **project_kwargs
):
    """A project with a full logframe, written with bulk_create (fast enough for query-count tests and the
    benchmark): `components` × `activities`, `results` with `indicators` spread over them, each indicator
    with `values` actual values, `partners` across all roles, and a few of everything else."""
    from projects import models as m

    project = ProjectFactory(network=network or NetworkFactory(), **project_kwargs)
    net, roles = project.network, list(m.PartnerRole)
    with scopes_disabled():
        row = {"project": project, "network": net}
        m.FundingLink.objects.bulk_create(
            [m.FundingLink(**row, position=1, kind="funder", name="European Union"),
             m.FundingLink(**row, position=2, kind="programme", name="Erasmus+")]
        )  # fmt: skip
        m.Objective.objects.bulk_create(
            [m.Objective(**row, kind="overall", position=1, text="Overall objective")]
            + [m.Objective(**row, kind="specific", position=i, text=f"Specific objective {i}") for i in (1, 2, 3)]
        )
        comps = m.Component.objects.bulk_create(
            [m.Component(**row, position=c, kind="pillar", title=f"Pillar {c}") for c in range(1, components + 1)]
        )
        m.Activity.objects.bulk_create(
            [
                m.Activity(**row, component=comp, position=a, code=f"{comp.position}.{a}", title=f"Activity {a}")
                for comp in comps
                for a in range(1, activities + 1)
            ]
        )
        res = m.Result.objects.bulk_create(
            [m.Result(**row, position=r, level="output", title=f"Result {r}") for r in range(1, results + 1)]
        )
        inds = m.Indicator.objects.bulk_create(
            [
                m.Indicator(**row, result=res[i % len(res)], position=i + 1, name=f"Indicator {i}", unit="schools",
                            baseline=Decimal("0"), target=Decimal("7"))
                for i in range(indicators if res else 0)
            ]
        )  # fmt: skip
        m.IndicatorValue.objects.bulk_create(
            [
                m.IndicatorValue(**row, indicator=ind, period_start=date(2025 + v, 1, 1),
                                 period_end=date(2025 + v, 12, 31), value=Decimal(v + 1))
                for ind in inds
                for v in range(values)
            ]
        )  # fmt: skip
        orgs = Organisation.objects.bulk_create(
            [Organisation(name=f"Partner organisation {project.pk}-{p}", country="AL") for p in range(partners)]
        )
        m.ProjectPartner.objects.bulk_create(
            [
                m.ProjectPartner(**row, organisation=org, role=roles[p % len(roles)], position=p + 1)
                for p, org in enumerate(orgs)
            ]
        )
        m.Need.objects.bulk_create([m.Need(**row, position=i, text=f"Need {i}") for i in (1, 2, 3)])
        m.TargetGroup.objects.bulk_create([m.TargetGroup(**row, position=i, name=f"Group {i}") for i in (1, 2)])
        m.Site.objects.bulk_create(
            [m.Site(**row, position=i, name=f"VET school {i}", city="Baku", country="AZ") for i in (1, 2, 3)]
        )
    return project


class ActivityEntryFactory(_TenantRowFactory):
    """A draft network-level training on 1 March 2025 with 20 participants, logged by a new organisation
    (give `project`, `organisation` and `created_by` for a realistic one; the services set the rest)."""

    class Meta:
        model = "projects.ActivityEntry"

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Training {n}")
    kind = "training"
    start_date = factory.LazyFunction(lambda: date(2025, 3, 1))
    end_date = factory.LazyFunction(lambda: date(2025, 3, 2))
    participants_total = 20

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """With its search document filled in, as the services do (projects.search.refresh_document)."""
        from projects.search import refresh_document

        entry = model_class(*args, **kwargs)
        refresh_document(entry)
        with scopes_disabled():
            entry.save()
        return entry


# --- advocacy -----------------------------------------------------------------------------------------


def institution_person(kind="ministry", **org_kwargs):
    """A user who works for an institution (a ministry by default) that belongs to no network."""
    return AffiliationFactory(organisation=OrganisationFactory(kind=kind, **org_kwargs), is_admin=False).user


class AdvocacyOutputFactory(_TenantRowFactory):
    """A draft policy proposal in English, members-only. Published ones: AdvocacyOutputFactory.published."""

    class Meta:
        model = "advocacy.AdvocacyOutput"

    network = factory.SubFactory(NetworkFactory)
    kind = "policy_proposal"
    language = "en"
    title = factory.Sequence(lambda n: f"Output {n}")
    status = "draft"
    visibility = "members"

    class Params:
        published = factory.Trait(status="published", version=1, published_at=factory.LazyFunction(timezone.now))


class RecommendationFactory(_TenantRowFactory):
    class Meta:
        model = "advocacy.Recommendation"

    output = factory.SubFactory(AdvocacyOutputFactory)
    network = factory.SelfAttribute("output.network")
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Recommendation {n}")


class SubmissionFactory(_TenantRowFactory):
    """A letter to a ministry, pending (give `institution`, `submitted_on`, a response…)."""

    class Meta:
        model = "advocacy.Submission"

    output = factory.SubFactory(AdvocacyOutputFactory, published=True)
    network = factory.SelfAttribute("output.network")
    institution = factory.SubFactory(OrganisationFactory, kind="ministry")
    submitted_on = factory.LazyFunction(lambda: date(2025, 3, 1))
    channel = "letter"
