"""What the network app writes in the audit log: its actions' labels and how its objects are linked.

Registered into portal.audit in NetworkConfig.ready(); the services write the entries.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from network.models import Membership, Network, NewsPost, PartnershipAgreement

ACTIONS = {
    "membership.requested": _("Asked to join"),
    "membership.approved": _("Membership approved"),
    "membership.declined": _("Membership declined"),
    "membership.withdrawn": _("Request withdrawn"),
    "membership.left": _("Left the network"),
    "membership.suspended": _("Membership suspended"),
    "membership.removed": _("Removed from the network"),
    "membership.reinstated": _("Membership reinstated"),
    "membership.role_changed": _("Role changed"),
    "invitation.created": _("Invitation sent"),
    "invitation.revoked": _("Invitation revoked"),
    "invitation.accepted": _("Invitation accepted"),
    "network.created": _("Network founded"),
    "network.updated": _("Profile updated"),
    "network.objectives_changed": _("Objectives or tasks changed"),
    "network.logo_changed": _("Logo changed"),
    "agreement.created": _("Agreement recorded"),
    "agreement.updated": _("Agreement updated"),
    "agreement.deleted": _("Agreement deleted"),
    "agreement.imported": _("Agreement imported"),
    "agreement.expiry_reminder_sent": _("Expiry reminder sent"),
    "news.created": _("News published"),
    "news.updated": _("News updated"),
    "news.deleted": _("News deleted"),
}


def _slug(network):
    return {"network_slug": network.slug}


LINKS = {
    Network: lambda network, pk: reverse("network:detail", kwargs=_slug(network)),
    Membership: lambda network, pk: reverse("network:manage_members", kwargs=_slug(network)),
    PartnershipAgreement: lambda network, pk: reverse(
        "network:agreement", kwargs={**_slug(network), "agreement_id": pk}
    ),
    NewsPost: lambda network, pk: reverse("network:news_post", kwargs={**_slug(network), "post_id": pk}),
}

FIELD_LABELS = {
    Network: {"objectives": _("objectives"), "tasks": _("tasks")},
    PartnershipAgreement: {"days_left": _("days left"), "parties": _("parties"), "areas": _("areas")},
    Membership: {"organisation": _("organisation")},
}
