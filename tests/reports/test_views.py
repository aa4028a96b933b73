"""The report pages (reports/views.py): asking for a report, the job's page in each state and its htmx
fragment, the retry button, the download (allowed, or 404 for visitors, another network's people and
someone whose access was taken back), addresses nobody can guess, the e-mail's link, and a job page
whose queries do not grow with the network's jobs."""

import dataclasses
import re

import pytest
from django.core import mail
from django.urls import reverse
from django_scopes import scope, scopes_disabled
from guardian.shortcuts import assign_perm

from network.models import Membership
from network.services.memberships import membership_remove
from portal import uploads
from reports import kinds
from reports.models import ReportJob
from tests.clients import sign_in
from tests.factories import org
from tests.pages import field_error, page_queries, text
from tests.reports.conftest import KIND, ask
from tests.reports.engine_kinds.kinds import KIND as ENGINE_KIND

pytestmark = pytest.mark.django_db


def job_url(job, name="job"):
    return reverse(f"reports:{name}", kwargs={"key": job.key})


def request_url(project, kind=KIND):
    return reverse("reports:request", kwargs={"kind": kind, "subject_id": project.pk})


def set_state(job, **values):
    with scopes_disabled():
        ReportJob.objects.filter(pk=job.pk).update(**values)
        return ReportJob.objects.get(pk=job.pk)


@pytest.fixture
def done(project, people, media_root):
    return ask(project, people.member, title="Progress in Syunik")


# --- asking -------------------------------------------------------------------------------------------


def test_the_request_page_asks_for_the_language_and_posting_it_follows_the_job(client, project, people, media_root):
    sign_in(client, people.member)
    response = client.get(request_url(project))
    assert response.status_code == 200 and 'name="language"' in text(response)

    response = client.post(request_url(project), {"language": "hy"})

    with scopes_disabled():
        job = ReportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job_url(job)
    assert job.language == "hy" and job.requested_by == people.member and job.status == "queued"  # after commit


def test_asking_again_over_unchanged_data_shows_the_finished_job(client, project, people, done):
    sign_in(client, people.coordinator)
    response = client.post(request_url(project), {"language": "en", "title": "Progress in Syunik"}, follow=True)
    assert response.redirect_chain[-1][0] == job_url(done)
    assert "nothing changed since it was prepared" in text(response)


def test_bad_parameters_answer_the_form_with_the_message_on_the_field_and_save_nothing(client, project, people):
    sign_in(client, people.member)
    response = client.post(request_url(project), {"language": "en", "steps": "many"})

    assert response.status_code == 400
    field_error(response, "steps", "Between 1 and 100 steps.")
    with scopes_disabled():
        assert not ReportJob.objects.exists()


def test_a_language_not_offered_is_a_message_on_its_field(client, project, people):
    sign_in(client, people.member)
    response = client.post(request_url(project), {"language": "xx"})
    assert response.status_code == 400
    assert re.search(r'id="id_language_error"', response.content.decode())


def test_who_may_not_see_the_subject_gets_404_and_a_visitor_the_login(client, project, people):
    assert client.get(request_url(project)).status_code == 302  # a visitor: log in first
    assert client.post(request_url(project), {"language": "en"}).status_code == 302
    sign_in(client, people.outsider)
    assert client.get(request_url(project)).status_code == 404
    assert client.post(request_url(project), {"language": "en"}).status_code == 404
    assert client.get(request_url(project, kind="no_such_kind")).status_code == 404
    assert client.get(reverse("reports:request", kwargs={"kind": KIND, "subject_id": 999999})).status_code == 404
    with scopes_disabled():
        assert not ReportJob.objects.exists()


def test_who_sees_the_subject_but_may_not_ask_is_told_why(client, project, people):
    """A donor granted the private project sees it (and could download its reports) but is in no network."""
    donor = people.outsider
    assign_perm("projects.view_project", donor, project)
    sign_in(client, donor)
    response = client.get(request_url(project))
    assert response.status_code == 403 and "does not allow asking for this report" in text(response)


def test_the_project_page_offers_the_progress_report_form(client, project, people, rendered, monkeypatch):
    """The section in the project page's "project_page" slot, for the kind named progress_report (here the
    engine's test kind under that name, with the progress report's period fields)."""
    monkeypatch.setitem(kinds._KINDS, "progress_report", dataclasses.replace(ENGINE_KIND, name="progress_report"))
    page = reverse("projects:detail", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})
    sign_in(client, people.member)
    body = text(client.get(page))
    assert f'action="{request_url(project, kind="progress_report")}"' in body
    assert 'name="period_start"' in body and 'name="period_end"' in body and 'name="language"' in body

    sign_in(client, people.outsider)
    assigned = assign_perm("projects.view_project", people.outsider, project)
    assert assigned and 'name="period_start"' not in text(client.get(page))  # may see, may not ask: no form


# --- the job's page -----------------------------------------------------------------------------------


def test_the_page_of_a_waiting_job_polls_with_htmx_and_refreshes_without(client, project, people, done):
    job = set_state(done, status="queued", progress=0, file="", finished_at=None)
    sign_in(client, people.member)
    body = text(client.get(job_url(job)))

    assert "Waiting" in body and "Waiting for its turn." in body
    assert f'hx-get="{job_url(job)}" hx-trigger="every 2s" hx-swap="outerHTML"' in body
    assert "htmx.min.js" in body and '<noscript><meta http-equiv="refresh" content="5"></noscript>' in body
    assert job_url(job, "download") not in body


