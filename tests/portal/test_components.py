"""The shared components (portal/templatetags/components.py, templates/components/): each renders its
states, and the styleguide that shows them is for staff (or DEBUG) only."""

import re

import pytest
from django import forms
from django.contrib.messages import constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from portal.texts import MultilingualText
from tests.factories import UserFactory


def render(source, path="/networks/pep/news/", **context):
    request = RequestFactory().get(path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.user = context.pop("user", None)
    for level, text in context.pop("messages", ()):
        request._messages.add(level, text)
    return Template("{% load components %}" + source).render(Context({"request": request, **context}))


# --- tabs --------------------------------------------------------------------------------------------


def test_the_current_tab_is_marked_page_and_only_it():
    html = render(
        '{% tabs label="Network" %}{% tab "/networks/pep/" "Network page" %}{% tab "/networks/pep/news/" "News" %}'
        "{% endtabs %}"
    )
    assert '<nav class="tabs" aria-label="Network">' in html
    assert '<a href="/networks/pep/news/" aria-current="page">News</a>' in html
    assert '<a href="/networks/pep/">Network page</a>' in html  # a prefix of the path, but not its section
    assert html.count("aria-current") == 1


def test_a_section_tab_stays_marked_below_it():
    html = render('{% tab "/networks/pep/news/" "News" section=True %}', path="/networks/pep/news/12/")
    assert 'aria-current="true"' in html


# --- page header -----------------------------------------------------------------------------------


def test_page_header_has_title_acronym_meta_crumbs_and_the_primary_action():
    html = render(
        '{% pageheader title="Audit log" acronym="PEP" action_url="/new/" action_label="Add" %}Newest first'
        '{% crumbs %}<a href="/n/">Network</a>{% endpageheader %}'
    )
    assert '<h1><span class="acronym">PEP</span><span class="visually-hidden">: </span>Audit log</h1>' in html
    assert '<div class="page-meta">Newest first</div>' in html
    assert '<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/n/">Network</a></nav>' in html
    assert '<div class="page-actions"><a class="button" href="/new/">Add</a></div>' in html


def test_page_header_without_parts_has_no_empty_boxes():
    html = render('{% pageheader title="Not found" %}{% endpageheader %}')
    assert "<h1>Not found</h1>" in html
    assert "page-meta" not in html and "page-actions" not in html and "breadcrumb" not in html


def test_page_header_shows_a_multilingual_title_in_its_original_with_the_translation_under_it():
    title = MultilingualText.coerce({"sl": {"text": "Model sodelovanja", "source": "original"},
                                     "en": {"text": "Cooperation model", "source": "human"}})  # fmt: skip
    html = render("{% pageheader title=title %}{% endpageheader %}", title=title)
    assert '<h1 lang="sl">Model sodelovanja</h1>' in html
    assert '<p class="lead translation" lang="en">Cooperation model</p>' in html


def test_block_components_take_keywords_only():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load components %}{% card "title" %}{% endcard %}')


# --- pills, empty states, confirm --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "label", "expected"),
    [
        ("active", "Active", '<span class="pill pill-ok">Active</span>'),
        ("admin", "admin", '<span class="pill pill-ok">Admin</span>'),  # one casing, whatever the label's
        ("members", "members only", '<span class="pill pill-info">Members only</span>'),
        ("requested", "Requested", '<span class="pill pill-warn">Requested</span>'),
        ("left", "Left", '<span class="pill pill-off">Left</span>'),
        ("whatever", "Whatever", '<span class="pill pill-neutral">Whatever</span>'),
    ],
)
def test_a_pill_has_one_casing_and_a_tone_per_status(status, label, expected):
    assert render("{% pill status label %}", status=status, label=label) == expected
    # The include the pages already use renders the same pill.
    assert render('{% include "includes/status_badge.html" %}', status=status, label=label).strip() == expected


def test_an_empty_state_says_what_the_section_is_for_and_what_to_do():
    html = render(
        '{% include "includes/empty.html" with title="No news yet." text="News tells members…" '
        'action_url="/new/" action_label="Write a post" %}'
    )
    assert '<p class="empty-title">No news yet.</p>' in html
    assert '<a class="button secondary" href="/new/">Write a post</a>' in html
    # The short form the pages used stays as it was.
    assert render('{% include "includes/empty.html" with text="Nothing." %}').strip() == '<p class="empty">Nothing.</p>'


def test_confirm_is_two_steps_without_javascript_and_can_post_the_confirmation():
    html = render(
        '{% confirm action="/delete/" summary="Delete…" button="Yes, delete" confirm_field="confirm" %}'
        "Gone.{% endconfirm %}",
        csrf_token="t",
    )
    assert '<details class="confirm">' in html and "<summary>Delete…</summary>" in html
    assert '<form method="post" action="/delete/"' in html
    assert '<input type="hidden" name="confirm" value="yes">' in html
    assert '<button type="submit" class="danger small">Yes, delete</button>' in html


