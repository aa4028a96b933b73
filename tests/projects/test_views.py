"""Project pages: the public page, creating a project, and editing its rows with and without htmx."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from projects.models import Activity, Component, Need, Project, ProjectPartner
from tests.factories import (
    ActivityFactory,
    ComponentFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnerFactory,
    ProjectFactory,
    project_with_logframe,
)

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def url(name, project, **kwargs):
    return reverse(name, kwargs={"network_slug": project.network.slug, "project_slug": project.slug, **kwargs})


def page_url(project, page):
    return url("projects:edit_page", project, page=page)


def text(response):
    """The response's text without tags, spaces collapsed: what a reader sees."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def codes(project):
    with scopes_disabled():
        return list(Activity.objects.filter(project=project).order_by("code").values_list("code", "title"))


# --- the public page ------------------------------------------------------------------------------


def test_the_project_page_shows_everything_in_a_readable_outline(client, network):
    project = project_with_logframe(
        network, components=2, activities=2, results=1, indicators=1, partners=7, countries=["SK", "GR", "DE"],
        reference="101183414",
    )  # fmt: skip

    response = client.get(url("projects:detail", project))

    assert response.status_code == 200
    seen = text(response)
    for words in (
        "Erasmus+ Capacity Building in VET", "101183414", "€399,542.28", "1 Jan 2025 – 31 Dec 2027 (36 months)",
        "Slovakia, Greece, Germany", "European Union (funder) Erasmus+ (programme or call) this project",
        "Overall objective", "Pillar 1 Pillar 1", "1.1 Activity 1", "1.2 Activity 2", "2.1 Activity 1",
        "Indicator 0 schools 0 7 2025: 1 2026: 2",
        "VET school 1 Baku Azerbaijan", "Lead partner / coordinator", "Funder", "Beneficiary",
    ):  # fmt: skip
        assert words in seen, words
    assert "Edit" not in seen  # anonymous visitors get no editing links


def test_a_bilingual_project_marks_each_text_with_its_language(client, network):
    project = ProjectFactory(
        network=network, language="sl", acronym="",
        title={"sl": "Karierna vzgoja", "en": "Career education"},
        summary={"sl": "Projekt se osredotoča …", "en": "The project focuses …"},
    )  # fmt: skip
    html = client.get(url("projects:detail", project)).content.decode()
    assert '<h1 lang="sl">Karierna vzgoja</h1>' in html and 'lang="en">Career education' in html
    assert '<div class="statement translation" lang="en">The project focuses …</div>' in html
    # The switch to the project's other language, and the page read in it: the Slovenian texts only.
    assert 'href="?lang=sl"' in html
    slovenian = client.get(url("projects:detail", project) + "?lang=sl").content.decode()
    assert '<h1 lang="sl">Karierna vzgoja</h1>' in slovenian and "Career education" not in slovenian.split("<h1")[1]


def test_the_network_include_lists_what_the_visitor_may_see(network, member):
    public = ProjectFactory(network=network, title="Open project")
    ProjectFactory(network=network, title="Closed-door project", visibility="private")

    def listed(user):
        request = RequestFactory().get("/")
        request.user = user
        with scope(network=network):
            return render_to_string("projects/_network_projects.html", {"network": network}, request=request)

    anonymous, member_view = listed(AnonymousUser()), listed(member)
    assert str(public.title) in anonymous and "Closed-door project" not in anonymous
    assert "Closed-door project" in member_view and "Members only" in member_view
    assert "New project" not in member_view


def test_the_project_list_offers_coordinators_a_new_project(client, network, coordinator):
    ProjectFactory(network=network, title="VET for the Future")
    client.force_login(coordinator)
    response = client.get(reverse("projects:list", kwargs={"network_slug": network.slug}))
    assert "VET for the Future" in text(response) and "New project" in text(response)


# --- creating and editing the facts -----------------------------------------------------------------------


def test_a_coordinator_creates_a_project_and_lands_on_its_logframe(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("projects:create", kwargs={"network_slug": network.slug}),
        {"title": "Advancing Learning and Linking Institutions", "acronym": "ALLIANCE", "status": "planned",
         "visibility": "public", "language": "en", "start_date": "2025-01-01", "end_date": "2027-12-31",
         "budget_amount": "399542.28", "budget_currency": "eur", "countries": ["XK", "AL"]},
    )  # fmt: skip
    with scopes_disabled():
        project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == page_url(project, "logframe")
    assert project.budget_currency == "EUR"


def test_bad_facts_come_back_with_the_message_on_the_field(client, network, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("projects:create", kwargs={"network_slug": network.slug}),
        {"title": "ALLIANCE", "status": "planned", "visibility": "public", "language": "en",
         "start_date": "2027-01-01", "end_date": "2025-12-31", "budget_amount": "-3", "budget_currency": "XXX"},
    )  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'id="id_end_date_error">The project cannot end before it starts', html)
    assert re.search(r'id="id_budget_amount_error">The budget cannot be negative', html)
    assert re.search(r'id="id_budget_currency_error">Select a valid choice. XXX is not one of', html)
    with scopes_disabled():
        assert not Project.objects.exists()