def test_the_page_of_a_running_job_shows_its_progress(client, project, people, done):
    job = set_state(done, status="running", progress=40, file="", finished_at=None)
    sign_in(client, people.member)
    body = text(client.get(job_url(job)))
    assert "Being prepared: 40 %" in body and '<progress id="report-progress" max="100" value="40">' in body


def test_htmx_gets_the_status_fragment_alone(client, project, people, done):
    job = set_state(done, status="running", progress=60, file="", finished_at=None)
    sign_in(client, people.member)
    fragment = client.get(job_url(job), headers={"HX-Request": "true"})
    body = text(fragment)
    assert body.lstrip().startswith('<div id="report-status"') and "<html" not in body
    assert 'value="60"' in body and "hx-trigger" in body
    assert "no-cache" in fragment["Cache-Control"] or "max-age=0" in fragment["Cache-Control"]

    set_state(job, status="done", progress=100, file=done.file_name)
    finished = text(client.get(job_url(job), headers={"HX-Request": "true"}))
    assert "hx-trigger" not in finished and job_url(job, "download") in finished  # the polling stops


def test_the_page_of_a_finished_job_offers_the_download(client, project, people, done):
    sign_in(client, people.observer)  # anyone who may download, not only the requester
    body = text(client.get(job_url(done)))
    assert "Ready" in body and job_url(done, "download") in body and "htmx" not in body


def test_the_page_of_a_failed_job_says_why_and_offers_a_retry(
    client, project, people, media_root, django_capture_on_commit_callbacks
):
    job = ask(project, people.member, fail="render")
    sign_in(client, people.member)
    body = text(client.get(job_url(job)))
    assert "Failed" in body and "The project has no logframe to report on yet." in body
    assert f'action="{job_url(job, "retry")}"' in body

    set_state(job, parameters={**job.parameters, "fail": ""})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(job_url(job, "retry"), follow=True)
    assert "The report is being prepared again." in text(response)
    with scopes_disabled():
        assert ReportJob.objects.get(pk=job.pk).status == "done"  # rendered again (eagerly, here)


def test_a_failed_job_offers_no_retry_to_who_may_not_ask(client, project, people, media_root):
    job = ask(project, people.member, fail="render")
    assign_perm("projects.view_project", people.outsider, project)  # a donor: may see, may not ask
    sign_in(client, people.outsider)
    body = text(client.get(job_url(job)))
    assert "The project has no logframe" in body and job_url(job, "retry") not in body
    assert client.post(job_url(job, "retry")).status_code == 403


@pytest.mark.parametrize("who", ["outsider", "anonymous"])
def test_the_job_page_is_nobodys_business_outside(client, project, people, done, who):
    sign_in(client, getattr(people, who, None) if who != "anonymous" else None)
    response = client.get(job_url(done))
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert client.post(job_url(done, "retry")).status_code == (302 if who == "anonymous" else 404)


def test_the_job_page_keeps_its_queries_whatever_the_network_holds(client, project, people, done, media_root):
    sign_in(client, people.member)
    few, _response = page_queries(client, job_url(done))
    for n in range(15):
        ask(project, people.member, title=f"Another report {n}")
    many, _response = page_queries(client, job_url(done))
    assert few == many


# --- the file -----------------------------------------------------------------------------------------


def test_the_download_is_the_pdf_as_an_attachment(client, project, people, done):
    sign_in(client, people.member)
    response = client.get(job_url(done, "download"))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="engine-test-career-guidance-en.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"] and response["X-Content-Type-Options"] == "nosniff"
    # served like every stored file (portal.uploads.serve): sandboxed, never embedded by another site
    assert response["Content-Security-Policy"] == uploads.FILE_CSP
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_the_download_is_404_for_visitors_and_other_networks(client, project, people, done, who):
    sign_in(client, None if who == "anonymous" else people.outsider)
    assert client.get(job_url(done, "download")).status_code == 404


def test_the_download_closes_as_soon_as_access_is_taken_back(client, project, people, done):
    sign_in(client, people.member)
    assert client.get(job_url(done, "download")).status_code == 200
    with scope(network=project.network):
        membership = Membership.objects.get(network=project.network, organisation=org(people.member))
        membership_remove(membership=membership, acting_user=people.coordinator, reason="Left the project")

    assert client.get(job_url(done, "download")).status_code == 404  # the very next request
    assert client.get(job_url(done)).status_code == 404


def test_no_download_before_the_file_is_there(client, project, people, done):
    job = set_state(done, status="running", file="")
    sign_in(client, people.member)
    assert client.get(job_url(job, "download")).status_code == 404


def test_addresses_name_the_job_by_its_random_key_only(client, project, people, done):
    other = ask(project, people.member, title="Another")
    assert re.fullmatch(r"[0-9a-f]{32}", done.key) and done.key != other.key
    for name in ("job", "download", "retry"):
        assert str(done.pk) not in job_url(done, name).replace(done.key, "")
    sign_in(client, people.member)
    assert client.get(reverse("reports:job", kwargs={"key": "0" * 32})).status_code == 404
    assert client.get(reverse("reports:job", kwargs={"key": str(done.pk)})).status_code == 404


def test_the_emails_link_opens_the_job_page(client, project, people, done):
    [message] = mail.outbox
    url = re.search(r"http://\S+", message.body).group(0)
    assert url == "http://127.0.0.1:8000" + job_url(done)
    sign_in(client, people.member)
    assert client.get(url.removeprefix("http://127.0.0.1:8000")).status_code == 200
