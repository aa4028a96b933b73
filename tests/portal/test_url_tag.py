"""The builtin {% url %} (portal/templatetags/urls.py) answers as Django's and reverses each address once."""

from unittest import mock

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, reverse

from portal.templatetags import urls


def render(source, **context):
    return Template(source).render(Context(context))


@pytest.fixture(autouse=True)
def _fresh():
    urls._remembered.cache_clear()
    yield
    urls._remembered.cache_clear()


def test_a_row_pattern_is_reversed_once_whatever_the_number_of_renders():
    source = "{% for pk in pks %}<a href=\"{% url 'members:organisation' pk=pk %}\">{% endfor %}"
    with mock.patch.object(urls, "reverse", wraps=reverse) as counted:
        first = render(source, pks=[1, 2, 3])
        again = render(source, pks=[1, 2, 3])
    links = [reverse("members:organisation", kwargs={"pk": pk}) for pk in (1, 2, 3)]
    assert first == again == "".join(f'<a href="{link}">' for link in links)
    assert counted.call_count == 3


def test_it_answers_as_djangos_tag():
    assert render("{% url 'network:detail' network_slug=slug %}", slug="bench") == "/networks/bench/"
    assert render("{% url 'network:detail' 'bench' %}") == "/networks/bench/"
    assert render("{% url 'no-such-page' as there %}[{{ there }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")


@override_settings(ROOT_URLCONF="tests.portal.urls_other")
def test_another_url_configuration_is_reversed_anew():
    assert render("{% url 'only-here' pk=4 %}") == "/elsewhere/4/"


def test_other_values_are_reversed_each_time():
    class Slug:  # an object whose text may change: never remembered
        text = "first"

        def __str__(self):
            return self.text

        def __hash__(self):
            return 1

    slug = Slug()
    assert render("{% url 'network:detail' network_slug=s %}", s=slug) == "/networks/first/"
    slug.text = "second"
    assert render("{% url 'network:detail' network_slug=s %}", s=slug) == "/networks/second/"
