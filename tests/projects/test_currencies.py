"""projects.currencies: ISO 4217 codes from Babel, names in the reader's language."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from projects.currencies import active_currency_codes, currency_choices, validate_currency
from tests.factories import ProjectFactory


def test_active_codes_are_todays_legal_tender_only():
    codes = active_currency_codes()
    assert {"EUR", "USD", "AMD", "AZN", "ALL", "PLN", "XCG"} <= codes
    # Fund codes, metals, test and "no currency" codes, and withdrawn currencies are not offered.
    assert not codes & {"BOV", "CLF", "USN", "XAU", "XDR", "XTS", "XXX", "HRK", "SLL", "ZWL"}


@pytest.mark.parametrize(
    ("language", "name"),
    [("en", "Euro"), ("pl", "euro"), ("sl", "evro"), ("hy", "եվրո"), ("xx", "Euro")],
)
def test_currency_names_are_in_the_readers_language(language, name):
    with translation.override(language):
        assert dict(currency_choices())["EUR"] == name


def test_choices_are_in_code_order():
    codes = [code for code, _name in currency_choices()]
    assert codes == sorted(codes) and len(codes) == len(active_currency_codes())


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["eur", "€", "ABC", "XAU", "HRK"])
def test_a_code_that_is_not_active_tender_is_refused(code):
    with pytest.raises(ValidationError, match="is not an ISO 4217 currency code"):
        validate_currency(code)


@pytest.mark.django_db
def test_a_withdrawn_code_already_in_the_data_stays_valid():
    """A project budgeted in kuna before Croatia took the euro can still be saved."""
    ProjectFactory(budget_currency="HRK", start_date=datetime.date(2019, 1, 1), end_date=datetime.date(2021, 1, 1))
    ProjectFactory(budget_currency="ABC")  # bad data written around the validator
    assert validate_currency("HRK") is None
    with pytest.raises(ValidationError):
        validate_currency("ABC")  # data never makes a non-ISO code valid
