"""drf-spectacular postprocessing: the error answers every API operation can give, documented once.

DRF answers them from anywhere in a request (authentication, NetworkRulePermission, a service's
ValidationError, get_object), so no view lists them; this hook adds the same four to every operation
and two shared components, instead of each viewset repeating `extend_schema(responses=...)`.
"""

from django.utils.translation import gettext_lazy as _

HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def error_components():
    # A serializer's or a service's messages per field ({"field": ["message"], "non_field_errors": [...]},
    # nested for nested fields), a plain list of messages, or {"detail": ...} for a body that does not parse.
    return {
        "Error": {
            "type": "object",
            "description": str(_("A refusal: `detail` says why.")),
            "properties": {"detail": {"type": "string"}},
            "required": ["detail"],
        },
        "ValidationError": {
            "description": str(_("The input was refused; nothing was saved.")),
            "anyOf": [
                {"type": "object", "additionalProperties": {}},
                {"type": "array", "items": {"type": "string"}},
            ],
        },
    }


def _response(component, description, headers=None):
    answer = {
        "description": str(description),
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }
    if headers:
        answer["headers"] = headers
    return answer


def error_responses():
    return {
        "400": _response("ValidationError", _("Invalid input: messages per field.")),
        "401": _response(
            "Error",
            _("No valid credentials: a missing or invalid token (or a session that is not signed in)."),
            headers={
                "WWW-Authenticate": {
                    "description": str(_("The scheme to authenticate with: Token.")),
                    "required": True,
                    "schema": {"type": "string"},
                }
            },
        ),
        "403": _response("Error", _("Signed in, but not allowed (or a session write without its CSRF token).")),
        "404": _response(
            "Error", _("No such object, or a network the caller may not see: the two are not told apart.")
        ),
    }


def add_error_responses(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {}).update(error_components())
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in HTTP_METHODS:
                for status, answer in error_responses().items():
                    operation["responses"].setdefault(status, answer)
    return result
