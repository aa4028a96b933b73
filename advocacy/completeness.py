"""Translation completeness: which texts of an output (or a project) are missing in the languages a reader
will get, checked before it goes to an institution.

Used where an output is submitted to an institution (advocacy.views.submissions) and on the report
request form when a bilingual report is asked for (reports.views, through each kind's `completeness`). It
warns and never blocks: an institution may well receive a text in its original only, but whoever sends it
should know, and have the links to translate what is missing.

A text is listed when it has a text at all (an empty summary is not missing anything) and lacks a version
in one of the languages checked (a regional variant counts for its language, as MultilingualText.resolve
reads it). Every check reads a fixed number of queries whatever the number of recommendations or rows.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from advocacy.models import Recommendation
from portal.texts import base_language, language_name
from projects.models import Activity, Component, Indicator, Result


@dataclass(frozen=True)
class Missing:
    """One text lacking some of the languages checked."""

    label: str  # what it is, in the reader's language ("Recommendation 3", "Title")
    excerpt: str  # its beginning, in its original
    original_language: str
    missing: tuple  # the language codes it lacks, in the order checked
    edit_url: str
    available: tuple = ()  # the languages it has

    @property
    def only_original(self):
        """It exists in one language only, its original."""
        return self.available == (self.original_language,)

    @property
    def missing_names(self):
        return ", ".join(language_name(code) for code in self.missing)

    @property
    def original_name(self):
        return language_name(self.original_language) if self.original_language else ""


@dataclass(frozen=True)
class Check:
    """A completeness check's answer: the languages checked and the texts missing in some of them (true
    when there is any)."""

    languages: tuple
    missing: list

    def __bool__(self):
        return bool(self.missing)

    @property
    def languages_label(self):
        return ", ".join(language_name(code) for code in self.languages)


def _has(value, code):
    return any(value.text(found) and base_language(found) == base_language(code) for found in value.languages)


def _excerpt(value, length=80):
    text = " ".join(str(value.original or value.resolve().text).split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def missing_texts(texts, languages):
    """The Check of `texts` ((label, MultilingualText, edit url) triples) in `languages`."""
    wanted = _ordered(languages)
    found = []
    for label, value, url in texts:
        if not value:
            continue
        lacking = tuple(code for code in wanted if not _has(value, code))
        if lacking:
            available = tuple(code for code in value.languages if value.text(code))
            found.append(Missing(str(label), _excerpt(value), value.original_language or "", lacking, url,
                                 available=available))  # fmt: skip
    return Check(tuple(wanted), found)


def _ordered(*groups):
    return list(dict.fromkeys(code for group in groups for code in group if code))


# --- an advocacy output ---------------------------------------------------------------------------------


def output_texts(output, recommendations=None):
    """The output's texts to check: its title, summary and body, and each recommendation's text and
    rationale, with the page that edits each. One query (the recommendations) unless given them."""
    network = output.network.slug
    edit = reverse("advocacy:output_edit", kwargs={"network_slug": network, "output_id": output.pk})
    texts = [(_("Title"), output.title, edit), (_("Summary"), output.summary, edit), (_("Body"), output.body, edit)]
    if recommendations is None:
        recommendations = Recommendation.objects.filter(network=output.network, output=output).order_by("position")
    for row in recommendations:
        row.output = output  # their texts' language is the output's: no query for it
        url = reverse(
            "advocacy:recommendation_edit",
            kwargs={"network_slug": network, "output_id": output.pk, "recommendation_id": row.pk},
        )
        texts.append((_("Recommendation %(number)s") % {"number": row.position}, row.text, url))
        texts.append((_("Rationale of recommendation %(number)s") % {"number": row.position}, row.rationale, url))
    return texts


def submission_languages(output, texts):
    """The languages an output going to an institution is checked in: its own, the network's, and every
    language any of its texts already has (a text translated elsewhere and not here is the gap to see)."""
    present = [code for _label, value, _url in texts for code in value.languages if value.text(code)]
    return _ordered([output.language], output.network.languages or [], present)


def output_check(output, languages=None):
    """The Check of the output's texts in `languages` (by default submission_languages')."""
    texts = output_texts(output)
    return missing_texts(texts, languages if languages is not None else submission_languages(output, texts))


# --- a project (the progress report) --------------------------------------------------------------------


def project_texts(project):
    """The project's texts a progress report shows: its title and summary, its components' and planned
    activities' titles, its expected results' titles and its indicators' names. Four queries."""
    network = project.network
    kwargs = {"network_slug": network.slug, "project_slug": project.slug}
    edit = reverse("projects:edit", kwargs=kwargs)
    logframe = reverse("projects:edit_page", kwargs={**kwargs, "page": "logframe"})
    results_page = reverse("projects:edit_page", kwargs={**kwargs, "page": "results"})
    texts = [(_("Title"), project.title, edit), (_("Summary"), project.summary, edit)]
    rows = {"network": network, "project": project}
    for component in Component.objects.filter(**rows).order_by("position", "pk"):
        component.project = project  # the texts' language is the project's: no query for it
        texts.append((f"{component.get_kind_display()} {component.position}", component.title, logframe))
    for activity in Activity.objects.filter(**rows).order_by("component__position", "position", "pk"):
        activity.project = project
        texts.append((_("Planned activity %(number)s") % {"number": activity.code}, activity.title, logframe))
    for result in Result.objects.filter(**rows).order_by("position", "pk"):
        result.project = project
        texts.append((f"{result.get_level_display()} {result.position}", result.title, results_page))
    for indicator in Indicator.objects.filter(**rows).order_by("result__position", "position", "pk"):
        indicator.project = project
        texts.append((_("Indicator %(name)s") % {"name": _excerpt(indicator.name, 40)}, indicator.name, results_page))
    return texts


def project_check(project, languages):
    """The Check of the project's texts (project_texts) in `languages`."""
    return missing_texts(project_texts(project), languages)
