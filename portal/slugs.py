"""Addresses (slugs) made from names."""

from django.utils.text import slugify


def unique_slug(text, *, taken, fallback, max_length=70):
    """`text` as an address, with -2, -3, … appended until `taken(slug)` says it is free."""
    base = slugify(text)[:max_length] or fallback
    slug, n = base, 2
    while taken(slug):
        slug, n = f"{base}-{n}", n + 1
    return slug
