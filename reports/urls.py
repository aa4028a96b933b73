from django.urls import path

from reports import views

app_name = "reports"

# Outside /networks/<slug>/: see reports/views.py (people outside the network read reports too).
urlpatterns = [
    path("reports/new/<slug:kind>/<int:subject_id>/", views.report_request, name="request"),
    path("reports/<slug:key>/", views.job_detail, name="job"),
    path("reports/<slug:key>/retry/", views.job_retry, name="retry"),
    path("reports/<slug:key>/download/", views.job_download, name="download"),
]
