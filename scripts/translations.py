#!/usr/bin/env python
"""The interface's translations: what is left to translate, putting translations in, checking, compiling.

    .venv/bin/python manage.py makemessages --all       # refresh locale/*/django.po from the code
    .venv/bin/python scripts/translations.py todo pl    # the Polish entries still untranslated, as JSON
    .venv/bin/python scripts/translations.py apply pl FILE.json   # put translations in (checked first)
    .venv/bin/python scripts/translations.py check      # every catalog complete, no fuzzy entry, .mo fresh
    .venv/bin/python scripts/translations.py compile    # write the .mo files Django reads
    .venv/bin/python scripts/translations.py glossary   # docs/glossary.md from locale/<code>/glossary.tsv
    .venv/bin/python scripts/translations.py months     # month names in dates from Babel (CLDR)

`todo` prints a list of {"id", "plural", "context", "files"}; `apply` reads the same list with
"str" (a string, or for a plural entry a list of as many forms as the language has) and refuses the
whole file when a translation loses or invents a placeholder (%(name)s, %s) or an HTML tag, or has the
wrong number of plural forms; nothing is written then. English (locale/en) is the source language:
`apply`/`compile` fill its entries with the English text itself, so it is complete by construction.

The compiled .mo files are committed (a clone runs translated with no build step); `check` fails when
one is older than its .po. Catalogs are read and written with Babel (a runtime dependency already).
"""

import io
import json
import re
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
SOURCE = "en"
PLACEHOLDER = re.compile(r"%(?:\([A-Za-z0-9_]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]|%%")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
# Each language's own header lines (the plural rule as Django's own catalog for that language has it).
HEADERS = {
    "en": ("English", "nplurals=2; plural=(n != 1);"),
    "hy": ("Armenian", "nplurals=2; plural=(n != 1);"),
    "sl": ("Slovenian", "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);"),
    "pl": (
        "Polish",
        "nplurals=4; plural=(n==1 ? 0 : (n%10>=2 && n%10<=4) && (n%100<12 || n%100>14) ? 1 : n!=1 && "
        "(n%10>=0 && n%10<=1) || (n%10>=5 && n%10<=9) || (n%100>=12 && n%100<=14) ? 2 : 3);",
    ),
    "sq": ("Albanian", "nplurals=2; plural=(n != 1);"),
    "az": ("Azerbaijani", "nplurals=2; plural=(n != 1);"),
}


# allauth's own catalogs lack Armenian and Albanian: locale/allauth/<code> holds the strings of allauth's
# Python code the portal shows (its forms' and adapter's messages; every allauth page has a template of
# ours). Django reads it after locale/<code> (settings.LOCALE_PATHS), before allauth's own catalogs.
ALLAUTH_GAPS = ("hy", "sq")
CATALOGS = (*HEADERS, *(f"allauth/{code}" for code in ALLAUTH_GAPS))


def po_path(catalog):
    return LOCALE / catalog / "LC_MESSAGES" / "django.po"


def language_of(catalog):
    return catalog.rsplit("/", 1)[-1]


def read(code):
    with po_path(code).open("rb") as handle:
        return read_po(handle, locale=language_of(code), domain="django")


def write(code, catalog):
    name, plural = HEADERS[language_of(code)]
    catalog.project, catalog.version = "Partnera", ""
    catalog.language_team = f"{name} <{code}@li.org>"
    catalog.last_translator = "Partnera"
    catalog.locale = language_of(code)
    catalog._num_plurals = plural_count(code)
    catalog._plural_expr = plural.split("plural=")[1].rstrip(";")
    catalog.fuzzy = False
    catalog.header_comment = (
        f"# Partnera's interface in {name}.\n# Refreshed by manage.py makemessages; see scripts/translations.py."
    )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, include_previous=False)
    po_path(code).write_bytes(buffer.getvalue())


def plural_count(code):
    return int(HEADERS[language_of(code)][1].split(";")[0].split("=")[1])


def _entries(catalog):
    return [message for message in catalog if message.id]


def _translated(message):
    if isinstance(message.id, tuple):
        return all(message.string) if isinstance(message.string, tuple | list) else False
    return bool(message.string)


def todo(code):
    catalog = read(code)
    rows = []
    for message in _entries(catalog):
        if _translated(message) and "fuzzy" not in message.flags:
            continue
        plural = isinstance(message.id, tuple)
        rows.append(
            {
                "id": message.id[0] if plural else message.id,
                "plural": message.id[1] if plural else None,
                "context": message.context,
                "files": sorted({location for location, _line in message.locations}),
            }
        )
    return rows


def _signature(text):
    return sorted(PLACEHOLDER.findall(text)), sorted(tag.lower() for tag in TAG.findall(text))


def problems(code, message, translation):
    """What is wrong with `translation` for `message` (a list of strings; empty when it is fine)."""
    found = []
    forms = translation if isinstance(translation, list) else [translation]
    if isinstance(message.id, tuple):
        if len(forms) != plural_count(code):
            found.append(f"{len(forms)} plural forms, {code} has {plural_count(code)}")
        sources = [message.id[0], message.id[1]]
    else:
        if isinstance(translation, list):
            found.append("a list for an entry that has no plural")
        sources = [message.id]
    for form in forms:
        if not isinstance(form, str) or not form.strip():
            found.append("an empty translation")
            continue
        # A plural's singular may leave out the count ("One project" for "%(counter)s project"), the
        # plural form keeps every placeholder; tags must match whichever English form they translate.
        wanted = [_signature(source) for source in sources]
        placeholders, tags = _signature(form)
        if not any(placeholders == w[0] or set(placeholders) <= set(w[0]) and isinstance(message.id, tuple)
                   for w in wanted):  # fmt: skip
            found.append(f"placeholders {placeholders} where the English has {wanted[-1][0]}")
        if not any(tags == w[1] for w in wanted):
            found.append(f"tags {tags} where the English has {wanted[-1][1]}")
    return found


