"""The demo in every interface language: its translated texts, and every page type walked in each language.

The walk (`test_no_page_shows_an_interface_string_in_english`) signs in as each role of config/demo/pages.py
(one test client per role), asks for every page type in Armenian, Slovenian, Polish, Albanian and Azerbaijani
(the language cookie and Accept-Language both say it), and reads every visible text node, and the `title`,
`placeholder`, `aria-label` and `alt` of elements and the label of buttons. A text that is an interface string
left in English fails: it equals an msgid of the English catalog (locale/en/LC_MESSAGES/django.po) whose
translation in the page's language exists and differs from the English, so the page did not use the catalog.
Skipped: <script>, <style>, <textarea> and <code>; elements carrying a `lang` other than the page's (user
content is marked so: portal/templatetags/texts.py); and what the database holds as written by people (names of
organisations, networks, people and sites, places, codes), the proper names a page may show untranslated.

Only strings whose translation exists are judged, so the walk passes on a catalog still being translated and
tightens as translations land; on a complete catalog it passes only when every page uses it. An msgid with
placeholders ("%(count)s entries") is matched as a pattern, the placeholders standing for any text.
`test_the_walk_finds_what_it_is_for` shows each rule failing and passing on a small page.
"""

import html
import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django_scopes import scope, scopes_disabled

from config.demo import pages
from network.models import Network, NetworkObjective, NewsPost, PartnershipAgreement
from portal.texts import MultilingualTextField
from projects.models import Activity, Component, Indicator, Project, Result

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("hy", "sl", "pl", "sq", "az")
SKIPPED_ELEMENTS = {"script", "style", "textarea", "code"}
VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip
TEXT_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
BUTTON_TYPES = {"submit", "button", "reset"}
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z0-9_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]|%%")
APPS = ("members", "network", "projects", "advocacy", "reports", "portal")
# Names the templates write as they are in every language: the portal's, and the sites a news post is shared on.
PROPER_NAMES = {"Partnera", "Facebook", "X", "LinkedIn"}


def normal(text):
    return " ".join(text.split())


# --- the catalogs -------------------------------------------------------------------------------------------


def _read_catalog(code, root=ROOT):
    with open(root / "locale" / code / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po)


def _forms(value):
    return list(value) if isinstance(value, tuple | list) else [value]


@dataclass
class Judged:
    """The English strings a page in one language must not show: their catalog translation exists and differs."""

    exact: dict = field(default_factory=dict)  # the English text → its translation
    # (a literal part to look for first, the regex, the translation, the translation's regex)
    patterns: list = field(default_factory=list)
    # Every translation the language's catalog has, as written and capitalised: a text that is one of them is that
    # language, even where it spells an English msgid too (Albanian translates "status" as "status", and "Status"
    # as "Statusi": a label "Status" there is Albanian).
    theirs: set = field(default_factory=set)

    def match(self, text):
        """The translation `text` should have been shown as, or None if `text` is not a judged English string. A
        text an English pattern matches is not judged when it matches the translation's too (a placeholder can
        hold anything, an English word the translation kept included)."""
        if text in self.theirs:
            return None
        if text in self.exact:
            return self.exact[text]
        for literal, pattern, translation, translated in self.patterns:
            if literal in text and pattern.fullmatch(text) and not translated.fullmatch(text):
                return translation
        return None


def _regex(text):
    """A regex for an msgid with placeholders (each standing for any text) and its longest literal part."""
    parts = [part.replace("%%", "%") for part in PLACEHOLDER.split(text)]
    return max(parts, key=len).strip(), re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def _pattern(english, translation):
    """(literal, regex, translation, the translation's regex) for an msgid with placeholders; None when its literal
    parts have fewer than four letters (a "%(name)s (%(code)s)" judges nothing)."""
    if sum(c.isalpha() for c in "".join(PLACEHOLDER.split(english))) < 4:
        return None
    return (*_regex(english), translation, _regex(translation)[1])


