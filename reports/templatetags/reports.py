"""`{% report_form "progress_report" project as form %}`: the form asking for a report of that kind about
the subject, for the page's user, or None where the kind is not registered or the user may not ask."""

from django import template

from reports import kinds
from reports.forms import ReportRequestForm

register = template.Library()


@register.simple_tag(takes_context=True)
def report_form(context, kind_name, subject):
    try:
        kind = kinds.get(kind_name)
    except LookupError:
        return None
    request = context.get("request")
    if request is None or subject is None or not kind.can_request(request.user, subject):
        return None
    return ReportRequestForm(kind=kind, subject=subject, auto_id=f"report-{kind.name}-%s")
