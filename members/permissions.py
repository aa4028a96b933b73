"""Who may do what to organisations and their people; registered into portal.permissions."""

from django.utils.translation import gettext_lazy as _

from portal.permissions import memo, rule


def _affiliations(user):
    """(organisation id, is admin) of each organisation this user works for: one query per request, which
    both admin_organisation_ids and organisation_ids read (pages asking both made two)."""
    return memo(user, ("org",), lambda: tuple(user.affiliations.values_list("organisation_id", "is_admin")))


def admin_organisation_ids(user):
    """Ids of the organisations this user administers."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(organisation_id for organisation_id, is_admin in _affiliations(user) if is_admin)


def organisation_ids(user):
    """Ids of the organisations this user works for (admin or not)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(organisation_id for organisation_id, _is_admin in _affiliations(user))


@rule(reason=_("Only the organisation's admins edit its profile and its people. Ask one of them."))
def can_manage_organisation(user, organisation):
    """Edit the profile, invite and remove colleagues, request memberships."""
    return organisation.pk in admin_organisation_ids(user)


@rule
def can_create_organisation(user, _obj=None):
    return user.is_authenticated


@rule
def can_verify_organisation(user, _organisation):
    """Mark an organisation verified by hand (the Django admin): staff only, never a network role."""
    return user.is_active and user.is_staff


@rule
def can_choose_language(user, _obj=None):
    """The language switch: anyone, signed in or not (a signed-in person's choice goes on their profile)."""
    return True


@rule
def can_edit_account(user, account):
    """A person's own name and password: theirs alone to change (staff use the Django admin)."""
    return user.is_authenticated and user.is_active and user.pk == account.pk