def judged_strings(english_catalog, catalog):
    """What `catalog` (one language's) judges: each English msgid (singular and plural) whose every entry, in
    every context, is translated there, not fuzzy, with no form equal to the English text."""
    translations, translated = {}, set()
    for message in catalog:
        if message.id:
            translations[message.id, message.context] = message
            if not message.fuzzy:
                for text in _forms(message.string):
                    if text := normal(html.unescape(text or "")):
                        translated.update((text, capfirst(text)))
    candidates = {}  # the English text → its translations, or None once one of its entries is untranslated
    for message in english_catalog:
        if not message.id:
            continue
        english = [normal(html.unescape(text)) for text in _forms(message.id)]
        theirs = translations.get((message.id, message.context))
        forms = (
            [] if theirs is None or theirs.fuzzy else [normal(html.unescape(s or "")) for s in _forms(theirs.string)]
        )
        complete = bool(forms) and all(forms)
        for text in english:
            if not text:
                continue
            if not complete or text in forms:
                candidates[text] = None
            elif candidates.get(text, "") is not None:
                candidates[text] = forms[0]
    judged = Judged(theirs=translated)
    for text, translation in candidates.items():
        if translation is None:
            continue
        if PLACEHOLDER.search(text):
            if (pattern := _pattern(text, translation)) is not None:
                judged.patterns.append(pattern)
        else:
            judged.exact[text] = translation
    return judged


@cache
def catalogs():
    english = _read_catalog("en")
    return {code: judged_strings(english, _read_catalog(code)) for code in LANGUAGES}


# --- the pages ----------------------------------------------------------------------------------------------


