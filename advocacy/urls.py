from django.urls import path

from advocacy.views import files, ledger, outputs, recommendations, submissions
from portal import converters  # noqa: F401  (registers <token:…>)

app_name = "advocacy"

_outputs = "networks/<slug:network_slug>/advocacy/"
_output = _outputs + "<int:output_id>/"
_recommendation = _output + "recommendations/<int:recommendation_id>/"
_submission = _output + "submissions/<int:submission_id>/"

urlpatterns = [
    path(_outputs, outputs.output_list, name="outputs"),
    path(_outputs + "new/", outputs.output_create, name="output_create"),
    path(_outputs + "ledger/", ledger.ledger, name="ledger"),
    path(_output, outputs.output_detail, name="output"),
    path(_output + "versions/<int:number>/", outputs.output_version, name="output_version"),
    path(_output + "edit/", outputs.output_edit, name="output_edit"),
    path(_output + "review/", outputs.output_review, name="output_review"),
    path(_output + "publish/", outputs.output_publish, name="output_publish"),
    path(_output + "comment/", outputs.output_comment, name="output_comment"),
    path(_output + "institutions/", outputs.output_institutions, name="output_institutions"),
    path(
        _output + "institutions/<int:organisation_id>/remove/", outputs.output_unaddress, name="output_unaddress"
    ),  # fmt: skip
    path(_output + "recommendations/new/", recommendations.recommendation_add, name="recommendation_add"),
    path(_recommendation, recommendations.recommendation_edit, name="recommendation_edit"),
    path(_recommendation + "remove/", recommendations.recommendation_remove, name="recommendation_remove"),
    path(_output + "submissions/new/", submissions.submission_add, name="submission_add"),
    path(_submission + "response/", submissions.submission_respond, name="submission_respond"),
    path(_submission + "evidence/", submissions.submission_evidence, name="submission_evidence"),
    # the cover and the files (advocacy/views/files.py)
    path(_output + "files/", files.output_files, name="output_files"),
    path(_output + "files/<token:key>/", files.output_file, name="output_file"),
    path(_output + "files/<token:key>/delete/", files.output_file_delete, name="output_file_delete"),
    path(_output + "cover/", files.output_cover_set, name="output_cover_set"),
    path(_output + "cover/remove/", files.output_cover_remove, name="output_cover_remove"),
    path(_output + "cover/<token:key>/", files.output_cover, name="output_cover"),
    # an institution's people, across networks
    path("addressed/", ledger.addressed, name="addressed"),
]
