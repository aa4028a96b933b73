"""The documents the report engine renders; importing this package registers each of them (reports.kinds)."""

from reports.documents import (  # noqa: F401  (each registers its kind)
    evidence_pack,
    progress_report,
    recommendation_package,
)
