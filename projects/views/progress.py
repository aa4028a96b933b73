"""A planned activity's progress: the coordinators mark it done on the project page, or reopen it.

Both are small POST forms beside the activity, answered with a redirect back to it.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.models import Activity
from projects.services import progress as progress_services
from projects.views.projects import _row_or_404, project_required


def _back(project, activity):
    url = reverse("projects:detail", kwargs={"network_slug": project.network.slug, "project_slug": project.slug})
    return redirect(f"{url}#activity-{activity.code}")


def _decide(request, project, activity_id, service, notice):
    activity = _row_or_404(Activity, project, activity_id)
    try:
        service(activity=activity, acting_user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, notice % {"code": activity.code})
    return _back(project, activity)


@require_POST
@project_required("edit_project")
def activity_done(request, project, activity_id):
    return _decide(
        request, project, activity_id, progress_services.activity_mark_done, _("Activity %(code)s is marked done.")
    )


@require_POST
@project_required("edit_project")
def activity_reopen(request, project, activity_id):
    return _decide(
        request, project, activity_id, progress_services.activity_reopen, _("Activity %(code)s is open again.")
    )
