"""The audit log: services write what changed (`record`), a network's coordinators read it.

A service adds two or three lines::

    before = audit.snapshot(membership, ("status", "role"))
    ...change and save...
    audit.record(network=network, acting_user=acting_user, action="membership.approved", obj=membership,
                 **audit.changes(before, membership))

`record` writes inside the caller's transaction, so a change that is rolled back leaves no entry. Jobs
and commands pass `acting_user=None` and say who acted in `actor_label`.

Apps name their actions (and how to link their objects) in AppConfig.ready() with `register`; the
floor knows no app. An action nobody registered is a programming error, as an unknown permission is.
"""

import contextvars
import datetime
import decimal
import functools
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils.translation import gettext as _

from portal.models import AuditEntry
from portal.texts import MultilingualText

_ACTIONS = {}  # "membership.approved" -> lazy label
_LINKS = {}  # model -> function(network, object_id) -> URL of the object's page
_FIELD_LABELS = {}  # (model, key) -> lazy label, for keys that are not model fields ("objectives")

# Set while a service that stands for many (an import) runs the services it is made of: their own
# entries would bury the one that says what happened ("project imported") under a hundred rows.
_folded = contextvars.ContextVar("partnera_audit_folded", default=False)


def register(*, actions=None, links=None, field_labels=None):
    """Called from AppConfig.ready(): `actions` {action: label}, `links` {model: function(network,
    object_id) -> URL}, `field_labels` {model: {key: label}} for before/after keys that are no field."""
    for action, label in (actions or {}).items():
        if action in _ACTIONS and _ACTIONS[action] != label:
            raise ValueError(f"Audit action {action!r} is registered twice")
        _ACTIONS[action] = label
    _LINKS.update(links or {})
    for model, labels in (field_labels or {}).items():
        _FIELD_LABELS.update({(model, key): label for key, label in labels.items()})


def action_labels():
    """Every registered action with its label in the current language (build once per request)."""
    return {action: str(label) for action, label in _ACTIONS.items()}


# --- writing ----------------------------------------------------------------------------------------


def _plain(value):
    """A value as JSON can hold it, and as it compares after a round trip through the database."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, MultilingualText):
        # Every language, so a change to a translation alone is logged too (str() would give one).
        return {code: version.text for code, version in value.versions.items()}
    return str(value)  # lazy strings, countries (their code)


def snapshot(instance, fields):
    """{field: value} of `instance` now, as plain JSON values; a foreign key gives the related id."""
    values = {}
    for name in fields:
        field = instance._meta.get_field(name)
        attribute = field.attname if field.many_to_one or field.one_to_one else name
        values[name] = _plain(getattr(instance, attribute))
    return values


def stored_snapshot(instance, fields):
    """`snapshot` of the row as the database holds it: a ModelForm may have changed `instance` already."""
    return snapshot(type(instance)._base_manager.get(pk=instance.pk), fields)


def diff(before, after):
    """{"before": …, "after": …} holding only the keys whose values differ."""
    changed = [key for key in {**before, **after} if before.get(key) != after.get(key)]
    return {"before": {k: before.get(k) for k in changed}, "after": {k: after.get(k) for k in changed}}


def changes(before_snapshot, instance):
    """What changed on `instance` since `before_snapshot`, for record(**changes(...))."""
    return diff(before_snapshot, snapshot(instance, before_snapshot))


def record(*, network, acting_user, action, obj, before=None, after=None, actor_label="", object_repr=None):
    """Write one entry about `obj` in `network`'s log, inside the caller's transaction.

    `before`/`after` hold only the changed fields (see `changes`); a creation passes `after` alone, a
    deletion `before` alone (call it before deleting, while `obj` has its id). An update that changed
    nothing (both given, both empty) writes no entry. Returns the entry, or None.
    """
    _require_writable(action, "record")
    if _folded.get():
        return None
    if before is not None and after is not None and not before and not after:
        return None
    entry = _entry(network, acting_user, action, obj, before, after, actor_label, object_repr)
    # save(), not objects.create(): the scoped manager refuses to run outside a scope, and a service
    # founding a network writes before any scope for it exists. The network is given explicitly.
    entry.save()
    return entry


def record_many(*, network, acting_user, action, changes, actor_label="", batch_size=None):
    """`record` for many objects at once (a service writing rows in bulk, an import): `changes` is a list
    of (obj, before, after), each giving the row `record` would write; all are inserted together (each obj
    has its id already). Returns the entries written."""
    _require_writable(action, "record_many")
    if _folded.get():
        return []
    entries = [
        _entry(network, acting_user, action, obj, before, after, actor_label, None)
        for obj, before, after in changes
        if before is None or after is None or before or after
    ]
    # _base_manager, not objects: as record's save(), it needs no scope; the network is given explicitly.
    return AuditEntry._base_manager.bulk_create(entries, batch_size=batch_size)


def _require_writable(action, name):
    if action not in _ACTIONS:
        raise LookupError(f"No audit action named {action!r}; register it in the app's AppConfig.ready()")
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(f"audit.{name}() runs inside the service's transaction.atomic()")


def _entry(network, acting_user, action, obj, before, after, actor_label, object_repr):
    if acting_user is not None:
        actor_label = acting_user.get_full_name() or acting_user.email
    return AuditEntry(
        network_id=network.pk,
        acting_user=acting_user,
        actor_label=(actor_label or _("system"))[:255],
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(object_repr if object_repr is not None else obj)[:255],
        before=_plain(before or {}),
        after=_plain(after or {}),
    )


def last_value(*, network, action, obj, key):
    """What the latest `action` entry about `obj` recorded as `key`'s new value ("" if none did): for a
    value the row does not keep, such as the name a replaced upload had on the uploader's computer."""
    entry = (
        AuditEntry._base_manager.filter(
            network_id=network.pk,
            action=action,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )
        .order_by("-pk")
        .values_list("after", flat=True)
        .first()
    )
    return (entry or {}).get(key, "")


