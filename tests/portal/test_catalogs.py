"""The interface's catalogs (locale/): complete in every language, in step with the code, and every
interface string marked for translation (scripts/translations.py, scripts/unmarked_strings.py)."""

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def _script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script("translations")
unmarked = _script("unmarked_strings")


def _ids(path):
    with path.open("rb") as handle:
        return {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in read_po(handle) if m.id}


def test_every_language_has_a_complete_catalog():
    """No entry untranslated or fuzzy, each translation keeping its placeholders, tags and plural forms,
    and each .mo compiled from its .po as it is."""
    assert {code for code, _name in settings.LANGUAGES} == set(translations.HEADERS)
    assert translations.catalog_problems() == []


@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("CI"), reason="gettext (xgettext) is not installed"
)
def test_the_catalogs_hold_every_string_of_the_code(tmp_path, monkeypatch):
    """Extracting again finds no string the catalogs lack (and none they hold in vain): a string added to
    the code without `makemessages` would show in English in every language. The extraction runs on a
    copy of the code, so the repository's own catalogs are never written."""
    code = tmp_path / "code"
    skipped = shutil.ignore_patterns(".*", "locale", "tests", "scripts", "node_modules", "media", "staticfiles",
                                     "var", "vendor", "__pycache__", "*.png", "*.mo")  # fmt: skip
    shutil.copytree(ROOT, code, ignore=skipped)
    target = tmp_path / "out" / "en" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(translations.po_path("en"), target / "django.po")
    monkeypatch.chdir(code)
    with override_settings(LOCALE_PATHS=[tmp_path / "out"]):
        call_command("makemessages", locale=["en"], verbosity=0)
    assert _ids(target / "django.po") == _ids(translations.po_path("en"))


def test_every_template_string_is_marked():
    assert unmarked.unmarked_in_templates() == []


def test_every_python_interface_string_is_marked():
    assert unmarked.unmarked_in_python() == []


def test_the_template_check_finds_unmarked_words(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '{% load i18n %}<h1>Members</h1><p>{% translate "Fine" %}</p>'
        "{% blocktranslate %}Also fine {{ name }}{% endblocktranslate %}{% comment %}A note{% endcomment %}"
        '<img alt="Our logo"><input type="submit" value="Send"><button name="a" value="draft">…</button>'
        '{% include "x.html" with title="Plain title" %}{{ value|default:"Nothing yet" }}'
        "<script>var s = 'Hidden';</script><p>PDF · CSV · {{ value }}</p>"
    )
    found = " | ".join(text for _line, text in unmarked.template_problems(page))
    for shown in ("Members", 'alt="Our logo"', 'value="Send"', "Plain title", "Nothing yet"):
        assert shown in found
    for marked in ("Fine", "Also fine", "A note", "draft", "Hidden", "PDF"):
        assert marked not in found
    mail = tmp_path / "mail.txt"
    mail.write_text("{% load i18n %}{% translate 'Hello' %}\nYour entry was approved.\n{{ url }}\n")
    assert unmarked.template_problems(mail) == [(2, "Your entry was approved.")]


def test_the_python_check_finds_unmarked_strings(tmp_path):
    module = tmp_path / "forms.py"
    module.write_text(
        "from django.utils.translation import gettext_lazy as _\n"
        "a = forms.CharField(label='Name', help_text=_('Fine'))\n"
        "raise ValidationError('Too long.')\n"
        "messages.success(request, 'Saved.')\n"
        "logger.warning('not for users: %s', x)\n"
        "kind = forms.ChoiceField(choices=[('a', 'Apple'), ('b', _('Pear'))])\n"
    )
    found = [text for _line, text in unmarked.python_problems(module)]
    assert found == ["label='Name'", "ValidationError('Too long.')", "success(…, 'Saved.')", "choice 'Apple'"]


def test_apply_refuses_a_translation_that_breaks_its_entry(tmp_path, monkeypatch):
    """A lost placeholder, a missing plural form or a dropped tag: nothing of the file is written."""
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "locale" / "pl", locale / "pl")
    monkeypatch.setattr(translations, "LOCALE", locale)
    catalog = translations.read("pl")
    plural = next(m for m in catalog if isinstance(m.id, tuple) and "%(counter)s" in m.id[1])
    single = next(m for m in catalog if isinstance(m.id, str) and "%(" in m.id and m.id.count("%(") == 1)
    before = translations.po_path("pl").read_bytes()
    rows = [
        {"id": single.id, "context": single.context, "str": "bez miejsca na nazwę"},
        {"id": plural.id[0], "plural": plural.id[1], "context": plural.context, "str": ["%(counter)s jeden"]},
    ]
    (tmp_path / "rows.json").write_text(json.dumps(rows))
    assert translations.apply("pl", tmp_path / "rows.json") == 1
    assert translations.po_path("pl").read_bytes() == before


def test_django_reads_the_catalogs():
    """The compiled catalogs are the ones Django uses: a string of ours and one of allauth's, Armenian."""
    with translation.override("hy"):
        assert translation.gettext("My workspace") != "My workspace"
        assert translation.gettext("Incorrect password.") != "Incorrect password."


def test_the_glossary_gives_every_term_in_every_language():
    """locale/<code>/glossary.tsv: each of the portal's words has its translation in every language, and
    docs/glossary.md is made from those files as they are."""
    terms = translations.glossary()
    assert len(terms) >= 50 and "recommendation package" in terms and "logframe" in terms
    assert {term: set(translations.TRANSLATED) - set(words) for term, words in terms.items() if
            set(words) != set(translations.TRANSLATED) or not all(words.values())} == {}  # fmt: skip
    assert translations.GLOSSARY_DOC.read_text(encoding="utf-8") == translations.glossary_markdown()
