"""The network app's user-written texts become multilingual (portal.texts), as the projects' did in
projects 0002: each old text becomes one JSON value whose original is in its record's language.

Networks, agreements and news posts get a `language`: a network's is its first language
(`languages[0]`, else English); an agreement's and a news post's is their network's. Objectives and
areas of cooperation take their network's or agreement's. The history tables follow the model fields,
and their rows are folded the same way (a historical agreement or post takes its network's language).

Backwards, the original goes back to the old column; a long text (description, founding statement,
purpose, body, an objective or area) keeps its translations after it, so nothing typed is lost; a
title, a link text and `framework` (short columns) keep the original only.
"""

from django.conf import global_settings
from django.db import migrations, models

import portal.texts

KNOWN = {code for code, _name in global_settings.LANGUAGES}
LANGUAGE_CHOICES = list(global_settings.LANGUAGES)

# model: [text fields]
TEXTS = {
    "network": ["description", "founding_statement"],
    "historicalnetwork": ["description", "founding_statement"],
    "networkobjective": ["text"],
    "partnershipagreement": ["title", "purpose", "framework"],
    "historicalpartnershipagreement": ["title", "purpose", "framework"],
    "agreementarea": ["text"],
    "newspost": ["title", "body", "link_label"],
    "historicalnewspost": ["title", "body", "link_label"],
}
WITH_LANGUAGE = ("network", "historicalnetwork", "partnershipagreement", "historicalpartnershipagreement",
                 "newspost", "historicalnewspost")  # fmt: skip
# The new fields: (verbose name, max_length or None, multiline, blank, help_text, language_from)
FIELDS = {
    "description": ("description", None, True, True, "", "language"),
    "founding_statement": ("founding statement", None, True, True, "", "language"),
    ("networkobjective", "text"): ("text", None, True, False, "", "network.language"),
    ("agreementarea", "text"): ("area of cooperation", None, True, False, "", "agreement.language"),
    ("partnershipagreement", "title"): ("title", 255, False, False, "", "language"),
    "purpose": ("purpose", None, True, True, "The main goal, in a few sentences.", "language"),
    "framework": (
        "concluded under (project or programme)", 500, True, True,
        "The project or programme within which the agreement was concluded.", "language",
    ),  # fmt: skip
    ("newspost", "title"): ("title", 255, False, False, "", "language"),
    "body": ("text", None, True, False, "", "language"),
    "link_label": ("link text", 200, False, True, "", "language"),
}
# The old columns: (max_length or None for a TextField, how translations join the original backwards)
OLD_COLUMNS = {
    "description": (None, "\n\n"), "founding_statement": (None, "\n\n"), "text": (None, " / "),
    "title": (255, None), "purpose": (None, "\n\n"), "framework": (500, None), "body": (None, "\n\n"),
    "link_label": (200, None),
}  # fmt: skip
LANGUAGE_LABEL = {"network": "language of the texts", "partnershipagreement": "language of the agreement",
                  "newspost": "language of the post"}  # fmt: skip
OLD = "{}_old"


def first_language(languages):
    """A network's language from its list of languages (a pure function, tested on its own)."""
    languages = languages if isinstance(languages, list) else []
    return next((code for code in languages if code in KNOWN), "en")


def fold(text, language):
    text = (text or "").strip()
    return {language: {"text": text, "source": "original"}} if text else {}


def unfold(value, joiner):
    """Backwards: the old column's text from a JSON value."""
    value = value.as_json() if hasattr(value, "as_json") else (value if isinstance(value, dict) else {})
    original = next((e.get("text", "") for e in value.values() if e.get("source") == "original"), "")
    if not joiner:
        return original
    translations = [e.get("text", "") for e in value.values() if e.get("source") != "original"]
    return joiner.join(t for t in [original, *translations] if t)


def _lookup(field, model_name):
    return FIELDS.get((model_name.replace("historical", ""), field)) or FIELDS[field]


def forwards(apps, schema_editor):
    Network = apps.get_model("network", "Network")
    networks = {}
    for pk, languages in Network._base_manager.values_list("pk", "languages"):
        networks[pk] = first_language(languages)
    Agreement = apps.get_model("network", "PartnershipAgreement")
    agreements = dict(Agreement._base_manager.values_list("pk", "network_id"))
    agreements = {pk: networks.get(network_id, "en") for pk, network_id in agreements.items()}
    for model_name, fields in TEXTS.items():
        model = apps.get_model("network", model_name)
        rows = list(model._base_manager.all())
        for row in rows:
            if model_name == "historicalnetwork":
                language = first_language(row.languages)
            elif model_name == "agreementarea":
                language = agreements.get(row.agreement_id, "en")
            elif model_name == "network":
                language = networks[row.pk]
            else:
                language = networks.get(row.network_id, "en")
            if model_name in WITH_LANGUAGE:
                row.language = language
            for field in fields:
                old = getattr(row, OLD.format(field))
                row.__dict__[field] = portal.texts.MultilingualText.from_json(fold(old, language))
        changed = list(fields) + (["language"] if model_name in WITH_LANGUAGE else [])
        model._base_manager.bulk_update(rows, changed, batch_size=500)


def backwards(apps, schema_editor):
    for model_name, fields in TEXTS.items():
        model = apps.get_model("network", model_name)
        rows = list(model._base_manager.all())
        for row in rows:
            for field in fields:
                setattr(row, OLD.format(field), unfold(getattr(row, field), OLD_COLUMNS[field][1]))
        model._base_manager.bulk_update(rows, [OLD.format(f) for f in fields], batch_size=500)


def _field(model_name, field):
    verbose, max_length, multiline, blank, help_text, language_from = _lookup(field, model_name)
    kwargs = {"blank": blank, "default": dict, "verbose_name": verbose}
    if help_text:
        kwargs["help_text"] = help_text
    if max_length:
        kwargs["max_length"] = max_length
    if not multiline:
        kwargs["multiline"] = False
    if language_from != "language":
        kwargs["language_from"] = language_from
    return portal.texts.MultilingualTextField(**kwargs)


def _old_field(field):
    max_length = OLD_COLUMNS[field][0]
    # blank: so that migrating back can re-add the column to rows that exist by then
    return models.CharField(max_length=max_length, blank=True) if max_length else models.TextField(blank=True)


def _operations():
    before, after = [], []
    for model_name, fields in TEXTS.items():
        if model_name in WITH_LANGUAGE:
            label = LANGUAGE_LABEL[model_name.replace("historical", "")]
            before.append(
                migrations.AddField(
                    model_name, "language",
                    models.CharField(choices=LANGUAGE_CHOICES, default="en", max_length=10, verbose_name=label),
                )  # fmt: skip
            )
        for field in fields:
            before.append(migrations.RenameField(model_name, field, OLD.format(field)))
            before.append(migrations.AlterField(model_name, OLD.format(field), _old_field(field)))
            before.append(migrations.AddField(model_name, field, _field(model_name, field)))
            after.append(migrations.RemoveField(model_name, OLD.format(field)))
    return before, after


BEFORE, AFTER = _operations()


class Migration(migrations.Migration):
    dependencies = [("network", "0003_notification_sent_markers")]

    operations = [*BEFORE, migrations.RunPython(forwards, backwards), *AFTER]