class PageText(HTMLParser):
    """A page's `<html lang>` and the texts a reader sees in the page's language (see the module docstring)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_lang = None
        self.texts = []
        self._stack = []  # (tag, skipped) of the open elements

    @property
    def _skipped(self):
        return bool(self._stack) and self._stack[-1][1]

    def _differs(self, lang):
        page = (self.html_lang or "").split("-")[0].lower()
        return lang.split("-")[0].lower() != page

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.html_lang = attrs.get("lang")
        skipped = (
            self._skipped
            or tag in SKIPPED_ELEMENTS
            or ("lang" in attrs and tag != "html" and self._differs(attrs["lang"]))
        )
        if not skipped:
            for name in TEXT_ATTRIBUTES:
                if attrs.get(name):
                    self.texts.append(normal(attrs[name]))
            if tag == "input" and attrs.get("type") in BUTTON_TYPES and attrs.get("value"):
                self.texts.append(normal(attrs["value"]))
        if tag not in VOID_ELEMENTS:
            self._stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        for depth in range(len(self._stack) - 1, -1, -1):  # close it and whatever was left open inside it
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data):
        if not self._skipped and (text := normal(data)):
            self.texts.append(text)


def page_text(content):
    parser = PageText()
    parser.feed(content)
    parser.close()
    return parser


def written_by_people():
    """Every plain text the database holds (names, acronyms, places, notes, codes…): user data, not interface.
    Texts with choices are codes the pages show by their labels, and multilingual texts mark their language, so
    neither counts."""
    found = set()
    with scopes_disabled():
        for model in apps.get_models():
            if model._meta.app_label not in APPS:
                continue
            names = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
                and not isinstance(f, MultilingualTextField)
                and not f.choices
            ]
            for name in names:
                found.update(normal(v) for v in model._base_manager.values_list(name, flat=True).distinct() if v)
    return found


@dataclass(frozen=True)
class Shown:
    role: str
    page: str
    language: str
    status: int
    expected_status: int
    html_lang: str | None
    texts: tuple


def walk():
    """Every page type of every role in every language, as Shown rows. One client per role; the language
    cookie and Accept-Language each ask for the language."""
    rows = []
    with override_settings(DEBUG=False):
        for role in pages.ROLES:
            client = Client()
            if (account := pages.user(role)) is not None:
                client.force_login(account)
            types = pages.page_types(role)
            for code in LANGUAGES:
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
                for page in types:
                    response = client.get(page.url, HTTP_ACCEPT_LANGUAGE=code)
                    parsed = page_text(response.content.decode())
                    rows.append(
                        Shown(role, page.name, code, response.status_code, page.status, parsed.html_lang,
                              tuple(dict.fromkeys(parsed.texts)))
                    )  # fmt: skip
    return rows


def english_left(rows, judged_by_language, proper_names):
    """(language, role, page, the English text, its translation) for every judged English string a page shows."""
    found = []
    for row in rows:
        judged = judged_by_language[row.language]
        for text in row.texts:
            if text in proper_names:
                continue
            if (translation := judged.match(text)) is not None:
                found.append((row.language, row.role, row.page, text, translation))
    return found


_walked = {}


@pytest.fixture
def walked(demo):
    """The walk, once for the module: the pages are only read (pages.prepare() writes in the first test's
    savepoint, the rows stay). Returns (rows, the texts written by people)."""
    if not _walked:
        import logging

        quiet = logging.getLogger("django.request")  # every 403 and 404 would print a warning
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            pages.prepare()
            _walked["rows"] = walk()
            _walked["people"] = written_by_people() | PROPER_NAMES
        finally:
            quiet.setLevel(level)
    return _walked["rows"], _walked["people"]


def test_no_page_shows_an_interface_string_in_english(walked):
    rows, people = walked
    assert {row.language for row in rows} == set(LANGUAGES)
    assert len(rows) == len(LANGUAGES) * sum(len(pages.page_types(role)) for role in pages.ROLES)
    wrong_status = [
        f"{row.language} {row.page} ({row.role}): {row.status}, expected {row.expected_status}"
        for row in rows
        if row.status != row.expected_status
    ]
    assert not wrong_status, "\n".join(wrong_status)
    left = english_left(rows, catalogs(), people)
    report = "\n".join(
        f"{lang} {page} ({role}): “{text}” (the catalog has “{tr}”)" for lang, role, page, text, tr in left
    )
    assert not left, f"{len(left)} interface strings shown in English:\n{report}"


def test_every_page_declares_the_interface_language(walked):
    rows, _people = walked
    wrong = [f"{row.language} {row.page} ({row.role}): <html lang={row.html_lang!r}>" for row in rows
             if row.html_lang != row.language]  # fmt: skip
    assert not wrong, "\n".join(wrong)


# --- the checker, on small pages ------------------------------------------------------------------------------


def test_the_walk_finds_what_it_is_for(tmp_path):
    """Each rule on a page of its own: a string is judged only when its translation exists and differs."""
    for code, body in (
        ("en", 'msgid "Save"\nmsgstr "Save"\n\nmsgid "OK"\nmsgstr "OK"\n\nmsgid "Draft"\nmsgstr "Draft"\n\n'
               'msgid "Status"\nmsgstr "Status"\n\nmsgid "status"\nmsgstr "status"\n\n'
               'msgid "%(count)s entries waiting"\nmsgstr "%(count)s entries waiting"\n\n'
               'msgid "%(name)s (%(code)s)"\nmsgstr "%(name)s (%(code)s)"\n'),
        ("pl", 'msgid "Save"\nmsgstr "Zapisz"\n\nmsgid "OK"\nmsgstr "OK"\n\nmsgid "Draft"\nmsgstr ""\n\n'
               'msgid "Status"\nmsgstr "Stan"\n\nmsgid "status"\nmsgstr "status"\n\n'
               'msgid "%(count)s entries waiting"\nmsgstr "%(count)s wpisów czeka"\n\n'
               'msgid "%(name)s (%(code)s)"\nmsgstr "%(name)s (%(code)s)"\n'),
    ):  # fmt: skip
        po = tmp_path / "locale" / code / "LC_MESSAGES" / "django.po"
        po.parent.mkdir(parents=True)
        po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n{body}')
    judged = {"pl": judged_strings(_read_catalog("en", tmp_path), _read_catalog("pl", tmp_path))}
    # "OK" is the same in Polish, "Draft" untranslated; "Status" is judged, but a "Status" on a page may be the
    # Polish of "status" (capitalised), so it is not taken for English
    assert judged["pl"].exact == {"Save": "Zapisz", "Status": "Stan"}
    assert judged["pl"].match("Save") == "Zapisz" and judged["pl"].match("Zapisz") is None
    assert judged["pl"].match("Status") is None

    def left(content, people=frozenset()):
        parsed = page_text(content)
        row = Shown("member", "page", "pl", 200, 200, parsed.html_lang, tuple(parsed.texts))
        return [text for _lang, _role, _page, text, _tr in english_left([row], judged, people)]

    page = '<html lang="pl"><head><title>Save</title></head><body>{}</body></html>'
    assert left(page.format("<p>Zapisz</p>")) == ["Save"]  # the title
    assert left(page.format("<button> Save\n</button><p>OK</p><p>Draft</p>")) == ["Save", "Save"]
    assert left(page.format('<input type="submit" value="Save"><a title="Save" href="/">x</a>')) == ["Save"] * 3
    assert left(page.format("<p>3 entries waiting</p><p>Ewa (XK)</p>")) == ["Save", "3 entries waiting"]
    # user content in another language, scripts, the database's names: not the interface
    assert left(page.format('<p lang="en">Save <b>now</b></p><script>Save</script><p>Save</p>'), {"Save"}) == []
    assert left(page.format('<div lang="pl"><p lang="en"><b>Save</b></p><p>Save</p></div>')) == ["Save", "Save"]
    assert page_text(page.format("")).html_lang == "pl"


# --- the demo's translations ------------------------------------------------------------------------------------


def _versions(text):
    return {code: text.source(code) for code in text.languages}


def test_the_armenian_and_azerbaijani_networks_and_projects_have_their_national_language(demo):
    """The seeds give PEP and VET for the Future in English: every network and project text has an Armenian or an
    Azerbaijani translation, a person's (source "human"), the English staying the original."""
    for slug, code in (("pep", "hy"), ("vet-for-the-future", "az")):
        network = Network.objects.get(slug=slug)
        with scope(network=network):
            project = Project.objects.get(network=network)
            texts = {
                "description": network.description,
                "title": project.title,
                "summary": project.summary,
                **{f"objective {o.position}": o.text for o in NetworkObjective.objects.filter(network=network)},
                **{f"project objective {o.pk}": o.text for o in project.objectives.all()},
                **{f"component {c.position}": c.title for c in Component.objects.filter(project=project)},
                **{f"activity {a.code}": a.title for a in Activity.objects.filter(project=project)},
                **{f"result {r.pk}": r.title for r in Result.objects.filter(project=project)},
                **{f"indicator {i.pk}": i.name for i in Indicator.objects.filter(result__project=project)},
            }
            if slug == "pep":
                texts["founding statement"] = network.founding_statement
        assert len(texts) > 5, slug
        for name, text in texts.items():
            assert _versions(text) == {"en": "original", code: "human"}, (slug, name)
            assert text.original_language == "en" and text.text(code) != text.original, (slug, name)
            assert any(c.isalpha() and not c.isascii() for c in text.text(code)), (slug, name)  # Armenian, az letters
    pep = Network.objects.get(slug="pep")
    assert pep.description.text("hy").startswith("«Partnership for Education Promotion» քաղաքացիական")
    with scopes_disabled():
        vet = Project.objects.get(slug="vet-for-the-future")
    assert (
        vet.title.text("az")
        == "Gələcək üçün peşə təhsili: Azərbaycanda peşə təhsili müəssisələrinin mükəmməlliyinin inkişafı"
    )


