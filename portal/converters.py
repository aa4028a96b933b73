"""Path converters that admit only what the value can be, so anything else matches no route (404)
before a view runs. Django's `str` takes any character but "/": a NUL byte in an invitation token
reached the database, and PostgreSQL refuses NUL in text with an error, so the visitor got a 500.

Imported by every URL module that uses them (importing registers them)."""

from django.urls import register_converter

# What a slug or token is made of: ASCII letters, digits, "-" and "_" (secrets.token_urlsafe, slugify).
URLSAFE = "[-a-zA-Z0-9_]+"
# DRF routers' lookup_value_regex for a primary key: ASCII digits only ("²" is a digit to str.isdigit).
DIGITS = "[0-9]+"


class TokenConverter:
    """An invitation token: members.models.new_token makes 43 URL-safe characters; the column holds 64."""

    regex = "[-a-zA-Z0-9_]{16,64}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(TokenConverter, "token")


class ColourConverter:
    """A colour as the network model stores it, "#1f5f8b", without its "#": six hex digits, lower case."""

    regex = "[0-9a-f]{6}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value).lstrip("#").lower()


register_converter(ColourConverter, "colour")
