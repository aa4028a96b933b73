"""The one sanitiser for rich text people write (an advocacy output's body): `clean_html(value)`.

nh3 (ammonia) parses the fragment as a browser would and keeps a small allow-list: paragraphs, line
breaks, strong and emphasis, lists, second- and third-level headings, block quotes and links. Everything
else goes: other tags are unwrapped (their text stays), `script`/`style` and the like lose their content
too, no attribute but a link's `href` survives (no `style`, no `on*`, no `class`), a link's address must
be absolute http, https or mailto (no `javascript:`, `data:` or relative addresses), and every link gets
`rel="noopener noreferrer nofollow"`. Comments are dropped. Services clean on write; pages may then show
the stored HTML as it is.
"""

import nh3

TAGS = frozenset({"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "blockquote"})
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
# Tags whose content goes with them (ammonia's default set: script, style).
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "iframe", "object", "embed", "noscript", "svg",
                                  "math", "textarea", "select", "title"})  # fmt: skip

_cleaner = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    url_schemes=set(URL_SCHEMES),
    link_rel=LINK_REL,
    strip_comments=True,
    url_relative="deny",
)


def clean_html(value):
    """`value` (HTML written by a person) with only the allowed tags and attributes left; '' for None."""
    if not value:
        return ""
    return _cleaner.clean(str(value)).strip()
