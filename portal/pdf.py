"""PDF: the floor every PDF of the portal goes through (`render_pdf(html) -> bytes`, WeasyPrint).

The HTML of a report holds user content (titles, summaries, rich text), so whatever it names is hostile
until proven ours. WeasyPrint fetches what a document names (images, stylesheets, `@import`, fonts, SVG
`<image>`, `<object>`/`<embed>`, PDF attachments) through its URL fetcher; ours, `SafeURLFetcher`, is
always the one used, and it never opens a connection or a file path it was given:

- `data:` URLs are decoded in memory;
- our own static files (`STATIC_URL` paths) are read through the staticfiles finders (in development) or
  the staticfiles storage (STATIC_ROOT, collected and hashed names), never over HTTP;
- our own media files (`MEDIA_URL` paths) are read through Django's default storage API (local disk or
  object storage), never the network. A document names a stored file by `media_url(field_file)` (its
  MEDIA_URL path), never by `field_file.url`: with S3_BUCKET set that is the bucket's URL, refused here;
- everything else is refused before anything is opened: http(s) to any other origin (127.0.0.1 included),
  `file:`, `ftp:`, any other scheme, a path that is neither static nor media, a path with `..`, `.`,
  a backslash or a control character in it. Nothing is fetched, so no redirect can ever be followed.

"Our own" means a path on our origin: `SITE_URL`'s, or the `base_url` the caller renders with (relative
URLs resolve against it; it defaults to `SITE_URL`). A refused resource is logged and the render goes on
without it (WeasyPrint skips a failed fetch), so hostile content yields a PDF without the resource, never
a failed job. Text is set in DejaVu Sans (fonts-dejavu-core, installed by .ci/run and the Dockerfile),
which has the Armenian, Azerbaijani (ə), Polish, Slovenian and Albanian glyphs.
"""

import base64
import logging
import mimetypes
import posixpath
import re
from urllib.parse import quote, unquote, unquote_to_bytes, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# The font stack of every PDF: a document's own stylesheet may name others (our static fonts included).
FONT_FAMILY = '"DejaVu Sans", sans-serif'
BASE_CSS = f"html {{ font-family: {FONT_FAMILY}; }}"

# A path segment that could climb out of, or alias within, the folder it is read from.
_UNSAFE_PATH = re.compile(r"[\x00-\x1f\x7f\\]")


class ResourceRefused(ValueError):
    """A URL the PDF renderer will not load (WeasyPrint logs it and renders without the resource)."""


def _origin(url):
    parts = urlsplit(url)
    return (parts.scheme.lower(), (parts.hostname or "").lower(), parts.port)


def _safe_name(path):
    """The storage name for a URL path below a prefix, or ResourceRefused if it could escape it."""
    name = unquote(path)
    segments = name.split("/")
    if not name or _UNSAFE_PATH.search(name) or any(s in ("", ".", "..") for s in segments):
        raise ResourceRefused(f"unsafe path: {path!r}")
    if posixpath.normpath(name) != name:
        raise ResourceRefused(f"unsafe path: {path!r}")
    return name


def _from_storage(name):
    try:
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
    except Exception as error:  # a storage that refuses the name (SuspiciousFileOperation) or is away
        logger.info("PDF: static file %r not read from the storage: %s", name, error)
    return None


def _from_finders(name):
    found = finders.find(name)
    if found:
        with open(found, "rb") as file:
            return file.read()
    return None


def _read_static(name):
    """As the pages get it: from the finders in development (runserver serves them), else from the collected
    files (STATIC_ROOT through the staticfiles storage, which alone knows the hashed names); then the other."""
    readers = (_from_finders, _from_storage) if settings.DEBUG else (_from_storage, _from_finders)
    for reader in readers:
        if (content := reader(name)) is not None:
            return content
    raise ResourceRefused(f"no such static file: {name!r}")


def _read_media(name):
    try:
        with default_storage.open(name) as file:
            return file.read()
    except Exception as error:
        raise ResourceRefused(f"media file not readable: {name!r}") from error


