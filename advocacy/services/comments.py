"""Comments by the network's members on an output in review."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from advocacy.models import Comment
from advocacy.services.common import record
from members.permissions import organisation_ids
from portal import permissions


@transaction.atomic
def comment_add(*, output, acting_user, organisation, text, language=None):
    """`acting_user` comments on `output` (in review) in the name of `organisation`, one they work for."""
    permissions.require("comment_output", acting_user, output)
    errors = {}
    if organisation is None or organisation.pk not in organisation_ids(acting_user):
        errors["organisation"] = [_("Comment in the name of an organisation you work for.")]
    comment = Comment(
        network=output.network, output=output, author=acting_user, organisation=organisation,
        language=language or output.language, text=text,
    )  # fmt: skip
    try:
        comment.full_clean(exclude=("network", "output", "author", "organisation"))
    except ValidationError as error:
        for key, messages in error.message_dict.items():
            errors.setdefault(key, messages)
    if errors:
        raise ValidationError(errors)
    comment.save()
    record(output, acting_user, "output.commented", after={"comment": comment.pk})
    return comment
