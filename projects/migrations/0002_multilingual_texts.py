"""Project and logframe texts become multilingual (portal.texts): each old text, its `*_translation`
and the project's `translation_language` are folded into one JSON value, then the old columns go.

The project's `language` is the original's; the translation keeps its language with source "human"
(a person wrote it). A translation whose language was never given (the old form refused that, but
imports did not) is kept as English, or, when the original is English itself, appended to the
original after a blank line: nothing is dropped. Backwards, the original goes back to the old column
and the first translation to `*_translation` (the old columns hold one second language only).
"""

from django.db import migrations, models

import portal.texts

# model: [(text field, its old translation field or None)]
TEXTS = {
    "project": [("title", "title_translation"), ("summary", "summary_translation")],
    "historicalproject": [("title", "title_translation"), ("summary", "summary_translation")],
    "objective": [("text", "text_translation")],
    "component": [("title", "title_translation"), ("description", None)],
    "activity": [("title", "title_translation"), ("description", None)],
    "result": [("title", "title_translation"), ("description", None)],
    "indicator": [("name", None)],
    "need": [("text", "text_translation")],
    "targetgroup": [("name", "name_translation")],
}
MAX_LENGTH = {"title": 500, "name": 500}  # the new fields' maxima, set below per model
OLD = "{}_old"


def combine(original, translation, language, translation_language):
    """The new JSON value from an old text pair (a pure function, tested on its own)."""
    original, translation = (original or "").strip(), (translation or "").strip()
    value = {}
    if translation and not translation_language:
        if language == "en":
            original, translation = f"{original}\n\n{translation}".strip(), ""
        translation_language = "en"
    if original:
        value[language] = {"text": original, "source": "original"}
    if translation and translation_language != language:
        value[translation_language] = {"text": translation, "source": "human"}
    elif translation:  # the same language twice (the old form refused it): keep both in the original
        value[language] = {"text": f"{original}\n\n{translation}".strip(), "source": "original"}
    return value


def split(value, translation_language):
    """Backwards: (original text, translation text) from a JSON value."""
    value = value if isinstance(value, dict) else {}
    original = next((e["text"] for e in value.values() if e.get("source") == "original"), "")
    translation = (value.get(translation_language) or {}).get("text", "") if translation_language else ""
    return original, translation


def _languages(apps):
    Project = apps.get_model("projects", "Project")
    return {pk: (lang, second) for pk, lang, second in Project._base_manager.values_list("pk", "language", "translation_language")}


def forwards(apps, schema_editor):
    projects = _languages(apps)
    for model_name, fields in TEXTS.items():
        model = apps.get_model("projects", model_name)
        rows = list(model._base_manager.all())
        for row in rows:
            if model_name.endswith("project"):
                language, second = row.language, row.translation_language
            else:
                language, second = projects[row.project_id]
            for field, translation_field in fields:
                old = getattr(row, OLD.format(field))
                translation = getattr(row, translation_field) if translation_field else ""
                row.__dict__[field] = portal.texts.MultilingualText.from_json(combine(old, translation, language, second))
        model._base_manager.bulk_update(rows, [field for field, _t in fields], batch_size=500)


def backwards(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    # The second language of each project: the first translation its title or summary has.
    seconds = {}
    for project in Project._base_manager.all():
        for value in (project.title, project.summary):
            second = next((code for code in value.languages if code != project.language), "")
            if second:
                seconds[project.pk] = second
                break
    for model_name, fields in TEXTS.items():
        model = apps.get_model("projects", model_name)
        rows = list(model._base_manager.all())
        changed = []
        for row in rows:
            if model_name == "historicalproject":
                second = next((c for c in row.title.languages if c != row.language), "")
            else:
                second = seconds.get(row.pk if model_name == "project" else row.project_id, "")
            if model_name.endswith("project"):
                row.translation_language = second
            for field, translation_field in fields:
                original, translation = split(getattr(row, field).as_json(), second)
                setattr(row, OLD.format(field), original)
                if translation_field:
                    setattr(row, translation_field, translation)
        changed = [OLD.format(f) for f, _t in fields] + [t for _f, t in fields if t]
        if model_name.endswith("project"):
            changed.append("translation_language")
        model._base_manager.bulk_update(rows, changed, batch_size=500)


def _field(model_name, field):
    blank = field in ("summary", "description")
    multiline = field not in ("title", "name")
    max_length = {"project": 300, "historicalproject": 300, "targetgroup": 300}.get(model_name, 500)
    kwargs = {"blank": blank, "default": dict}
    if not multiline:
        kwargs.update(max_length=max_length, multiline=False)
    if not model_name.endswith("project"):
        kwargs["language_from"] = "project.language"
    verbose = {
        ("project", "title"): "title", ("project", "summary"): "summary", ("objective", "text"): "text",
        ("indicator", "name"): "indicator", ("need", "text"): "need", ("targetgroup", "name"): "target group",
    }.get((model_name.replace("historical", ""), field), field)
    return portal.texts.MultilingualTextField(verbose_name=verbose, **kwargs)


def _old_field(model_name, field):
    if field in ("title", "name"):
        max_length = {"project": 300, "historicalproject": 300, "targetgroup": 300}.get(model_name, 500)
        return models.CharField(max_length=max_length, blank=True)
    return models.TextField(blank=True)


def _operations():
    before, after = [], []
    for model_name, fields in TEXTS.items():
        for field, translation_field in fields:
            before.append(migrations.RenameField(model_name, field, OLD.format(field)))
            # blank: so that migrating back can re-add the column to rows that exist by then
            before.append(migrations.AlterField(model_name, OLD.format(field), _old_field(model_name, field)))
            before.append(migrations.AddField(model_name, field, _field(model_name, field)))
            after.append(migrations.RemoveField(model_name, OLD.format(field)))
            if translation_field:
                after.append(migrations.RemoveField(model_name, translation_field))
        if model_name.endswith("project"):
            after.append(migrations.RemoveField(model_name, "translation_language"))
    return before, after


BEFORE, AFTER = _operations()


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial")]

    operations = [
        *BEFORE,
        migrations.RunPython(forwards, backwards),
        *AFTER,
        migrations.AlterModelOptions(
            name="project",
            options={"ordering": ["-start_date", "slug"], "verbose_name": "project", "verbose_name_plural": "projects"},
        ),
    ]
