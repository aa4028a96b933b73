#!/usr/bin/env python
"""Interface strings not marked for translation: in templates (parsed) and in Python (read as syntax).

    .venv/bin/python scripts/unmarked_strings.py        # lists them; exits 1 when there is any

Templates: each file under templates/ is cut into Django's tokens; what `{% translate %}` and
`{% blocktranslate %}` produce counts as marked, what a variable or another tag produces as data, and the
literal text left is parsed as HTML: a text node, or a user-visible attribute (title, alt, placeholder,
aria-label, label, a button's value), holding a word is unmarked. Plain-text templates (e-mails) are read
line by line the same way. Proper names and codes (ALLOWED) may stand as they are.

Python: a string literal given straight to something a user reads is unmarked: a `label`, `help_text`,
`verbose_name`, `empty_label`, `message`, `title` keyword; the first argument of ValidationError,
PermissionDenied, Http404 or messages.success/info/warning/error; a (value, "Label") pair in `choices`.
Each must be wrapped in gettext / gettext_lazy (or be a name the user does not read).

tests/portal/test_catalogs.py runs both; `scripts/translations.py check` too.
"""

import ast
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
PY_DIRS = ("portal", "members", "network", "projects", "advocacy", "reports", "config")
SKIPPED_PY = ("config/demo",)  # the demo's content: texts its people wrote, not the interface's
# Templates no user reads: the components' reference page, for whoever builds pages (portal.rules
# can_see_styleguide), shows each component with sample content.
SKIPPED_TEMPLATES = {"styleguide.html"}
# Names and codes that read the same in every language.
ALLOWED = {
    "Partnera", "IATI", "CSV", "XLSX", "PDF", "ZIP", "API", "EUR", "SVG", "URL", "HTML", "JSON", "ISO",
    "OpenAPI", "Erasmus+", "Bearer", "ID", "Facebook", "LinkedIn",
}  # fmt: skip
DYNAMIC, MARKED = "\ue000", "\ue001"  # what a variable or tag gives; what a translation tag gives
WORD = re.compile(r"[^\W\d_]{2,}")
VISIBLE_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription", "label"}
USER_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label", "message", "title"}
# Http404's and PermissionDenied's messages reach no page (templates/404.html and 403.html say their own).
USER_CALLS = {"ValidationError"}
MESSAGE_CALLS = {"success", "info", "warning", "error"}  # django.contrib.messages: (request, message)
SKIPPED_BLOCKS = {"main_class"}  # {% block main_class %}: a CSS class, not words


def _words(text):
    """The words of `text` that need a translation (what is left once names and codes are taken out)."""
    text = text.replace(DYNAMIC, " ").replace(MARKED, " ")
    return [word for word in WORD.findall(text) if word not in ALLOWED and not word.isupper()]


# A quoted literal given to a tag or filter where it becomes words on the page: `{% card title="…" %}`,
# `{% include "x.html" with label="…" %}`, `{{ value|default:"…" }}` (a translation is `_("…")`).
SHOWN_ARGUMENT = re.compile(
    r"(?:(?<![\w(])(?:title|label|text|heading|message|help|caption|lead|empty|summary|description|hint|legend"
    r"|button|action_label)=|\|default:)(\"[^\"]*\"|'[^']*')"
)


def literal_arguments(contents):
    """The quoted literals of a tag's or variable's `contents` that a reader would see."""
    return [match[1:-1] for match in SHOWN_ARGUMENT.findall(contents) if _words(match[1:-1])]


