"""The floor's one table: the audit log (portal.audit writes and reads it)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager


class AuditEntry(models.Model):
    """One change a coordinator cares about: who did what to which object, and what it was before.

    Like Zulip's RealmAuditLog. Written by the services through portal.audit.record(), inside their
    transaction. simple_history keeps every version of some models; this log keeps the few facts a
    network's coordinators read ("who approved this organisation?"), across models, in one list.

    The network is required: the log is a network's log. Organisation-level changes (a profile edit, a
    colleague invited) belong to no network, so they are not written here; a nullable network would
    need a second, unscoped manager and a separate staff view, and nobody reads those rows yet.
    Deleting a network deletes its log with it, as it deletes every other row of the tenant.
    """

    network = models.ForeignKey(
        settings.PARTNERA_TENANT_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("network")
    )
    # Jobs and commands act without a request user: then acting_user is empty and actor_label says
    # who ("system: expiry reminders"). With a user, actor_label keeps their name as it was, so the
    # entry still says who after the account is deleted.
    acting_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(_("actor"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=80)  # dotted: "membership.approved"
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField(null=True, blank=True)  # kept after the object is deleted
    object_repr = models.CharField(_("object"), max_length=255)  # str(obj) at the time
    # Only the fields that changed, as JSON values: dates as ISO strings, decimals as strings.
    before = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    objects = ScopedManager(network="network")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "-created_at"], name="portal_audit_network_time"),
            # One object's timeline (an activity log entry's page): without it every entry page scans the
            # whole log, 300,000 rows at the benchmark's 100,000 entries.
            models.Index(fields=["network", "content_type", "object_id"], name="portal_audit_object"),
            # The actions present (the audit log page's filter, read one value at a time: portal.audit._distinct)
            # and the log of one action, newest first.
            models.Index(fields=["network", "action", "-created_at"], name="portal_audit_action"),
        ]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.action}: {self.object_repr}"
