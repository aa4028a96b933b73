"""Who may see, download and retry a report job; registered into portal.permissions.

A job is about a subject (an advocacy output, a project): whoever may download a report of that subject
(its kind's `can_download`, itself a permission rule) sees the job's page and its file, asked again on
every request, so a grant or membership taken back closes the download at once. Retrying is asking
again: the kind's `can_request`. A job of a kind no longer registered, or whose subject was deleted, is
nobody's.
"""

from portal.permissions import rule


def _subject_allows(user, job, ask):
    kind = job.kind_object
    if kind is None:
        return False
    subject = job.subject
    return subject is not None and bool(getattr(kind, ask)(user, subject))


@rule
def can_view_report_job(user, job):
    return _subject_allows(user, job, "can_download")


@rule
def can_download_report(user, job):
    return job.status == job.Status.DONE and bool(job.file) and _subject_allows(user, job, "can_download")


@rule
def can_retry_report(user, job):
    return job.status == job.Status.FAILED and _subject_allows(user, job, "can_request")
