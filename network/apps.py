from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Networks")

    def ready(self):
        from network import audit as network_audit
        from network import permissions  # noqa: F401  (registers the rules)
        from network.models import Network
        from portal import audit, sections, tenancy

        tenancy.register(
            model=Network,
            url_kwarg="network_slug",
            scope_name="network",
            load=lambda slug: Network.objects.filter(slug=slug).first(),
            enter_action="view_network",
            exits={"network:withdraw": "act_on_own_membership", "network:leave": "act_on_own_membership"},
        )
        sections.register("organisation_page", "network/_organisation_networks.html", order=10)
        audit.register(
            actions=network_audit.ACTIONS, links=network_audit.LINKS, field_labels=network_audit.FIELD_LABELS
        )