def apply(code, path):
    catalog = read(code)
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    errors = []
    changes = []
    for row in rows:
        key = (row["id"], row.get("plural")) if row.get("plural") else row["id"]
        message = catalog.get(key if not isinstance(key, tuple) else key[0], context=row.get("context"))
        if message is None:
            errors.append(f"not in the catalog: {row['id']!r}")
            continue
        wrong = problems(code, message, row["str"])
        if wrong:
            errors.append(f"{row['id']!r}: {'; '.join(wrong)}")
            continue
        changes.append((message, row["str"]))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"nothing written: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    for message, translation in changes:
        message.string = tuple(translation) if isinstance(message.id, tuple) else translation
        message.flags.discard("fuzzy")
    write(code, catalog)
    print(f"{code}: {len(changes)} translations written, {len(todo(code))} left")
    return 0


def fill_source():
    """English: every entry translated as itself (it is the language the code is written in)."""
    catalog = read(SOURCE)
    for message in _entries(catalog):
        message.string = tuple(message.id) if isinstance(message.id, tuple) else message.id
        message.flags.discard("fuzzy")
    write(SOURCE, catalog)


def mo_bytes(code):
    buffer = io.BytesIO()
    write_mo(buffer, read(code), use_fuzzy=False)
    return buffer.getvalue()


def compile_all():
    fill_source()
    for code in CATALOGS:
        write(code, read(code))  # the header as HEADERS says
        (po_path(code).with_suffix(".mo")).write_bytes(mo_bytes(code))
    print(f"compiled {len(CATALOGS)} catalogs")


def catalog_problems():
    """Every language's catalog: present, complete, no fuzzy entry, each translation well-formed, .mo
    compiled from the .po as it is now."""
    found = []
    for code in CATALOGS:
        if not po_path(code).exists():
            found.append(f"{code}: no catalog at {po_path(code).relative_to(ROOT)}")
            continue
        catalog = read(code)
        for message in _entries(catalog):
            label = message.id[0] if isinstance(message.id, tuple) else message.id
            if "fuzzy" in message.flags:
                found.append(f"{code}: fuzzy: {label!r}")
            elif not _translated(message):
                found.append(f"{code}: untranslated: {label!r}")
            else:
                string = list(message.string) if isinstance(message.id, tuple) else message.string
                found.extend(f"{code}: {label!r}: {problem}" for problem in problems(code, message, string))
        mo = po_path(code).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != mo_bytes(code):
            found.append(f"{code}: {mo.relative_to(ROOT)} is not compiled from the .po as it is (run compile)")
    return found


GLOSSARY_DOC = ROOT / "docs" / "glossary.md"
TRANSLATED = ("hy", "sl", "pl", "sq", "az")


def glossary():
    """{term: {code: word}} from locale/<code>/glossary.tsv (term, translation, note; tab-separated)."""
    terms = {}
    for code in TRANSLATED:
        lines = (LOCALE / code / "glossary.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for line in filter(None, lines):
            term, word, *_note = line.split("\t")
            terms.setdefault(term.strip(), {})[code] = word.strip()
    return terms


def glossary_markdown():
    names = {code: HEADERS[code][0] for code in TRANSLATED}
    rows = [
        "# Glossary",
        "",
        "The portal's own words in each interface language, as the catalogs use them. Made by",
        "`scripts/translations.py glossary` from `locale/<code>/glossary.tsv`, where each word has its",
        "note (gender, plural, when a variant is used); change those files, then run it again.",
        "",
        "| English | " + " | ".join(f"{names[code]} ({code})" for code in TRANSLATED) + " |",
        "|---|" + "---|" * len(TRANSLATED),
    ]
    for term, words in glossary().items():
        cells = [words.get(code, "").replace("|", "\\|") for code in TRANSLATED]
        rows.append(f"| {term} | " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def fill_months():
    """Each language's month names from Babel (portal/formats/months.py says why), over what was there."""
    sys.path.insert(0, str(ROOT))
    from portal.formats.months import cldr_names

    for code in TRANSLATED:
        catalog = read(code)
        for (context, english), name in cldr_names(code).items():
            message = catalog.get(english, context=context)
            if message is None:
                raise SystemExit(f"{code}: {english!r} ({context}) is not in the catalog: run makemessages first")
            message.string = name
            message.flags.discard("fuzzy")
        write(code, catalog)
    print(f"month names from Babel written for {', '.join(TRANSLATED)}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "todo":
        print(json.dumps(todo(argv[1]), ensure_ascii=False, indent=1))
        return 0
    if len(argv) == 3 and argv[0] == "apply":
        return apply(argv[1], argv[2])
    if argv == ["compile"]:
        compile_all()
        return 0
    if argv == ["months"]:
        fill_months()
        return 0
    if argv == ["glossary"]:
        GLOSSARY_DOC.write_text(glossary_markdown(), encoding="utf-8")
        print(f"wrote {GLOSSARY_DOC.relative_to(ROOT)}")
        return 0
    if argv == ["check"]:
        found = catalog_problems()
        print("\n".join(found[:200]) if found else "every catalog is complete")
        if len(found) > 200:
            print(f"... and {len(found) - 200} more")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
