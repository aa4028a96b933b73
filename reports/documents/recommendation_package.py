"""The recommendation package: an advocacy output as a branded PDF (journey 3).

Cover (the network's name, logo and colour; the output's title, kind, version and date), summary, table of
contents, body, the recommendations grouped by the institution they are addressed to (each with its
number), and annexes: the output's attachments and its uptake ledger (each submission, its response and
outcome). Page numbers, the date and the version in the footer.

A published output is rendered as one of its published versions (OutputVersion: what readers of that
version saw, whatever changed since): the latest by default, an earlier one when asked (`version`). An
output never published is rendered from its working copy, marked as not published.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advocacy import completeness
from advocacy.models import AdvocacyOutput, OutputVersion, Recommendation
from advocacy.selectors import output_timeline
from members.models import Organisation
from portal import permissions
from portal.pdf import media_url
from portal.sanitise import clean_html
from portal.texts import MultilingualText
from reports import kinds
from reports.documents import common

NAME = "recommendation_package"
TEMPLATE = "reports/pdf/recommendation_package.html"
# A text longer than this (characters, in any of the report's languages) does not go in a column of a
# bilingual package: its versions follow one another across the page instead.
COLUMN_MAX = 1500


@dataclass
class Item:
    number: int
    text: MultilingualText  # shown in each of the report's languages by the template (reports.templatetags.pdf)
    rationale: MultilingualText
    fits_columns: bool = True


def fits_columns(languages, *values):
    """Whether every version of `values` the report shows (each language, else the original) fits a column."""
    return all(len(common.text(value, code)) <= COLUMN_MAX for value in values for code in languages)


@dataclass
class Group:
    institution: Organisation | None
    items: list = field(default_factory=list)

    @property
    def anchor(self):
        return f"institution-{self.institution.pk if self.institution else 'none'}"


def _version_row(output, number):
    return OutputVersion.objects.filter(network=output.network, output=output, number=number).first()


def _no_version(number):
    return _("This output has no published version %(number)s.") % {"number": number}


def clean_parameters(output, parameters):
    """{"version": the published version to render (the latest by default), or None for an output never
    published (its working copy)}."""
    common.check_keys(parameters, {"version"})
    asked = parameters.get("version")
    if asked in (None, ""):
        return {"version": output.version or None}
    try:
        number = int(asked)
    except (TypeError, ValueError):
        raise ValidationError({"version": _("Choose a version by its number.")}) from None
    if number < 1 or _version_row(output, number) is None:
        raise ValidationError({"version": _no_version(asked)})
    return {"version": number}


def data_version(output, parameters):
    return common.data_version(output.network, NAME, output.pk, parameters)


def _content(output, number, language):
    """(title, summary, body, recommendations [(position, text, rationale, institution id)], published_at)."""
    if number:
        frozen = _version_row(output, number)
        if frozen is None:
            raise ValidationError({"version": _no_version(number)})
        items = [
            (item.get("position"), MultilingualText.from_json(item.get("text")),
             MultilingualText.from_json(item.get("rationale") or {}), item.get("institution"))
            for item in frozen.recommendations
        ]  # fmt: skip
        return frozen.title, frozen.summary, frozen.body, items, frozen.published_at
    rows = Recommendation.objects.filter(network=output.network, output=output).order_by("position")
    items = [(row.position, row.text, row.rationale, row.institution_id) for row in rows]
    return output.title, output.summary, output.body, items, None


def _attachments(output):
    """The output's attached documents, once the advocacy app has them (OutputAttachment); [] before."""
    try:
        model = apps.get_model("advocacy", "OutputAttachment")
    except LookupError:
        return []
    return list(model.objects.filter(network=output.network, output=output).order_by("pk"))


def context(output, *, parameters, language, progress=None, second_language=""):
    """What the template shows, read in a fixed number of queries whatever the number of recommendations,
    institutions and submissions."""
    progress = progress or (lambda fraction: None)
    languages = [language, second_language] if second_language else [language]
    output = AdvocacyOutput.objects.select_related("network", "project").get(network=output.network, pk=output.pk)
    network = output.network
    number = parameters.get("version")
    title, summary, body, items, published_at = _content(output, number, language)
    addressed = [a.organisation for a in output.addresses.filter(network=network).select_related("organisation")]
    authors = list(output.authors.order_by("name"))
    timeline = [event.submission for event in output_timeline(output) if event.kind == "submitted"]
    named = {item[3] for item in items if item[3]} - {o.pk for o in addressed}
    institutions = {o.pk: o for o in addressed}
    if named:
        institutions.update({o.pk: o for o in Organisation.objects.filter(pk__in=named)})
    progress(0.3)
    groups = {}
    for position, text, rationale, institution_id in sorted(items, key=lambda item: item[0] or 0):
        institution = institutions.get(institution_id)
        group = groups.setdefault(institution.pk if institution else None, Group(institution))
        group.items.append(Item(position, text, rationale, fits_columns(languages, text, rationale)))
    ordered = sorted(
        groups.values(), key=lambda g: (g.institution is None, g.institution.name.lower() if g.institution else "")
    )
    version_label = (
        _("Version %(number)s") % {"number": number} if number else _("Not published: working copy")
    )  # fmt: skip
    date = published_at or output.updated_at
    return {
        "network": network,
        "brand": common.brand(network),
        "logo": media_url(network.logo),  # read by the fetcher through the storage
        "output": output,
        "kind_label": output.get_kind_display(),
        "title": common.text(title, language) or str(_("Untitled output")),
        "title_text": title,
        "summary": common.text(summary, language),
        "summary_text": summary,
        "summary_in_columns": fits_columns(languages, summary),
        # Stored cleaned (advocacy.services.outputs); cleaned again here, as every page does before showing
        # (the template's pdf_rich cleans each language's version).
        "body": mark_safe(clean_html(common.text(body, language))),  # noqa: S308 (clean_html's output)
        "body_text": body,
        "groups": ordered,
        "recommendation_count": len(items),
        "addressed": addressed,
        "authors": authors,
        "submissions": timeline,
        "attachments": _attachments(output),
        "version": number,
        "version_label": version_label,
        "date": date,
        "language": language,
        "languages": languages,
        "bilingual": len(languages) > 1,
    }


def render(output, *, parameters, language, progress, second_language=""):
    progress(0.05)
    with translation.override(language):
        data = context(output, parameters=parameters, language=language, progress=progress,
                       second_language=second_language)  # fmt: skip
        progress(0.5)
        data["footer"] = common.page_footer(left=f"{data['version_label']} · {common.day(data['date'])}")
        pdf = common.render_document(TEMPLATE, data, language=language)
    progress(1.0)
    return pdf


def filename(output, *, parameters, language, second_language=""):
    number = parameters.get("version")
    stem = slugify(str(output.title))[:60] or "output"
    languages = f"{language}-{second_language}" if second_language else language
    return f"{stem}-v{number}-{languages}.pdf" if number else f"{stem}-draft-{languages}.pdf"


def check_translations(output, languages):
    """The output's texts missing in the report's languages (advocacy.completeness), before it is asked for."""
    return completeness.output_check(output, languages)


def can_request(user, output):
    return permissions.check("view_output", user, output)


KIND = kinds.register(
    kinds.Kind(
        name=NAME,
        label=gettext_lazy("Recommendation package (PDF)"),
        subject_model="advocacy.AdvocacyOutput",
        can_request=can_request,
        can_download=can_request,
        clean_parameters=clean_parameters,
        data_version=data_version,
        render=render,
        filename=filename,
        bilingual=True,
        completeness=check_translations,
    )
)