def skeleton(source):
    """`source` with every Django tag and variable replaced: translations by MARKED, the rest by DYNAMIC,
    comments removed. Newlines are kept so line numbers still point at the template's lines."""
    from django.template.base import Lexer, TokenType

    out, skipping = [], None
    for token in Lexer(source).tokenize():
        kind, contents = token.token_type, token.contents
        name = contents.split(None, 1)[0] if contents and kind == TokenType.BLOCK else ""
        lines = "\n" * (token.contents.count("\n"))
        if skipping:
            if kind == TokenType.BLOCK and name == skipping:
                skipping = None
                out.append(MARKED if name != "endcomment" else "")
            out.append(lines if kind != TokenType.TEXT else "\n" * contents.count("\n"))
            continue
        if kind in (TokenType.VAR, TokenType.BLOCK):
            # A literal shown as words goes in as text, so the checks below find it.
            out.extend(f" {literal} " for literal in literal_arguments(contents))
        if kind == TokenType.TEXT:
            out.append(contents)
        elif kind == TokenType.VAR:
            out.append(DYNAMIC + lines)
        elif kind == TokenType.COMMENT:
            out.append(lines)
        elif name in ("translate", "trans"):
            out.append(("" if " as " in contents else MARKED) + lines)
        elif name in ("blocktranslate", "blocktrans"):
            skipping = "end" + name
            out.append(lines)
        elif name == "comment":
            skipping = "endcomment"
        elif name == "block" and contents.split()[1:2] and contents.split()[1] in SKIPPED_BLOCKS:
            skipping = "endblock"
        elif name == "verbatim":
            skipping = "endverbatim"
        else:
            out.append(DYNAMIC + lines)
    return "".join(out)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self._quiet = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._quiet += 1
        attributes = dict(attrs)
        for name, value in attrs:
            shown = name in VISIBLE_ATTRIBUTES or (
                name == "value" and tag == "input" and attributes.get("type") in ("submit", "button", "reset")
            )  # fmt: skip
            if shown and value and _words(value):
                self.found.append((self.getpos()[0], f'{name}="{_shown(value)}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._quiet:
            self._quiet -= 1

    def handle_data(self, data):
        if not self._quiet and _words(data):
            self.found.append((self.getpos()[0], _shown(data)))


def _shown(text):
    return " ".join(text.replace(DYNAMIC, "…").replace(MARKED, "…").split())


def template_problems(path):
    text = skeleton(path.read_text(encoding="utf-8"))
    if path.suffix == ".txt":
        return [(number, _shown(line)) for number, line in enumerate(text.splitlines(), 1) if _words(line)]
    page = _Page()
    page.feed(text)
    page.close()
    return page.found


def unmarked_in_templates():
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in (".html", ".txt") or str(path.relative_to(TEMPLATES)) in SKIPPED_TEMPLATES:
            continue
        found.extend(f"{path.relative_to(ROOT)}:{line}: {text}" for line, text in template_problems(path))
    return found


def _literal(node):
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and _words(node.value)


def _call_name(node):
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def python_problems(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in USER_KEYWORDS and _literal(keyword.value):
                    found.append((keyword.value.lineno, f"{keyword.arg}={keyword.value.value!r}"))
                if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                    for pair in keyword.value.elts:
                        if isinstance(pair, ast.Tuple) and len(pair.elts) == 2 and _literal(pair.elts[1]):
                            found.append((pair.lineno, f"choice {pair.elts[1].value!r}"))
            if _call_name(node) in USER_CALLS and node.args and _literal(node.args[0]):
                found.append((node.lineno, f"{_call_name(node)}({node.args[0].value!r})"))
            if _call_name(node) in MESSAGE_CALLS and len(node.args) > 1:
                if _literal(node.args[1]):
                    found.append((node.lineno, f"{_call_name(node)}(…, {node.args[1].value!r})"))
    return found


def unmarked_in_python():
    found = []
    for folder in PY_DIRS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "migrations" in path.parts or str(path.relative_to(ROOT)).startswith(SKIPPED_PY):
                continue
            found.extend(f"{path.relative_to(ROOT)}:{line}: {text}" for line, text in python_problems(path))
    return found


def main():
    import os

    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    django.setup()
    found = unmarked_in_templates() + unmarked_in_python()
    print("\n".join(found) if found else "every interface string is marked for translation")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
