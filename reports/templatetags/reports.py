"""`{% report_form "progress_report" project as form %}`: the form asking for a report of that kind about
the subject, for the page's user, or None where the kind is not registered or the user may not ask.

Values after the subject preset the kind's parameters (`period_start=period_start`: the dashboard's
period); a None (or a name the page lacks) leaves the kind's own default. A name the kind's form does not
ask for is an error."""

from django import template

from reports import kinds
from reports.forms import ReportRequestForm

register = template.Library()


@register.simple_tag(takes_context=True)
def report_form(context, kind_name, subject, **initial):
    try:
        kind = kinds.get(kind_name)
    except LookupError:
        return None
    request = context.get("request")
    if request is None or subject is None or not kind.can_request(request.user, subject):
        return None
    form = ReportRequestForm(kind=kind, subject=subject, auto_id=f"report-{kind.name}-%s")
    unknown = sorted(set(initial) - set(form.parameter_names))
    if unknown:
        raise template.TemplateSyntaxError(f"report_form {kind_name!r} asks for no {', '.join(unknown)}")
    form.initial.update({name: value for name, value in initial.items() if value not in (None, "")})
    return form
