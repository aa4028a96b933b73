"""The advocacy pages as each person sees them: the permission table at page level (who gets the page,
who is sent to log in, who gets 404), a removed address refusing on the very next request, the pages
of a private network open to an addressed ministry through the output's door only, and what the pages
show (numbered recommendations, the timeline, versions, the ledger's overdue rows and medians)."""

import datetime

import pytest
from django.urls import reverse
from django_scopes import scope

from advocacy.services.comments import comment_add
from advocacy.services.institutions import output_address, output_unaddress
from advocacy.services.outputs import output_publish, output_update
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record
from network.models import Network
from tests.advocacy.conftest import make_output
from tests.clients import sign_in
from tests.factories import org

pytestmark = pytest.mark.django_db

D = datetime.date
PEOPLE = ("coordinator", "member", "observer", "ministry_user", "other_ministry_user", "anonymous")
LOGIN = "login"  # a redirect to the login page


def _url(name, network, output=None, **kwargs):
    if name == "addressed":
        return reverse("advocacy:addressed")
    if output is not None:
        kwargs["output_id"] = output.pk
    return reverse(f"advocacy:{name}", kwargs={"network_slug": network.slug, **kwargs})


def _status(client, url):
    response = client.get(url)
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


def _as(client, people, name):
    client.logout()
    user = getattr(people, name)
    sign_in(client, None if name == "anonymous" else user)
    return client


# page → expected answer for (coordinator, member, observer, addressed ministry, other ministry, anonymous),
# about a published restricted output addressed to the ministry, in a public network.
TABLE = {
    "outputs": (200, 200, 200, 200, 200, 200),
    "output": (200, 200, 200, 200, 404, LOGIN),
    "output_version": (200, 200, 200, 200, 404, LOGIN),
    "output_edit": (200, 403, 403, 403, 404, LOGIN),
    "output_institutions": (200, 403, 403, 403, 404, LOGIN),
    "recommendation_add": (200, 403, 403, 403, 404, LOGIN),
    "submission_add": (200, 403, 403, 403, 404, LOGIN),
    "output_files": (200, 403, 403, 403, 404, LOGIN),
    "output_create": (200, 403, 403, 403, 403, LOGIN),
    "ledger": (200, 200, 200, 403, 403, LOGIN),
    "addressed": (200, 200, 200, 200, 200, LOGIN),
}


