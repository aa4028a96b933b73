"""reader_language runs for every text on a page (hundreds on a logframe): without `?lang=` it must not build
the set of every language code Django knows."""

from unittest import mock

from django.test import RequestFactory
from django.utils import translation

from portal import texts


def test_without_lang_the_codes_are_not_built():
    request = RequestFactory().get("/")
    with translation.override("fr"), mock.patch.object(texts, "language_codes", wraps=texts.language_codes) as built:
        assert texts.reader_language(request) == "fr"
    assert built.call_count == 0


def test_lang_still_picks_a_known_language_and_ignores_others():
    factory = RequestFactory()
    with translation.override("en"):
        assert texts.reader_language(factory.get("/", {"lang": "pl"})) == "pl"
        assert texts.reader_language(factory.get("/", {"lang": "xx-nope"})) == "en"
        assert texts.reader_language(factory.get("/", {"lang": ""})) == "en"