def recorded_as(action, *, after=None):
    """Decorator for a service that stands for many (an import): the services it calls write nothing,
    and one entry `action` is written about the object it returns. `after(result)` may describe it.

    Put it under @transaction.atomic, so the entry is part of the same transaction.
    """

    def decorator(service):
        @functools.wraps(service)
        def wrapper(*args, network, acting_user, **kwargs):
            token = _folded.set(True)
            try:
                result = service(*args, network=network, acting_user=acting_user, **kwargs)
            finally:
                _folded.reset(token)
            record(
                network=network,
                acting_user=acting_user,
                action=action,
                obj=result,
                after=after(result) if after else None,
            )
            return result

        return wrapper

    return decorator


# --- reading ----------------------------------------------------------------------------------------


def entries(*, network, action="", content_type_id=None, search=""):
    """A network's log, newest first, filtered; rows carry their user and content type."""
    rows = AuditEntry.objects.filter(network=network).select_related("acting_user", "content_type")
    if action:
        rows = rows.filter(action=action)
    if content_type_id:
        rows = rows.filter(content_type_id=content_type_id)
    if search:
        rows = rows.filter(object_repr__icontains=search)
    return rows


def _distinct(network, column):
    """The distinct values of `column` in the network's log, smallest first, read from an index that starts
    with (network, column): one probe per value (each step asks for the least value above the last),
    instead of reading every row of the log, 300,000 at the benchmark's size. One query."""
    quote, meta = connection.ops.quote_name, AuditEntry._meta
    table, network_id, column = quote(meta.db_table), quote(meta.get_field("network").column), quote(column)
    sql = f"""
        WITH RECURSIVE found (value) AS (
            SELECT MIN({column}) FROM {table} WHERE {network_id} = %s
            UNION ALL
            SELECT (SELECT MIN({column}) FROM {table} WHERE {network_id} = %s AND {column} > found.value)
            FROM found WHERE found.value IS NOT NULL
        )
        SELECT value FROM found WHERE value IS NOT NULL
    """  # noqa: S608  (the table and the column are the model's, quoted; the network is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [network.pk, network.pk])
        return [value for (value,) in cursor.fetchall()]


def actions_present(network):
    """[(action, label)] of the actions in the network's log, by label (index portal_audit_action)."""
    labels = action_labels()
    return sorted(((a, labels.get(a, a)) for a in _distinct(network, "action")), key=lambda pair: pair[1].lower())


def types_present(network):
    """[(content type id, label)] of the kinds of object in the network's log, by label (index
    portal_audit_object)."""
    types = [ContentType.objects.get_for_id(pk) for pk in _distinct(network, "content_type_id")]  # cached: no query
    return sorted(((ct.pk, _type_label(ct)) for ct in types), key=lambda pair: pair[1].lower())


def _type_label(content_type):
    model = content_type.model_class()
    return str(model._meta.verbose_name).capitalize() if model else content_type.model


def _model_field(model, key):
    """The model's own field called `key`, or None (a key of no field, a reverse relation, a field gone)."""
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    return field if field.concrete else None


def _field_label(model, key):
    if (model, key) in _FIELD_LABELS:
        return str(_FIELD_LABELS[(model, key)])
    field = _model_field(model, key)
    return str(field.verbose_name) if field is not None else key.replace("_", " ")


def _display(model, key, value):
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    field = _model_field(model, key)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return "; ".join(_display(model, key, v) for v in value)
    if isinstance(value, dict):  # a multilingual text: {language: text}
        return " · ".join(f"{code}: {text}" for code, text in value.items())
    return str(value)


def _existing_ids(entries_):
    """{model: ids still there} for the linkable models on this page: one query per linkable model
    (a handful, whatever the page size), so links never lead to a deleted object's 404."""
    wanted = {}
    for entry in entries_:
        model = entry.content_type.model_class()
        if model in _LINKS and entry.object_id is not None:
            wanted.setdefault(model, set()).add(entry.object_id)
    return {
        model: set(model._base_manager.filter(pk__in=ids).values_list("pk", flat=True)) for model, ids in wanted.items()
    }


def present(entries_, *, network):
    """The page's rows: who, the action's label, the object (linked where its page is cheap to name)
    and each changed field as (label, before, after). Labels are built once, not per row."""
    entries_ = list(entries_)
    labels, existing = action_labels(), _existing_ids(entries_)
    rows = []
    for entry in entries_:
        model = entry.content_type.model_class()
        link = None
        if model in _LINKS and entry.object_id in existing.get(model, ()):
            link = _LINKS[model](network, entry.object_id)
        user = entry.acting_user
        fields = [
            (
                _field_label(model, key),
                _display(model, key, entry.before.get(key)) if key in entry.before else "",
                _display(model, key, entry.after.get(key)) if key in entry.after else "",
            )
            for key in {**entry.before, **entry.after}
        ] if model else []  # fmt: skip
        rows.append(
            {
                "entry": entry,
                "who": (user.get_full_name() or user.email) if user else entry.actor_label,
                "action": labels.get(entry.action, entry.action),
                "link": link,
                "fields": fields,
            }
        )
    return rows