def test_editing_the_facts(client, project, coordinator):
    client.force_login(coordinator)
    form = client.get(url("projects:edit", project))
    assert 'value="VET for the Future"' in form.content.decode()
    assert '<select name="budget_currency" data-autocomplete' in form.content.decode()
    response = client.post(
        url("projects:edit", project),
        {"title": "VET for the Future", "status": "closed", "visibility": "private", "language": "en",
         "start_date": "2021-01-01", "end_date": "2024-06-30", "budget_amount": "", "budget_currency": ""},
    )  # fmt: skip
    assert response.status_code == 302
    with scopes_disabled():
        project.refresh_from_db()
    assert (project.status, project.visibility, project.budget_amount) == ("closed", "private", None)


# --- editing rows: plain forms ----------------------------------------------------------------------------


def test_without_javascript_adding_activities_redirects_and_keeps_the_form_open(client, project, coordinator):
    pillar = ComponentFactory(project=project, position=1, kind="pillar")
    client.force_login(coordinator)
    add = url("projects:item_add", project, kind="activity")

    response = client.post(add, {"parent": pillar.pk, f"add-activity-{pillar.pk}-title": "Career guidance"})

    assert response.status_code == 302
    assert response["Location"] == f"{page_url(project, 'logframe')}?add=activity&parent={pillar.pk}#section-components"
    page = client.get(response["Location"])
    assert "Activity added." in text(page)
    assert f'id="id_add-activity-{pillar.pk}-title"' in page.content.decode()  # open again for the next one
    assert codes(project) == [("1.1", "Career guidance")]


def test_without_javascript_a_taken_number_shows_on_the_number_field_and_saves_nothing(client, project, coordinator):
    pillar = ComponentFactory(project=project, position=1)
    ActivityFactory(component=pillar, position=1, title="Existing")
    client.force_login(coordinator)

    response = client.post(
        url("projects:item_add", project, kind="activity"),
        {"parent": pillar.pk, f"add-activity-{pillar.pk}-title": "Twin", f"add-activity-{pillar.pk}-code": "1.1"},
    )

    assert response.status_code == 200
    assert re.search(
        rf'id="id_add-activity-{pillar.pk}-code_error">Activity 1.1 already exists', response.content.decode()
    )
    assert "<html" in response.content.decode()  # the whole page, the form open where it was
    assert codes(project) == [("1.1", "Existing")]


def test_opening_a_row_for_editing_then_saving_it(client, project, coordinator):
    need = Need.objects.create(project=project, network=project.network, position=1, text="Old words")
    client.force_login(coordinator)

    opened = client.get(f"{page_url(project, 'context')}?edit=need&item={need.pk}")
    assert f'name="edit-need-{need.pk}-text"' in opened.content.decode()

    saved = client.post(url("projects:item_update", project, kind="need", item_id=need.pk),
                        {f"edit-need-{need.pk}-text": "New words"})  # fmt: skip
    assert saved.status_code == 302 and saved["Location"].endswith(f"#need-{need.pk}")  # back at the row
    with scopes_disabled():
        assert Need.objects.get().text == "New words"


def test_moving_and_deleting_without_javascript(client, project, coordinator):
    pillar = ComponentFactory(project=project, position=1)
    ActivityFactory(component=pillar, position=1, title="First")
    second = ActivityFactory(component=pillar, position=2, title="Second")
    client.force_login(coordinator)

    moved = client.post(url("projects:item_move", project, kind="activity", item_id=second.pk), {"direction": "up"})
    assert moved.status_code == 302
    assert codes(project) == [("1.1", "Second"), ("1.2", "First")]

    deleted = client.post(url("projects:item_delete", project, kind="activity", item_id=second.pk))
    assert deleted.status_code == 302
    assert codes(project) == [("1.1", "First")]


# --- editing rows: htmx --------------------------------------------------------------------------------------