def media_url(field_file):
    """The address a PDF's HTML names a stored file by (`/media/logos/3f2a….png`), which SafeURLFetcher reads
    from the default storage. Not `field_file.url`: on object storage that is the bucket's own URL, which
    is never handed out and which the fetcher refuses. "" without a file."""
    if not field_file:
        return ""
    return urljoin("/", settings.MEDIA_URL) + quote(field_file.name)


class SafeURLFetcher(URLFetcher):
    """WeasyPrint's fetcher with no network and no file access: `data:`, our static and media files only.

    WeasyPrint 66+ takes a `URLFetcher` (sub)class instance whose `fetch(url, headers=None)` returns a
    `URLFetcherResponse`; any exception it raises makes WeasyPrint log the URL and skip the resource.
    """

    def __init__(self, *, base_url=None):
        # No protocol allowed and no redirects for the parent's opener: it is never used (fetch is
        # ours), this only makes sure that, were it ever reached, it would refuse.
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)
        origins = {_origin(settings.SITE_URL)}
        if base_url:
            origins.add(_origin(base_url))
        self._origins = origins
        self._roots = []  # (prefix URL path or absolute URL, reader)
        for setting, reader in ((settings.STATIC_URL, _read_static), (settings.MEDIA_URL, _read_media)):
            if setting:
                self._roots.append((urljoin("/", setting) if not urlsplit(setting).scheme else setting, reader))

    def fetch(self, url, headers=None):
        try:
            body, content_type = self._load(url)
        except ResourceRefused as refusal:
            logger.warning("PDF: resource refused: %s", refusal)
            raise
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def open(self, url, data=None, timeout=None):  # the parent's urllib entry point: never the network
        raise ResourceRefused("the PDF renderer opens no URL")

    def _load(self, url):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return _decode_data_url(url)
        if scheme not in ("http", "https"):
            raise ResourceRefused(f"scheme not allowed: {url[:80]!r}")
        parts = urlsplit(url)
        for prefix, reader in self._roots:
            if urlsplit(prefix).scheme:  # an absolute STATIC_URL / MEDIA_URL (a CDN): compare the whole
                if not url.startswith(prefix):
                    continue
                path = parts.path[len(urlsplit(prefix).path) :]
            else:
                if _origin(url) not in self._origins or not parts.path.startswith(prefix):
                    continue
                path = parts.path[len(prefix) :]
            name = _safe_name(path)
            content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return reader(name), content_type
        raise ResourceRefused(f"not one of our static or media files: {url[:80]!r}")


def _decode_data_url(url):
    """`data:[<type>][;base64],<data>` (RFC 2397), decoded in memory."""
    header, comma, data = url[len("data:") :].partition(",")
    if not comma:
        raise ResourceRefused("malformed data: URL")
    params = header.split(";")
    is_base64 = params[-1].strip().lower() == "base64"
    if is_base64:
        params = params[:-1]
    content_type = params[0].strip() or "text/plain"
    if len(params) > 1:
        content_type += ";" + ";".join(p.strip() for p in params[1:])
    raw = unquote_to_bytes(data)
    if is_base64:
        try:
            raw = base64.b64decode(raw + b"=" * (-len(raw) % 4))
        except ValueError as error:
            raise ResourceRefused("malformed base64 in data: URL") from error
    return raw, content_type


def render_pdf(html, *, base_url=None, stylesheets=()):
    """The PDF of `html` (a string), as bytes. Every resource it names goes through SafeURLFetcher.

    `stylesheets` are CSS sources (strings), applied after the base font stack; a stylesheet file of our
    own is better named by the HTML (`<link rel="stylesheet" href="{% static … %}">`), which the fetcher
    serves. Relative URLs resolve against `base_url` (default: SITE_URL).
    """
    base_url = base_url or settings.SITE_URL.rstrip("/") + "/"
    fetcher = SafeURLFetcher(base_url=base_url)
    font_config = FontConfiguration()
    sheets = []
    for source in (BASE_CSS, *stylesheets):
        if not isinstance(source, str):
            raise TypeError("render_pdf takes stylesheets as CSS source strings")
        sheets.append(CSS(string=source, base_url=base_url, url_fetcher=fetcher, font_config=font_config))
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(stylesheets=sheets, font_config=font_config)
