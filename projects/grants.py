"""The django-guardian grants that let a funder's people read the projects it funds.

`projects.view_project` (an object grant, never a global permission) is held by exactly the people who
work for an organisation that funds the project (projects.funders: a partner with the funder role, or an
organisation linked to a step of the funding chain that passes money on). This module keeps it so: every
change to a project's partners or funding chain, and every person who starts or stops working for an
organisation, makes the grants what that definition says now; a grant nobody's funding row covers any more
is taken back. The receivers are connected in ProjectsConfig.ready(), so the editing pages, the admin, the
imports and the demo alike keep the grants; the organisation merge (which re-points rows with update(),
sending no signal) tells us through `organisation_merged`.

A person named on one project for a while (an evaluator) is no guardian grant: projects.models.
ProjectEvaluator, read by projects.permissions.has_project_grant too.

Each grant and each revocation is a row of the project's network's audit log ("project.access_granted",
"project.access_revoked": who, through which funder). Guardian's rows belong to no network, so the pages
kept for a person (portal.pagecache, counter "shared") are stale the moment one changes, and the rule
reads the grant from the database once per request (projects.permissions.has_project_grant): a revocation
refuses on the next request.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import BigIntegerField, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext
from django_scopes import scopes_disabled
from guardian.models import UserObjectPermission

from members.models import Affiliation, Organisation, User
from portal import audit, pagecache
from projects.funders import funded_projects, funder_organisation_ids
from projects.models import FundingLink, Project, ProjectEvaluator, ProjectPartner

CODENAME = "view_project"
GRANTED, REVOKED = "project.access_granted", "project.access_revoked"


def _content_type():
    return ContentType.objects.get_for_model(Project)  # cached by Django after the first call


def _grant_rows():
    return UserObjectPermission.objects.filter(content_type=_content_type(), permission__codename=CODENAME)


def _assign(project, user_ids):
    permission = Permission.objects.get(content_type=_content_type(), codename=CODENAME)
    rows = [
        UserObjectPermission(user_id=pk, permission=permission, content_type=_content_type(), object_pk=str(project.pk))
        for pk in sorted(user_ids)
    ]
    # ignore_conflicts: a grant given meanwhile by a concurrent change is the same grant. bulk_create sends
    # no post_save, so the page cache is told here that rows of no network changed.
    UserObjectPermission.objects.bulk_create(rows, ignore_conflicts=True)
    pagecache.bump_for(None)


def _take_back(project, user_ids):
    # Row by row through delete(), not a bulk delete: each deletion tells the page cache (portal.pagecache).
    for row in _grant_rows().filter(object_pk=str(project.pk), user_id__in=user_ids):
        row.delete()


def _log(project, action, people, funders):
    """One audit row per person, in the project's network: a grant names the person and the funder they
    work for (`funders`, {user id: organisation name}), a revocation the person. Nobody in particular acted:
    the change to the funding rows did, whose own row in the log names who made it."""
    changes = []
    for person in sorted(people, key=lambda p: p.email):
        if action == GRANTED:
            changes.append((project, None, {"person": person.email, "funder": funders.get(person.pk, "")}))
        else:
            changes.append((project, {"person": person.email}, None))
    audit.record_many(network=project.network, acting_user=None, action=action, changes=changes,
                      actor_label=gettext("the project's funding"))  # fmt: skip


def _funders_of_people(organisation_ids, user_ids=None):
    """{user id: the name of one funding organisation they work for} for the people of those organisations."""
    rows = Affiliation.objects.filter(organisation_id__in=organisation_ids)
    if user_ids is not None:
        rows = rows.filter(user_id__in=user_ids)
    found = {}
    for user_id, name in rows.order_by("organisation__name").values_list("user_id", "organisation__name"):
        found.setdefault(user_id, name)
    return found


@transaction.atomic
def sync_project(project):
    """Make the grants on `project` what its funders say now; returns (granted, revoked) user ids."""
    # The project's rows are read in its own network, whichever scope (or none: the admin, a command) the
    # change that called us runs in; the people are of no network.
    with scopes_disabled():
        project = Project.objects.select_related("network").get(pk=project.pk)
        funders = funder_organisation_ids(project)
        wanted = _funders_of_people(funders)
        held = set(_grant_rows().filter(object_pk=str(project.pk)).values_list("user_id", flat=True))
        granted, revoked = set(wanted) - held, held - set(wanted)
        if granted:
            _assign(project, granted)
            _log(project, GRANTED, User.objects.filter(pk__in=granted), wanted)
        if revoked:
            _log(project, REVOKED, User.objects.filter(pk__in=revoked), {})
            _take_back(project, revoked)
    return granted, revoked


@transaction.atomic
def sync_person(user_id):
    """Make `user_id`'s grants what the organisations they work for fund now; returns (granted, revoked)
    project ids. A read across networks on purpose: a donor's people fund projects of several networks."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return set(), set()
    organisation_ids = set(Affiliation.objects.filter(user_id=user_id).values_list("organisation_id", flat=True))
    with scopes_disabled():
        wanted = set(funded_projects(organisation_ids).values_list("pk", flat=True))
        held = set(
            _grant_rows()
            .filter(user_id=user_id)
            .annotate(project_id=Cast("object_pk", BigIntegerField()))
            .values_list("project_id", flat=True)
        )
        changed = Project.objects.filter(pk__in=wanted ^ held).select_related("network").order_by("pk")
        granted, revoked = set(), set()
        for project in changed:
            if project.pk in wanted:
                _assign(project, [user_id])
                funders = _funders_of_people(funder_organisation_ids(project), [user_id])
                _log(project, GRANTED, [user], funders)
                granted.add(project.pk)
            else:
                _log(project, REVOKED, [user], {})
                _take_back(project, [user_id])
                revoked.add(project.pk)
        # Grants on projects that are gone (deleted with their network) hold nothing: dropped quietly.
        gone = held - wanted - revoked
        if gone:
            _grant_rows().filter(user_id=user_id, object_pk__in=[str(pk) for pk in gone]).delete()
    return granted, revoked


