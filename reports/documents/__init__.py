"""The documents the report engine renders; importing this package registers each of them (reports.kinds)."""