# --- flash messages ----------------------------------------------------------------------------------


def test_flash_shows_one_message_the_most_urgent():
    html = render(
        "{% flash %}",
        messages=[(constants.SUCCESS, "Saved."), (constants.ERROR, "Not sent."), (constants.INFO, "By the way.")],
    )
    assert html.count('class="flash') == 1
    assert '<div class="flash flash-error" role="alert"><p>Not sent.</p></div>' in html


def test_flash_is_a_status_for_good_news_and_absent_without_messages():
    assert 'role="status"><p>Saved.</p>' in render("{% flash %}", messages=[(constants.SUCCESS, "Saved.")])
    assert render("{% flash %}").strip() == ""


# --- form fields and the error summary ---------------------------------------------------------------


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name", help_text="As on the statutes.")
    kind = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    agree = forms.BooleanField(label="I agree")

    def clean(self):
        raise forms.ValidationError("Something about the whole form.")


def test_the_error_summary_links_each_error_to_its_field():
    form = ExampleForm(data={})
    form.is_valid()
    html = render('{% include "includes/form.html" %}', form=form)
    summary = html.split('<div class="field')[0]
    assert 'class="error-summary" role="alert"' in summary
    assert "<li>Something about the whole form.</li>" in summary
    assert '<a href="#id_name">This field is required.</a>' in summary
    assert '<a href="#id_kind_0">This field is required.</a>' in summary  # the first radio
    assert '<a href="#id_agree">This field is required.</a>' in summary
    for anchor in ("id_name", "id_kind_0", "id_agree"):
        assert f'id="{anchor}"' in html, f"the summary links to #{anchor}, which is not on the page"


def test_a_field_in_error_shows_the_error_next_to_it_and_is_described_by_hint_and_error():
    form = ExampleForm(data={})
    form.is_valid()
    html = render('{% include "includes/field.html" with field=form.name %}', form=form)
    assert '<div class="help" id="id_name_helptext">As on the statutes.</div>' in html
    assert '<p class="error" id="id_name_error">This field is required.</p>' in html
    control = re.search(r"<input[^>]*>", html).group(0)
    assert 'aria-invalid="true"' in control
    assert 'aria-describedby="id_name_helptext id_name_error"' in control
    # GOV.UK's order: label, hint, error, control.
    assert (
        html.index("<label") < html.index("id_name_helptext") < html.index('id="id_name_error"') < html.index("<input")
    )


def test_a_field_without_errors_has_no_summary_and_no_error():
    html = render('{% include "includes/form.html" %}', form=ExampleForm())
    assert "error-summary" not in html and 'class="error"' not in html
    assert 'aria-describedby="id_name_helptext"' in html


def test_a_page_with_two_forms_can_show_one_summary_for_both():
    first, second = ExampleForm(data={}, prefix="a"), ExampleForm(data={}, prefix="b")
    html = render(
        '{% error_summary first second %}{% include "includes/form.html" with form=first no_summary=True %}'
        '{% include "includes/form.html" with form=second no_summary=True %}',
        first=first,
        second=second,
    )
    assert html.count('class="error-summary"') == 1
    assert 'href="#id_a-name"' in html and 'href="#id_b-name"' in html


# --- the styleguide ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_styleguide_is_not_found_for_visitors_and_non_staff_in_production(client, settings):
    settings.DEBUG = False
    assert client.get("/styleguide/").status_code == 404
    client.force_login(UserFactory())
    assert client.get("/styleguide/").status_code == 404


@pytest.mark.django_db
def test_the_styleguide_shows_every_component_to_staff(client, settings):
    settings.DEBUG = False
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/styleguide/?flash=1")
    assert response.status_code == 200
    html = response.content.decode()
    markers = [
        'class="page-header"', 'class="tabs"', 'aria-current="page"', 'class="card', 'class="pill',
        'dl class="facts"', 'table class="stack"', 'class="empty-state"', 'class="flash', 'details class="confirm"',
        'class="error-summary"', 'class="error" id="id_invalid-email_error"',
    ]  # fmt: skip
    for marker in markers:
        assert marker in html, marker
    assert len(set(re.findall(r' id="([^"]+)"', html))) == len(re.findall(r' id="([^"]+)"', html)), "duplicate ids"


@pytest.mark.django_db
def test_the_styleguide_is_open_while_debug_is_on(client, settings):
    settings.DEBUG = True
    assert client.get("/styleguide/").status_code == 200
