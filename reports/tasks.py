"""Report jobs: render one (queued by reports.services after the request's commit) and the periodic
sweeper that re-sends lost or orphaned ones. Thin: they take ids and call reports.services."""

from celery import shared_task
from django_scopes import scopes_disabled

from portal.celery import NetworkTask, TransactionAwareTask


# No results kept: the job's row is the result (and a broker's outage cannot block a worker storing one).
@shared_task(base=NetworkTask, ignore_result=True)
def render_report(*, network, job_id):
    """Render a ReportJob, store its file, e-mail its requester; a finished job is left alone, so a second
    delivery of the message (a redelivery after a worker died, the sweeper) renders nothing twice."""
    from reports import services

    last_try = render_report.request.retries >= render_report.max_retries
    services.report_render(network=network, job_id=job_id, last_try=last_try)


@shared_task(base=TransactionAwareTask, ignore_result=True)
def sweep_report_jobs():
    """The periodic sweeper (CELERY_BEAT_SCHEDULE): reports.services.report_sweep, over every network."""
    from reports import services

    with scopes_disabled():
        return services.report_sweep()