# --- who holds a grant, for the project's access page ----------------------------------------------------


@dataclass
class FunderAccess:
    """A funding organisation and the people of it who hold the grant."""

    organisation: Organisation
    people: list = field(default_factory=list)


@dataclass
class ProjectAccess:
    funders: list  # [FunderAccess], by organisation name
    evaluators: list  # [ProjectEvaluator] with their person and who granted them, latest end first


def project_access(project):
    """Who outside the network's roles may read `project`: the funders' people holding the grant and the
    evaluators. A fixed number of queries, whatever the number of funders, people or evaluators."""
    with scopes_disabled():  # the funders' rows are the project's; the people and their grants of no network
        funder_ids = funder_organisation_ids(project)
        organisations = Organisation.objects.filter(pk__in=funder_ids).order_by("name", "pk")
        holders = set(_grant_rows().filter(object_pk=str(project.pk)).values_list("user_id", flat=True))
        affiliations = (
            Affiliation.objects.filter(organisation_id__in=funder_ids, user_id__in=holders)
            .select_related("user")
            .order_by("user__full_name", "user__email")
        )
        funders = {organisation.pk: FunderAccess(organisation) for organisation in organisations}
        for affiliation in affiliations:
            funders[affiliation.organisation_id].people.append(affiliation.user)
        evaluators = ProjectEvaluator.objects.filter(network=project.network, project=project)
        evaluators = list(evaluators.select_related("user", "granted_by"))
    return ProjectAccess(funders=list(funders.values()), evaluators=evaluators)


# --- signal receivers (ProjectsConfig.ready) ----------------------------------------------------------------


def _cascaded(origin, models):
    """The deletion started elsewhere (a project or a network going, with all its rows)."""
    if origin is None:
        return False
    model = origin.model if isinstance(origin, QuerySet) else type(origin)
    return model not in models


def funding_row_saved(sender, instance, raw=False, **kwargs):
    """A partner or funding-chain step added or changed (its role, kind or organisation)."""
    if not raw:  # loaddata: the rows of a fixture, grants included
        sync_project(instance.project)


def funding_row_deleted(sender, instance, origin=None, **kwargs):
    if _cascaded(origin, (ProjectPartner, FundingLink)):
        return  # the project is going too: project_deleted drops its grants
    sync_project(instance.project)


def project_deleted(sender, instance, **kwargs):
    """Guardian keeps object grants by id: a deleted project's go with it."""
    _grant_rows().filter(object_pk=str(instance.pk)).delete()


def affiliation_changed(sender, instance, raw=False, origin=None, **kwargs):
    """A person started or stopped working for an organisation (post_save and post_delete)."""
    if raw or (origin is not None and _cascaded(origin, (Affiliation, Organisation))):
        return  # the person is being deleted: their grants go with them
    sync_person(instance.user_id)


def organisation_merged(sender, record_id, into, **kwargs):
    """projects.services.organisations.organisation_merge moved a typed-in record's partner rows and funding
    links to `into` (with update(): no signal): `into`'s people get the grants of what it now funds. The
    record had no people of its own (the merge refuses one that has), so nobody else's grants change."""
    for user_id in Affiliation.objects.filter(organisation=into).values_list("user_id", flat=True):
        sync_person(user_id)
