"""`{{ membership|label:"role" }}`: a choice field's label without Model.get_FOO_display.

get_FOO_display builds a dict of the field's choices on every call, which on a list of thousands of
rows cost seconds. Here each field's labels are built once per language and process, then looked up.
A value outside the choices shows as itself, as get_FOO_display does.
"""

from functools import cache

from django import template
from django.utils.translation import get_language

register = template.Library()


@cache
def _labels(model, field_name, language):
    field = model._meta.get_field(field_name)
    return {value: str(label) for value, label in field.flatchoices}


def choice_label(obj, field_name):
    value = getattr(obj, field_name)
    return _labels(type(obj)._meta.concrete_model, field_name, get_language()).get(value, value)


register.filter("label", choice_label)
