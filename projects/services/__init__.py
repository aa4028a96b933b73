"""Every write to projects and their logframe: one module per noun.

The rules every service here keeps:
- It checks permission itself (`permissions.require`), validates with the model's own rules
  (ValidationError keyed by field, so forms show the message next to the field), and writes inside one
  transaction.
- It never enters a tenant scope: its callers do (the scope middleware for pages and the API, the
  tenant task base for jobs, management commands).
"""
