"""Stored XSS: hostile HTML in every text of an output (title, summary, body, a recommendation's text and
rationale, a comment, an institution's response) renders inert on every page that shows it: the output's
page, its earlier version, the list, the ledger, the "documents addressed to us" page and the forms.

Inert is read from the parsed page, not from the source: no element a payload made (script, style, svg,
iframe, object, embed), no event handler or style attribute anywhere, no javascript: address."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django_scopes import scope

from advocacy.models import AdvocacyOutput
from advocacy.services.comments import comment_add
from advocacy.services.outputs import output_publish, output_update
from advocacy.services.recommendations import recommendation_add
from advocacy.services.submissions import submission_record
from tests.advocacy.conftest import make_output
from tests.factories import org

pytestmark = pytest.mark.django_db

MARK = "XSS"
HOSTILE = (
    '<script>alert("XSS")</script><img src=x onerror=alert("XSS")>'
    '<a href="javascript:alert(\'XSS\')">XSS link</a><style>body{background:url("XSS")}</style>'
    '<svg onload=alert("XSS")><circle r="1"/></svg><iframe src="https://evil.example/XSS"></iframe>'
    '<p style="color:red" onclick="alert(\'XSS\')">XSS text</p><object data="XSS"></object>'
)
# A title holds 300 characters: the payloads that fit.
SHORT = '<script>alert("XSS")</script><img src=x onerror=alert(1)><svg onload=alert(1)><a href="javascript:x">XSS</a>'
ACTIVE_ELEMENTS = {"script", "style", "svg", "iframe", "object", "embed", "img", "math"}
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href"}


_PAGE_SCRIPT = re.compile(r"^/static/js/language(\.[0-9a-f]{12})?\.js$")


class _Inspector(HTMLParser):
    """What a browser would run or fetch from the page, for the parts a payload could have made."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self._open = [], []

    def handle_starttag(self, tag, attrs):
        self._open.append(tag)
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style" and MARK.lower() in value or name == "style" and tag in ("p", "a", "div", "span"):
                self.problems.append(f"<{tag} style=…>")
            if name in ADDRESS_ATTRIBUTES and (value.startswith("javascript:") or MARK.lower() in value):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and _PAGE_SCRIPT.match(dict(attrs).get("src") or ""):
            return  # the page's own language switch (base.html), on every page
        if tag in ACTIVE_ELEMENTS and tag != "img" or tag == "img" and dict(attrs).get("src") == "x":
            self.problems.append(f"<{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in self._open:
            self._open.remove(tag)

    def handle_data(self, data):
        if self._open and self._open[-1] in ("script", "style") and MARK in data:
            self.problems.append(f"{MARK} inside <{self._open[-1]}>")


def inert_problems(html):
    inspector = _Inspector()
    inspector.feed(html)
    return inspector.problems


def test_the_inspector_sees_each_payload_when_it_is_not_escaped():
    """The check itself: the raw payload is found out on every count (a test that cannot fail is none)."""
    problems = inert_problems(f"<html><body>{HOSTILE}</body></html>")
    for expected in ("<script>", "<img onerror=…>", "<a href=", "<style>", "<svg onload=…>", "<svg>", "<iframe>",
                     "<p style=…>", "<p onclick=…>", "<object>"):  # fmt: skip
        assert any(problem.startswith(expected) for problem in problems), (expected, problems)
    assert inert_problems("<p>&lt;script&gt;alert('XSS')&lt;/script&gt;</p>") == []


@pytest.fixture
def hostile(network, people):
    """A published restricted output with a hostile text in every field, addressed to the ministry, in the
    ledger, with a member's comment from its review and an earlier version."""
    output = make_output(
        network, people, visibility="restricted", status="in_review",
        title=f"Title {SHORT}", summary=f"Summary {HOSTILE}", body=f"<p>Body</p>{HOSTILE}",
    )  # fmt: skip
    with scope(network=network):
        recommendation = recommendation_add(output=output, acting_user=people.coordinator, data={
            "text": f"Recommendation {HOSTILE}", "rationale": f"Rationale {HOSTILE}", "institution": people.ministry.pk,
        })  # fmt: skip
        comment_add(
            output=output, acting_user=people.member, organisation=org(people.member), text=f"Comment {HOSTILE}"
        )
        output = output_publish(output=output, acting_user=people.coordinator)
        output = output_update(output=output, acting_user=people.coordinator, data={"body": f"<p>Body 2</p>{HOSTILE}"})
        output = output_publish(output=output, acting_user=people.coordinator)
        submission = submission_record(output=output, acting_user=people.coordinator, data={
            "recommendation": recommendation.pk, "institution": people.ministry.pk,
            "submitted_on": datetime.date(2026, 1, 5), "responded_on": datetime.date(2026, 2, 1),
            "outcome": "rejected", "response_text": f"Response {HOSTILE}",
        })  # fmt: skip
    return output, recommendation, submission


def _pages(network, output, recommendation, submission):
    n = {"network_slug": network.slug}
    o = {**n, "output_id": output.pk}
    return {
        "output page": (reverse("advocacy:output", kwargs=o), ("Title", "Summary", "Body 2", "Recommendation",
                                                               "Rationale", "Comment", "Response")),
        "version 1": (reverse("advocacy:output_version", kwargs={**o, "number": 1}),
                      ("Title", "Summary", "Body", "Recommendation", "Rationale")),
        "list": (reverse("advocacy:outputs", kwargs=n), ("Title", "Summary")),
        "ledger": (reverse("advocacy:ledger", kwargs=n), ("Title", "Recommendation")),
        "addressed": (reverse("advocacy:addressed"), ("Title", "Summary")),
        "edit": (reverse("advocacy:output_edit", kwargs=o), ("Title", "Summary", "Body 2")),
        "recommendation edit": (
            reverse("advocacy:recommendation_edit", kwargs={**o, "recommendation_id": recommendation.pk}),
            ("Recommendation", "Rationale"),
        ),
        "response": (reverse("advocacy:submission_respond", kwargs={**o, "submission_id": submission.pk}),
                     ("Response",)),
    }  # fmt: skip


def test_every_page_that_shows_a_hostile_text_renders_it_inert(client, network, people, hostile):
    output, recommendation, submission = hostile
    for name, (url, shown) in _pages(network, output, recommendation, submission).items():
        reader = people.ministry_user if name == "addressed" else people.coordinator
        client.force_login(reader)
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        for label in shown:  # the texts are there (their harmless parts), so the check is about them
            assert label in html, (name, label)
        assert inert_problems(html) == [], name


def test_the_ministry_and_a_member_get_the_same_inert_output_page(client, network, people, hostile):
    output = hostile[0]
    url = reverse("advocacy:output", kwargs={"network_slug": network.slug, "output_id": output.pk})
    for reader in (people.ministry_user, people.member, people.observer):
        client.force_login(reader)
        html = client.get(url).content.decode()
        assert "Response" in html and inert_problems(html) == []


def test_a_body_stored_unsanitised_is_still_cleaned_on_the_page(client, network, people):
    """The page shows rich text through portal.sanitise too: a body written past the services (a data
    migration, the shell) is as inert as one the services cleaned."""
    output = make_output(network, people, visibility="public", status="published")
    with scope(network=network):
        AdvocacyOutput.objects.filter(network=network, pk=output.pk).update(
            body={"en": {"text": f"<p>Raw body</p>{HOSTILE}", "source": "original"}}
        )
    client.force_login(people.member)
    html = client.get(reverse("advocacy:output", kwargs={"network_slug": network.slug, "output_id": output.pk}))
    html = html.content.decode()
    assert "<p>Raw body</p>" in html and inert_problems(html) == []
