"""The form that asks for a report: the language (and, for a bilingual kind, a second one), and the fields
of the kind's parameters.

A kind's parameters are its own (reports.kinds: `clean_parameters` checks them); which form fields ask for
them is said here, per kind name (`register_fields`), so the request page and the sections on the
subject's page show the same fields. The fields' values reach the kind as the strings a browser posts
(dates as ISO dates): the kind reads those, as it reads them back from the job's stored parameters.
"""

import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.forms import DateInput

_FIELDS = {}  # kind name -> function(subject) -> {name: (form field, initial value)}


def register_fields(kind_name, fields):
    """`fields(subject)` returns {parameter name: (form field, initial value)} for kind `kind_name`."""
    _FIELDS[kind_name] = fields


def _period_fields(project):
    """A period: the project's months up to today (or its end), the progress report's and the evidence pack's."""
    today = timezone.localdate()
    end = min(project.end_date, today) if project.end_date else today
    start = project.start_date or end.replace(month=1, day=1)
    return {
        "period_start": (forms.DateField(label=_("Period from"), widget=DateInput), start),
        "period_end": (forms.DateField(label=_("Period to"), widget=DateInput), max(start, end)),
    }


register_fields("progress_report", _period_fields)
register_fields("evidence_pack", _period_fields)


class ReportRequestForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)
    second_language = forms.ChoiceField(
        label=_("Second language"),
        choices=[("", _("None")), *settings.LANGUAGES],
        required=False,
        help_text=_("A bilingual report: each section in both languages, for institutions that receive two versions."),
    )

    def __init__(self, *args, kind, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind, self.subject = kind, subject
        if not kind.bilingual:
            del self.fields["second_language"]
        self.parameter_names = []
        for name, (field, initial) in _FIELDS.get(kind.name, lambda subject: {})(subject).items():
            self.fields[name] = field
            self.initial.setdefault(name, initial)
            self.parameter_names.append(name)
        language = get_language() or settings.LANGUAGE_CODE
        self.initial.setdefault("language", language if language in dict(settings.LANGUAGES) else "en")

    def clean(self):
        cleaned = super().clean()
        second = cleaned.get("second_language")
        if second and second == cleaned.get("language"):
            self.add_error("second_language", _("Choose a second language other than the report's language, or none."))
        return cleaned

    @property
    def languages(self):
        """The report's languages, from the cleaned form: [language] or [language, second language]."""
        language, second = self.cleaned_data.get("language"), self.cleaned_data.get("second_language")
        return [language, second] if second else [language]

    def parameters(self):
        """The kind's parameters from the cleaned form, as posted strings."""
        values = {}
        for name in self.parameter_names:
            value = self.cleaned_data.get(name)
            if isinstance(value, datetime.date):
                value = value.isoformat()
            values[name] = "" if value is None else str(value)
        return values
