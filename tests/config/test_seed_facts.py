"""Every fact of the five seed documents is on a public page of the demo (tests/network/seed_facts.py).

The demo is loaded with `manage.py load_demo`; an anonymous visitor then reads each listed page. A fact
is looked for in the page's visible text: tags removed (block elements become a space), character
references decoded, whitespace collapsed, so a fact may run across elements ("Pillar 1 Introduction…").
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from members.models import Organisation
from network.models import NewsPost, PartnershipAgreement
from tests.config.seed_facts import SEEDS

pytestmark = pytest.mark.django_db


def _by_original_title(model, title):
    """The one row whose title is `title` in its original language."""
    (row,) = [row for row in model.objects.all() if row.title.original == title]
    return row


# Arguments that name an object by what identifies it in the demo data instead of its id.
LOOKUPS = {
    "agreement_id": lambda title: _by_original_title(PartnershipAgreement, title).pk,
    "post_id": lambda title: _by_original_title(NewsPost, title).pk,
    "pk": lambda name: Organisation.objects.get(name=name).pk,
}

BLOCK_TAGS = {
    "address", "article", "aside", "br", "dd", "div", "dl", "dt", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "section", "table", "td", "th", "title", "tr",
    "ul",
}  # fmt: skip


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # decodes &amp;, &#x27;… as html.unescape does
        self.parts, self.hidden, self.links = [], 0, []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")
        if tag == "a":
            self.links.extend(value for name, value in attrs if name == "href" and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1
        if tag in BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def parse(html):
    """(visible text with whitespace collapsed, hrefs of the links)."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip(), parser.links


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


def page_path(spec):
    url_name, kwargs = spec[0], spec[1]
    with scopes_disabled():
        kwargs = {
            key: LOOKUPS[key](value) if key in LOOKUPS and isinstance(value, str) else value
            for key, value in kwargs.items()
        }
    return reverse(url_name, kwargs=kwargs)


def page_language(spec):
    return spec[2] if len(spec) > 2 else "en"


def test_each_seed_lists_at_least_25_facts_on_pages_it_names():
    assert len(SEEDS) == 5
    for seed, data in SEEDS.items():
        assert len(data["facts"]) >= 25, seed
        assert {page for page, _fact in data["facts"]} <= set(data["pages"]), seed
        assert len(data["facts"]) == len(set(data["facts"])), seed


@pytest.mark.parametrize("seed", list(SEEDS))
def test_every_fact_is_on_its_public_page(demo, client, seed):
    pages = SEEDS[seed]["pages"]
    texts = {}
    for name, spec in pages.items():
        path = page_path(spec)
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=page_language(spec))
        assert response.status_code == 200, f"{seed}: {name} ({path}) answered {response.status_code}"
        texts[name], _links = parse(response.content.decode())
    missing = [
        f"{name} ({page_path(pages[name])}): {fact}"
        for name, fact in SEEDS[seed]["facts"]
        if collapse(fact) not in texts[name]
    ]
    assert not missing, f"{seed}: {len(missing)} facts not found:\n" + "\n".join(missing)


def _walk(client, start):
    """Every page an anonymous visitor reaches by following links from `start` within the networks and
    organisations (no forms, no query strings); {path: status}."""
    seen, queue = {}, deque(start)
    while queue and len(seen) < 400:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        seen[path] = response.status_code
        if response.status_code != 200:
            continue
        _text, links = parse(response.content.decode())
        for href in links:
            parts = urlsplit(href)
            if (
                parts.scheme
                or parts.netloc
                or parts.query
                or not parts.path.startswith(("/networks/", "/organisations/"))
            ):
                continue
            queue.append(parts.path)
    return seen


def test_every_listed_page_is_reached_by_walking_the_public_pages(demo, client):
    # The network pages do not link their projects yet (projects/_network_projects.html is not included in
    # network/detail.html), so the walk starts at each network's project list too.
    slugs = {
        spec[1]["network_slug"]
        for data in SEEDS.values()
        for spec in data["pages"].values()
        if spec[0] == "network:detail"
    }
    start = [reverse("network:directory")] + [reverse("projects:list", args=[slug]) for slug in sorted(slugs)]
    reached = _walk(client, start)
    listed = {page_path(spec) for data in SEEDS.values() for spec in data["pages"].values()}
    assert listed - set(reached) == set()
    assert {path: status for path, status in reached.items() if path in listed and status != 200} == {}
