"""The translation completeness check (advocacy/completeness.py): which texts of an output miss a language,
with the links to edit them, on the form that records a submission to an institution (a warning: the form
still records it) and in a fixed number of queries whatever the number of recommendations."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from advocacy import completeness
from advocacy.models import Submission
from advocacy.services.recommendations import recommendation_add
from tests.advocacy.conftest import make_output
from tests.clients import sign_in
from tests.pages import page_queries, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def bilingual(network):
    network.languages = ["sl", "en"]
    network.save(update_fields=["languages"])
    return network


def output_with(network, people, recommendations):
    output = make_output(network, people, status="published", visibility="public", language="sl",
                         title={"sl": "Predlogi", "en": "Proposals"}, summary="Povzetek mreže.")  # fmt: skip
    with scope(network=network):
        for text_, rationale in recommendations:
            recommendation_add(output=output, acting_user=people.coordinator,
                               data={"text": text_, "rationale": rationale})  # fmt: skip
    return output


TRANSLATED = ({"sl": "Uvesti svetovanje.", "en": "Introduce guidance."}, {"sl": "Ker.", "en": "Because."})


def test_it_lists_the_texts_missing_in_a_language_with_their_edit_links(bilingual, people):
    output = output_with(bilingual, people, [TRANSLATED, ({"sl": "Okrepiti sodelovanje."}, "")])
    with scope(network=bilingual):
        check = completeness.output_check(output)
        second = output.recommendations.get(position=2)
    assert check.languages == ("sl", "en") and check.languages_label == "Slovenian, English"
    assert [(item.label, item.missing, item.only_original) for item in check.missing] == [
        ("Summary", ("en",), True),
        ("Recommendation 2", ("en",), True),
    ]  # the title and recommendation 1 are in both; an empty body and rationale miss nothing
    assert check.missing[0].excerpt == "Povzetek mreže." and check.missing[0].original_name == "Slovenian"
    assert check.missing[1].edit_url == reverse(
        "advocacy:recommendation_edit",
        kwargs={"network_slug": bilingual.slug, "output_id": output.pk, "recommendation_id": second.pk},
    )
    assert check.missing[0].edit_url.endswith(f"/advocacy/{output.pk}/edit/")


def test_the_languages_checked_are_the_outputs_the_networks_and_those_its_texts_have(network, people):
    """A network working in one language: a text translated into Armenian makes Armenian one to check."""
    output = output_with(network, people, [({"sl": "Uvesti svetovanje.", "hy": "Ներդնել"}, "")])
    with scope(network=network):
        check = completeness.output_check(output)
        assert completeness.output_check(output, ["sl"]).missing == []  # every text has its original
    assert set(check.languages) == {"sl", "en", "hy"}
    labels = {item.label: item.missing for item in check.missing}
    assert labels["Title"] == ("hy",) and labels["Recommendation 1"] == ("en",)


def _check_queries(output):
    with scope(network=output.network), CaptureQueriesContext(connection) as queries:
        completeness.output_check(output)
    return len(queries)


def test_the_check_reads_a_fixed_number_of_queries(bilingual, people, django_assert_max_num_queries):
    small = output_with(bilingual, people, [TRANSLATED])
    large = output_with(bilingual, people, [({"sl": f"Predlog {n}."}, f"Ker {n}.") for n in range(25)])
    assert _check_queries(small) == _check_queries(large)
    with scope(network=bilingual), django_assert_max_num_queries(1):
        assert len(completeness.output_check(large).missing) == 25 * 2 + 1


def test_the_submission_form_warns_and_still_records(client, bilingual, people):
    output = output_with(bilingual, people, [TRANSLATED, ({"sl": "Okrepiti sodelovanje."}, "")])
    url = reverse("advocacy:submission_add", kwargs={"network_slug": bilingual.slug, "output_id": output.pk})
    sign_in(client, people.coordinator)
    page = text(client.get(url))
    assert 'id="translation-check"' in page and "Okrepiti sodelovanje." in page and "Povzetek mreže." in page
    assert "Uvesti svetovanje." not in page
    with scopes_disabled():
        second = output.recommendations.get(position=2)
    assert f'/recommendations/{second.pk}/"' in page
    response = client.post(url, {"institution": people.ministry.pk, "submitted_on": "2026-03-10", "channel": "letter"})
    assert response.status_code == 302  # a warning, never a refusal
    with scopes_disabled():
        assert Submission.objects.filter(output=output, submitted_on=datetime.date(2026, 3, 10)).exists()


def test_the_submission_form_says_nothing_when_every_text_is_translated(client, bilingual, people):
    output = make_output(bilingual, people, status="published", visibility="public", language="sl",
                         title={"sl": "Predlogi", "en": "Proposals"})  # fmt: skip
    sign_in(client, people.coordinator)
    url = reverse("advocacy:submission_add", kwargs={"network_slug": bilingual.slug, "output_id": output.pk})
    assert 'id="translation-check"' not in text(client.get(url))


def test_the_submission_page_queries_do_not_grow_with_the_recommendations(client, bilingual, people):
    small = output_with(bilingual, people, [TRANSLATED])
    large = output_with(bilingual, people, [({"sl": f"Predlog {n}."}, "") for n in range(20)])
    sign_in(client, people.coordinator)

    def url(output):
        return reverse("advocacy:submission_add", kwargs={"network_slug": bilingual.slug, "output_id": output.pk})

    page_queries(client, url(small))  # warm what a first request reads once
    assert page_queries(client, url(small))[0] == page_queries(client, url(large))[0]