def test_with_htmx_an_addition_answers_with_its_section_only(client, project, coordinator):
    client.force_login(coordinator)
    response = client.post(
        url("projects:item_add", project, kind="component"),
        {"add-component-new-kind": "pillar", "add-component-new-title": "Introduction of innovations"},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<section id="section-components"') and "<html" not in html
    assert "Component added." in html and "Pillar 1:" in html
    assert re.search(r'name="add-component-new-title"[^>]* autofocus', html)  # the next one can be typed at once


def test_with_htmx_errors_come_back_in_the_section_next_to_the_field(client, project, coordinator):
    pillar = ComponentFactory(project=project, position=1)
    ActivityFactory(component=pillar, position=1)
    client.force_login(coordinator)

    response = client.post(
        url("projects:item_add", project, kind="activity"),
        {"parent": pillar.pk, f"add-activity-{pillar.pk}-title": "", f"add-activity-{pillar.pk}-code": "1.1"},
        **HTMX,
    )

    html = response.content.decode()
    assert html.lstrip().startswith('<section id="section-components"')
    assert f'id="id_add-activity-{pillar.pk}-title_error">This field is required.' in html


def test_with_htmx_links_open_forms_inside_their_section(client, project, coordinator):
    pillar = ComponentFactory(project=project, position=1)
    client.force_login(coordinator)

    opened = client.get(f"{page_url(project, 'logframe')}?add=activity&parent={pillar.pk}", **HTMX)
    closed = client.get(f"{page_url(project, 'logframe')}?section=components", **HTMX)

    assert opened.content.decode().lstrip().startswith('<section id="section-components"')
    assert f'name="add-activity-{pillar.pk}-title"' in opened.content.decode()
    assert f'name="add-activity-{pillar.pk}-title"' not in closed.content.decode()


def test_with_htmx_moving_a_component_renumbers_its_activities(client, project, coordinator):
    one, two = ComponentFactory(project=project, position=1), ComponentFactory(project=project, position=2)
    ActivityFactory(component=one, position=1, title="A")
    ActivityFactory(component=two, position=1, title="B")
    client.force_login(coordinator)

    response = client.post(url("projects:item_move", project, kind="component", item_id=two.pk), {"direction": "up"},
                           **HTMX)  # fmt: skip

    assert "Component moved." in text(response)
    assert codes(project) == [("1.1", "B"), ("2.1", "A")]


def test_partners_are_added_by_name_on_the_partners_page(client, project, coordinator):
    MembershipFactory(network=project.network, organisation=OrganisationFactory(name="AKMI", acronym=""))
    client.force_login(coordinator)
    page = client.get(page_url(project, "partners"))
    # The names come as they are typed (static/js/suggest.js), not every one of the network's in the page.
    assert '<datalist id="organisation-names" data-suggest-url="' in page.content.decode()
    assert "<option" not in page.content.decode().split('id="organisation-names"')[1].split("</datalist>")[0]

    for name, role in (("AKMI", "partner"), ("Ministry of Education Science Technology and Innovation", "associated")):
        response = client.post(
            url("projects:item_add", project, kind="partner"),
            {"add-partner-new-organisation_name": name, "add-partner-new-role": role,
             "add-partner-new-organisation_kind": "ministry", "add-partner-new-organisation_country": "XK"},
            **HTMX,
        )  # fmt: skip
        assert "Partner added." in text(response)
    with scopes_disabled():
        partners = list(ProjectPartner.objects.filter(project=project).select_related("organisation"))
    assert [(p.organisation.name, p.organisation.kind, p.role) for p in partners] == [
        ("AKMI", "ngo", "partner"),
        ("Ministry of Education Science Technology and Innovation", "ministry", "associated"),
    ]
    assert "IATI role: Implementing" in text(client.get(page_url(project, "partners")))


# --- what does not exist ------------------------------------------------------------------------------------


def test_unknown_kinds_pages_and_other_projects_rows_are_missing(client, network, project, coordinator):
    other = ProjectFactory(network=network)
    foreign = ComponentFactory(project=other, position=1)
    partner = PartnerFactory(project=other)
    client.force_login(coordinator)

    assert client.get(page_url(project, "budget")).status_code == 404
    assert client.post(url("projects:item_add", project, kind="budget")).status_code == 404
    assert client.post(url("projects:item_delete", project, kind="component", item_id=foreign.pk)).status_code == 404
    assert client.post(url("projects:item_update", project, kind="partner", item_id=partner.pk)).status_code == 404
    assert client.get(f"{page_url(project, 'logframe')}?edit=component&item={foreign.pk}").status_code == 404
    assert client.post(
        url("projects:item_add", project, kind="activity"), {"parent": foreign.pk}
    ).status_code == 404  # fmt: skip
    assert client.get(f"{page_url(project, 'logframe')}?edit=need&item=0").status_code == 404
    assert client.get(url("projects:item_move", project, kind="component", item_id=foreign.pk)).status_code == 405
    with scopes_disabled():
        assert Component.objects.filter(pk=foreign.pk).exists()


def test_with_htmx_the_focus_returns_to_the_row_after_saving_or_cancelling(client, project, coordinator):
    need = Need.objects.create(project=project, network=project.network, position=1, text="Old words")
    client.force_login(coordinator)
    edit_link = re.compile(
        rf'<a class="button small secondary" href="[^"]*\?edit=need&amp;item={need.pk}#need-{need.pk}" autofocus>'
    )

    opened = client.get(f"{page_url(project, 'context')}?edit=need&item={need.pk}", **HTMX).content.decode()
    assert f"?section=needs&amp;focus=need-{need.pk}#section-needs" in opened  # Cancel names the row
    cancelled = client.get(f"{page_url(project, 'context')}?section=needs&focus=need-{need.pk}", **HTMX)
    saved = client.post(
        url("projects:item_update", project, kind="need", item_id=need.pk), {f"edit-need-{need.pk}-text": "New"}, **HTMX
    )

    assert edit_link.search(cancelled.content.decode())
    assert edit_link.search(saved.content.decode())
