"""Month names as each language writes them in dates (CLDR's, through Babel), not as Django's catalogs do.

Django's `date` filter takes month names from its catalogs: `F` from MONTHS (gettext "December"), `E`
from MONTHS_ALT (pgettext "alt. month", the form a full date uses: Polish "grudnia", Armenian
"դեկտեմբերի"). Django's Armenian, Albanian and Azerbaijani catalogs capitalise them ("2 Dekabr 2026")
and its Polish one the standalone month ("Grudzień 2026") where CLDR writes "2 dekabr 2026" and
"grudzień 2026". The names below are Django's own msgids, repeated here so that `makemessages` carries
them into the portal's catalogs, which Django reads before its own; `scripts/translations.py months`
fills each language's from Babel (format and stand-alone wide names), and tests/portal/test_formats.py
checks that they are Babel's.
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

ENGLISH = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ALT_CONTEXT = "alt. month"

# Never read: they exist for extraction (the literal strings are what makemessages looks for).
_STANDALONE = (
    gettext_lazy("January"), gettext_lazy("February"), gettext_lazy("March"), gettext_lazy("April"),
    gettext_lazy("May"), gettext_lazy("June"), gettext_lazy("July"), gettext_lazy("August"),
    gettext_lazy("September"), gettext_lazy("October"), gettext_lazy("November"), gettext_lazy("December"),
)  # fmt: skip
_IN_A_DATE = (
    pgettext_lazy("alt. month", "January"), pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"), pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"), pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"), pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"), pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"), pgettext_lazy("alt. month", "December"),
)  # fmt: skip


def cldr_names(language):
    """{(context, English name): the language's name} from Babel: stand-alone for `F`, format for `E`."""
    from babel.dates import get_month_names

    standalone = get_month_names("wide", context="stand-alone", locale=language)
    in_a_date = get_month_names("wide", context="format", locale=language)
    names = {}
    for number, english in enumerate(ENGLISH, 1):
        names[(None, english)] = standalone[number]
        names[(ALT_CONTEXT, english)] = in_a_date[number]
    return names
