"""What the advocacy app writes in the audit log (registered in AdvocacyConfig.ready())."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from advocacy.models import AdvocacyOutput

ACTIONS = {
    "output.created": _("Advocacy output created"),
    "output.updated": _("Advocacy output updated"),
    "output.review_started": _("Advocacy output sent for review"),
    "output.published": _("Advocacy output published"),
    "output.cover_changed": _("Advocacy output's cover image changed"),
    "output.file_added": _("File added to an advocacy output"),
    "output.file_removed": _("File removed from an advocacy output"),
    "output.institution_addressed": _("Institution addressed by an advocacy output"),
    "output.institution_removed": _("Institution no longer addressed by an advocacy output"),
    "recommendation.added": _("Recommendation added"),
    "recommendation.updated": _("Recommendation updated"),
    "recommendation.removed": _("Recommendation removed"),
    "output.commented": _("Comment on an advocacy output"),
    "submission.recorded": _("Submission to an institution recorded"),
    "submission.response_recorded": _("Institution's response recorded"),
}


def _output_url(network, pk):
    return reverse("advocacy:output", kwargs={"network_slug": network.slug, "output_id": pk})


# Only outputs link: a recommendation's or submission's page would cost a query per row to name.
LINKS = {AdvocacyOutput: _output_url}

# Before/after keys of the file actions that are no field of the output.
# Keys of the log's before/after that are no field of the output: the page shows these labels, not the key.
FIELD_LABELS = {AdvocacyOutput: {"file": _("file"), "comment": _("comment"), "institution": _("institution")}}
