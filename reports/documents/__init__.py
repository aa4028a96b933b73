"""The documents the report engine renders; importing this package registers each of them (reports.kinds)."""

from reports.documents import progress_report, recommendation_package  # noqa: F401  (each registers its kind)