def test_the_polish_agreement_and_news_post_have_an_english_translation(demo):
    network = Network.objects.get(slug="podkarpackie")
    with scope(network=network):
        agreement = PartnershipAgreement.objects.get(network=network)
        post = NewsPost.objects.get(network=network)
        texts = {"agreement title": agreement.title, "purpose": agreement.purpose, "framework": agreement.framework,
                 "post title": post.title, "post body": post.body}  # fmt: skip
        texts.update({f"area {a.number}": a.text for a in agreement.areas.all()})
    assert len(texts) == 12
    for name, text in texts.items():
        assert _versions(text) == {"pl": "original", "en": "human"}, name
    assert post.title.text("en") == "Podkarpackie strategic partnership for lifelong learning established"
    assert "“Conducting mediation in education”" in post.body.text("en")
    assert post.body.text("en").endswith("Podkarpackie Education Superintendent\nMałgorzata Rauch")
    # The network's own texts stay Polish only: the news item gives no English for them.
    assert network.description.languages == ["pl"]


def test_the_translations_are_shown_marked_after_the_original(demo, client):
    """In English the Polish post shows its original, then the English marked as a translation; in Armenian the
    PEP network page shows the English original, then the Armenian, and the Slovenian project both its texts."""
    network = Network.objects.get(slug="podkarpackie")
    with scopes_disabled():
        post = NewsPost.objects.get(network=network)
    url = reverse("network:news_post", kwargs={"network_slug": network.slug, "post_id": post.pk})
    content = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    original = content.index('<div class="news-body" lang="pl"><p>Upowszechnianie i wdrażanie')
    marked = content.index('<h2 class="h3">In English</h2>')
    translation = content.index('<div class="news-body translation" lang="en"><p>Disseminating and implementing')
    assert original < marked < translation

    content = client.get(reverse("network:detail", kwargs={"network_slug": "pep"}), HTTP_ACCEPT_LANGUAGE="hy")
    content = content.content.decode()
    assert '<html lang="hy">' in content
    from django.utils import translation

    with translation.override("hy"):
        in_armenian = translation.gettext("In %(language)s") % {"language": get_language_info("hy")["name_local"]}
    original = content.index('lang="en">The Coalition of “Partnership for Education Promotion”')
    marked = content.index(f'<p class="muted text-language">{in_armenian}</p>')
    translation = content.index('translation" lang="hy">«Partnership for Education Promotion» քաղաքացիական')
    assert original < marked < translation

    slovenian = reverse(
        "projects:detail", kwargs={"network_slug": "karierna-vzgoja", "project_slug": "model-sodelovanja"}
    )
    content = client.get(slovenian, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    content = content[content.index("<main") :]
    assert content.index('lang="sl">Model sodelovanja med šolami in NVO') < content.index(
        'translation" lang="en">Cooperation model between schools and CSOs'
    )
    assert "Projekt se osredotoča" in content and "The project focuses on" in content


# --- reading a text in a language it lacks --------------------------------------------------------------------


def test_a_text_read_in_a_language_it_lacks_is_shown_in_its_original_marked_with_its_other_languages(demo, client):
    """The Polish agreement (Polish and English, no Armenian) read in Armenian: the page speaks Armenian, the
    agreement's texts are the Polish originals marked as such, with links to read them in Polish or English. The
    network's description, Polish only, is marked the same, with no other language to link."""
    network = Network.objects.get(slug="podkarpackie")
    with scopes_disabled():
        agreement = PartnershipAgreement.objects.get(network=network)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "hy"
    url = reverse("network:agreement", kwargs={"network_slug": network.slug, "agreement_id": agreement.pk})
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="hy")
    content = response.content.decode()
    assert page_text(content).html_lang == "hy"
    from django.utils import translation

    with translation.override("hy"):
        mark = translation.gettext("Shown in the original language (%(language)s).") % {
            "language": translation.gettext("Polish")
        }
        read_in = translation.gettext("Read in:")
    assert f'<span class="lang-note">{html.escape(mark)}</span>' in content
    links = re.search(r'<span class="lang-switch">' + re.escape(html.escape(read_in)) + r" (.*?)</span>", content)
    assert links, content
    assert re.findall(r'<a href="\?lang=(\w+)" hreflang="\1" lang="\1"', links.group(1)) == ["pl", "en"]
    assert 'lang="pl">Umowa partnerska – Podkarpackie' in content
    assert "Partnership agreement – Podkarpackie" not in content  # the English is a link away, not shown

    response = client.get(url + "?lang=en", HTTP_ACCEPT_LANGUAGE="hy")
    content = response.content.decode()
    assert page_text(content).html_lang == "hy"
    assert "Partnership agreement – Podkarpackie" in content
    assert html.escape(mark) not in content

    content = client.get(reverse("network:detail", kwargs={"network_slug": network.slug}), HTTP_ACCEPT_LANGUAGE="hy")
    content = content.content.decode()
    assert page_text(content).html_lang == "hy"
    assert f'<span class="lang-note">{html.escape(mark)}</span>' in content
    assert 'class="lang-switch"' not in content
