"""The activity log's figures kept in the cache until the network's log changes (portal.versions).

`kept(network_id, key, compute)` keeps a figure of the network's log (its reach, a project's reach) under
the network's log counter, `log:<network id>`. `log_changed(network_ids)` bumps it, and every write that
can change a figure does: saves and deletions of entries and changes to their partners, through the
signals connected in ProjectsConfig.ready() (so the services' create, edit, submit, approve, return,
delete, restore, the import, the admin and jobs alike), and the deletion of an organisation named as a
partner. A write that sends no signal (QuerySet.update(), bulk_create(): the organisation merge) calls
`log_changed` itself, after its writes and inside their transaction.
"""

from portal import versions


def _counter(network_id):
    return f"log:{network_id}"


def kept(network_id, key, compute):
    return versions.kept(_counter(network_id), key, compute)


def log_changed(network_ids):
    """The figures of these networks' logs are stale (now, and again after the commit)."""
    for network_id in set(network_ids):
        if network_id is not None:
            versions.bump(_counter(network_id))


# --- the signals (ProjectsConfig.ready()) -----------------------------------------------------------------


def entry_saved_or_deleted(sender, instance, **kwargs):
    """post_save and post_delete of ActivityEntry."""
    log_changed([instance.network_id])


def partners_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """m2m_changed of ActivityEntry.partners: from the entry (instance), or from the organisation
    (reverse; pk_set holds entry ids, none on clear: that is read before it)."""
    from projects.models import ActivityEntry

    if not reverse:
        if action.startswith("post_"):
            log_changed([instance.network_id])
        return
    if action == "pre_clear":
        entries = ActivityEntry._base_manager.filter(partners=instance)
    elif action in ("post_add", "post_remove") and pk_set:
        entries = ActivityEntry._base_manager.filter(pk__in=pk_set)
    else:
        return
    log_changed(entries.order_by().values_list("network_id", flat=True).distinct())


def organisation_deleted(sender, instance, **kwargs):
    """pre_delete of Organisation: its rows as an entry's partner go with it, and Django sends no signal for
    the rows of a many-to-many table. (An organisation that logged entries cannot be deleted: PROTECT.)"""
    from projects.models import ActivityEntry

    networks = ActivityEntry._base_manager.filter(partners=instance).order_by().values_list("network_id", flat=True)
    log_changed(networks.distinct())
