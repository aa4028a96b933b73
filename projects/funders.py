"""Who funds a project: the one definition the donor grants, the portfolio and the dashboards share.

An organisation funds a project when it is one of the project's partners with the funder role, or an
organisation linked to a step of its funding chain that passes money on (a funder, a programme or call,
an intermediary project or fund; not the implementing organisation at its end). Its people then see the
project's dashboard, reports and outputs (projects.grants) and find it in their portfolio.
"""

from django.db.models import Q
from django_scopes import scopes_disabled

from projects.models import FundingLink, PartnerRole, Project, ProjectPartner

FUNDING_LINK_KINDS = (FundingLink.Kind.FUNDER, FundingLink.Kind.PROGRAMME, FundingLink.Kind.INTERMEDIARY)


def funder_organisation_ids(project):
    """Ids of the organisations that fund `project` (two small queries, in the project's network)."""
    partners = ProjectPartner.objects.filter(network=project.network, project=project, role=PartnerRole.FUNDER)
    links = FundingLink.objects.filter(
        network=project.network, project=project, kind__in=FUNDING_LINK_KINDS, organisation__isnull=False
    )
    return set(partners.values_list("organisation_id", flat=True)) | set(
        links.values_list("organisation_id", flat=True)
    )


def funded_by(organisation_ids):
    """The condition on Project for "funded by one of these organisations"."""
    ids = list(organisation_ids)
    return Q(partners__role=PartnerRole.FUNDER, partners__organisation_id__in=ids) | Q(
        funding_links__kind__in=FUNDING_LINK_KINDS, funding_links__organisation_id__in=ids
    )


def funded_projects(organisation_ids):
    """Projects of every network funded by these organisations: a read across networks on purpose (a donor
    funds projects of several networks and belongs to none of them), so it runs with scopes disabled and
    the caller names the networks of what it then reads. A queryset of distinct projects, by pk."""
    if not organisation_ids:
        return Project.objects.none()
    with scopes_disabled():
        ids = Project.objects.filter(funded_by(organisation_ids)).values("pk")
        return Project.objects.filter(pk__in=ids)
