"""Every write to networks, memberships, invitations, partnership agreements and news: one module per noun.

The rules every service here keeps:
- It checks permission itself (`permissions.require`), validates, and writes inside one transaction.
- It never enters a tenant scope: its callers do (the scope middleware for pages and the API, the
  tenant task base for jobs, management commands). The one exception is `network_create`, which
  creates the tenant and so has no scope to be called in.
- E-mails and other side effects go out after commit, so a rolled-back change never sends a message.
"""