@pytest.fixture
def published(network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    return output


@pytest.mark.parametrize("page", list(TABLE))
def test_the_permission_table(client, network, people, published, page):
    kwargs = {"number": 1} if page == "output_version" else {}
    output = None if page in ("outputs", "output_create", "ledger", "addressed") else published
    url = _url(page, network, output, **kwargs)
    answers = tuple(_status(_as(client, people, name), url) for name in PEOPLE)
    assert answers == TABLE[page]


def test_the_list_and_the_addressed_page_show_the_output_only_to_who_may_read_it(client, network, people, published):
    for name, sees in zip(PEOPLE, (1, 1, 1, 1, 0, 0), strict=True):
        body = _as(client, people, name).get(_url("outputs", network)).content.decode()
        assert ("Recommendations for VET reform" in body) == bool(sees), name
    ministry = _as(client, people, "ministry_user").get(_url("addressed", network)).content.decode()
    assert "Recommendations for VET reform" in ministry
    other = _as(client, people, "other_ministry_user").get(_url("addressed", network)).content.decode()
    assert "Recommendations for VET reform" not in other


def test_a_removed_address_refuses_on_the_very_next_request(client, network, people, published):
    client = _as(client, people, "ministry_user")
    url = _url("output", network, published)
    assert client.get(url).status_code == 200
    assert "Recommendations for VET reform" in client.get(_url("addressed", network)).content.decode()
    with scope(network=network):
        output_unaddress(output=published, institution=people.ministry, acting_user=people.coordinator)
    assert client.get(url).status_code == 404
    assert client.get(_url("output_version", network, published, number=1)).status_code == 404
    assert "Recommendations for VET reform" not in client.get(_url("addressed", network)).content.decode()


def test_an_addressed_ministry_reads_the_output_of_a_private_network_and_nothing_else_of_it(client, network, people):
    Network.objects.filter(pk=network.pk).update(visibility=Network.Visibility.PRIVATE)
    network.refresh_from_db()
    output = make_output(network, people, visibility="restricted", status="published")
    client = _as(client, people, "ministry_user")
    page = client.get(_url("output", network, output))
    assert page.status_code == 200
    # the page names the network without linking to its pages, which would answer them 404
    network_page = reverse("network:detail", kwargs={"network_slug": network.slug})
    assert network.name in page.content.decode() and f'href="{network_page}"' not in page.content.decode()
    assert client.get(_url("output_version", network, output, number=1)).status_code == 200
    # the network's other pages stay closed to them, and so does the output to another ministry
    assert client.get(_url("outputs", network)).status_code == 404
    assert client.get(reverse("network:detail", kwargs={"network_slug": network.slug})).status_code == 404
    assert _as(client, people, "other_ministry_user").get(_url("output", network, output)).status_code == 404
    assert _as(client, people, "anonymous").get(_url("output", network, output)).status_code == 404
    # and the door is for reading: a POST to the output's page is the middleware's 404 as before
    assert _as(client, people, "ministry_user").post(_url("output", network, output)).status_code == 404


def test_the_output_page_shows_recommendations_timeline_comments_and_versions(client, network, people):
    output = make_output(network, people, visibility="restricted", status="in_review", body="<p>The <em>body</em></p>")
    with scope(network=network):
        recommendation_add(output=output, acting_user=people.coordinator,
                           data={"text": "Fund career guidance", "institution": people.ministry.pk})  # fmt: skip
        recommendation_add(output=output, acting_user=people.coordinator, data={"text": "Train teachers"})
        comment_add(output=output, acting_user=people.member, organisation=org(people.member), text="Well argued")
        output = output_publish(output=output, acting_user=people.coordinator)
        output_update(output=output, acting_user=people.coordinator, data={"title": "Recommendations, revised"})
        output = output_publish(output=output, acting_user=people.coordinator)
        first = output.recommendations.get(position=1)
        submission_record(output=output, acting_user=people.coordinator, data={
            "recommendation": first.pk, "institution": people.ministry.pk, "submitted_on": D(2026, 3, 2),
            "channel": "meeting", "outcome": "adopted", "responded_on": D(2026, 4, 1),
            "response_text": "Adopted in the new law",
        })  # fmt: skip
    body = _as(client, people, "ministry_user").get(_url("output", network, output)).content.decode()
    assert '<div class="rich-text"><p>The <em>body</em></p></div>' in body
    assert 'id="recommendation-1" value="1"' in body and "Fund career guidance" in body and "Train teachers" in body
    assert "Recommendation 1 submitted to Ministry of Education" in body
    assert "Adopted in the new law" in body and "Well argued" in body
    assert _url("output_version", network, output, number=1) in body
    old = _as(client, people, "ministry_user").get(_url("output_version", network, output, number=1)).content.decode()
    assert "<h2>Recommendations for VET reform</h2>" in old and "<h2>Recommendations, revised</h2>" not in old
    assert (
        _as(client, people, "ministry_user").get(_url("output_version", network, output, number=3)).status_code == 404
    )


def test_the_comment_form_is_offered_to_members_while_in_review(client, network, people):
    output = make_output(network, people, status="in_review")
    url = _url("output", network, output)
    assert 'name="text' in _as(client, people, "member").get(url).content.decode()
    assert 'name="text' not in _as(client, people, "observer").get(url).content.decode()
    with scope(network=network):
        output_publish(output=output, acting_user=people.coordinator)
    assert _url("output_comment", network, output) not in _as(client, people, "member").get(url).content.decode()


def test_the_ledger_marks_overdue_rows_in_words_and_gives_the_median(client, network, people):
    output = make_output(network, people, visibility="restricted", status="published")
    with scope(network=network):
        for submitted, responded in ((D(2026, 1, 1), D(2026, 1, 11)), (D(2026, 2, 1), D(2026, 2, 21))):
            submission_record(output=output, acting_user=people.coordinator, data={
                "institution": people.ministry.pk, "submitted_on": submitted, "responded_on": responded,
                "outcome": "acknowledged",
            })  # fmt: skip
        output_address(output=output, institution=people.other_ministry_user.affiliations.get().organisation,
                       acting_user=people.coordinator)  # fmt: skip
        submission_record(output=output, acting_user=people.coordinator, data={
            "institution": org(people.other_ministry_user).pk, "submitted_on": D(2025, 1, 1),
            "response_due": D(2025, 2, 1),
        })  # fmt: skip
    body = _as(client, people, "member").get(_url("ledger", network)).content.decode()
    assert 'class="overdue"' in body and ">Overdue</span>" in body
    assert 'data-label="Median days to respond">15</td>' in body  # the median of 10 and 20 days


def test_the_home_page_links_an_institution_to_its_documents(client, people):
    url = reverse("advocacy:addressed")
    assert url in _as(client, people, "ministry_user").get("/").content.decode()
    assert url not in _as(client, people, "member").get("/").content.decode()
