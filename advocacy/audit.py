"""What the advocacy app writes in the audit log (registered in AdvocacyConfig.ready())."""

from django.utils.translation import gettext_lazy as _

ACTIONS = {
    "output.created": _("Advocacy output created"),
    "output.updated": _("Advocacy output updated"),
    "output.review_started": _("Advocacy output sent for review"),
    "output.published": _("Advocacy output published"),
    "output.institution_addressed": _("Institution addressed by an advocacy output"),
    "output.institution_removed": _("Institution no longer addressed by an advocacy output"),
    "recommendation.added": _("Recommendation added"),
    "recommendation.updated": _("Recommendation updated"),
    "recommendation.removed": _("Recommendation removed"),
    "output.commented": _("Comment on an advocacy output"),
    "submission.recorded": _("Submission to an institution recorded"),
    "submission.response_recorded": _("Institution's response recorded"),
}
