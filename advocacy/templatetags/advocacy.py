"""`{% project_uptake project as uptake %}` and `{% network_uptake network as uptake %}`: the advocacy sections of
the dashboards (templates/advocacy/sections/), read through advocacy.selectors for the page's user and the period
the dashboard's context holds (`period_start`, `period_end`: dates, or None for the whole record)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from advocacy import selectors

register = template.Library()


def _user(context):
    request = context.get("request")
    return request.user if request is not None else AnonymousUser()


@register.simple_tag(takes_context=True)
def project_uptake(context, project):
    return selectors.project_uptake(
        user=_user(context), project=project,
        period_start=context.get("period_start"), period_end=context.get("period_end"),
    )  # fmt: skip


@register.simple_tag(takes_context=True)
def network_uptake(context, network):
    """The ledger's counts; the template asks `{% can "see_ledger" network %}` first, as the ledger page does."""
    return selectors.network_uptake(
        network=network, period_start=context.get("period_start"), period_end=context.get("period_end")
    )
