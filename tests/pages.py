"""What page tests share: reading a response as a reader sees it, and counting a page's queries."""

import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def text(response):
    """The page with entities decoded (so "network's" matches "network&#x27;s")."""
    return unescape(response.content.decode())


def field_error(response, field, message):
    """The error sits right next to its field: templates/includes/field.html gives it the field's id."""
    match = re.search(rf'<p class="error" id="id_{re.escape(field)}_error">([^<]*)</p>', response.content.decode())
    assert match, f"no error shown next to {field!r}"
    assert message in unescape(match.group(1))


def messages(response):
    return [str(m) for m in response.context["messages"]]


def network_url(name, network, **kwargs):
    """The address of a `network:` page of this network."""
    return reverse(f"network:{name}", kwargs={"network_slug": network.slug, **kwargs})


def page_queries(client, url):
    """(queries, response) of one GET that must answer 200."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured.captured_queries), response


def query_count(client, url):
    return page_queries(client, url)[0]
