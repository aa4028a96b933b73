"""Uploads: every file people send goes through here, and every stored upload is served from here.

The house rule is "every upload through the type check". A use names its rule (`LOGO` below; the activity
log's attachments and photos will add theirs) and its service calls, inside its transaction:

    image = uploads.accept_image(file, LOGO)        # ValidationError (clear, for the form) or the image
    old = uploads.replace(network.logo, image)      # stores it under a random name; the old file goes
                                                    # once the transaction commits

and its view answers with `uploads.serve(network.logo, shared=network.is_public)` after checking who may
see it. What each step guarantees:

- The type is told from the content (libmagic, python-magic), never from the file's name or the browser's
  Content-Type, and must be on the rule's allow-list. SVG never is: it is a document that can carry script.
- The size is checked before anything is read (`UPLOAD_LOGO_MAX_BYTES`); the pixel count from the image's
  header before anything is decoded (a small file can declare a huge image: a decompression bomb).
- The image is decoded by Pillow (verified, then loaded in full: a truncated or damaged file is refused)
  and re-encoded to a PNG (or a WebP where the PNG would be large) of at most `max_side` pixels a side:
  what is stored and served is our own encoding, so no metadata (EXIF, GPS), no trailing bytes and no
  polyglot content of the upload survive.
- Files go through Django's storage API (STORAGES["default"]: FileSystemStorage under MEDIA_ROOT) under
  a random name, `<folder>/<32 hex digits>.<png|webp>`. MEDIA_ROOT is never served as it is: only the
  views that check permission serve uploads, with the type we wrote, `X-Content-Type-Options: nosniff`,
  `Content-Disposition: inline` for the image types alone (anything else would be an attachment), a
  sandboxing Content-Security-Policy and cache headers (`private` unless the owner's page is public).
"""

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePath

import magic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# How much of the start of a file libmagic reads to tell its type (its own default buffer is larger, but
# every type we accept says what it is in its first bytes; text types such as HTML and SVG do too).
SNIFF_BYTES = 8192

# The image types an upload may be, told from the content: MIME type -> (Pillow's format name, label).
IMAGE_TYPES = {
    "image/png": ("PNG", "PNG"),
    "image/jpeg": ("JPEG", "JPEG"),
    "image/webp": ("WEBP", "WebP"),
}
# What a stored file may be served as: only what accept_image writes. Anything else answers 404.
SERVED_TYPES = {".png": "image/png", ".webp": "image/webp"}
# Types a browser may show in the page (Content-Disposition: inline); any other would be an attachment.
INLINE_TYPES = frozenset(SERVED_TYPES.values())
# Where a PNG of the re-encoded image would be larger than this (a photograph rather than a drawing),
# it is stored as a WebP instead, which keeps photographs small.
PNG_BUDGET = 200_000
WEBP_QUALITY = 85
# A sandbox for the file itself: if a browser were ever made to open an upload as a document, it could run
# nothing, load nothing and be framed by nobody.
FILE_CSP = "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'"
DAY = 24 * 3600


@dataclass(frozen=True)
class ImageRule:
    """What one use accepts: its allow-list (MIME types of IMAGE_TYPES), the setting that holds its size
    limit in bytes, the pixels it may declare, and the side of the square the stored image fits in."""

    folder: str
    types: tuple
    max_bytes_setting: str
    max_pixels: int
    max_side: int

    @property
    def max_bytes(self):
        return getattr(settings, self.max_bytes_setting)

    @property
    def labels(self):
        """ "PNG, JPEG or WebP" """
        names = [IMAGE_TYPES[t][1] for t in self.types]
        if len(names) == 1:
            return names[0]
        return _("%(some)s or %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}


# A network's logo: shown small in the band of the network's pages; a 4,000 × 4,000 drawing is plenty.
LOGO = ImageRule(
    folder="logos",
    types=("image/png", "image/jpeg", "image/webp"),
    max_bytes_setting="UPLOAD_LOGO_MAX_BYTES",
    max_pixels=16_000_000,
    max_side=512,
)


@dataclass(frozen=True)
class AcceptedImage:
    """An upload that passed: our own encoding of it, ready to store."""

    content: bytes
    extension: str  # ".png" or ".webp"
    width: int
    height: int
    original_name: str  # as the uploader's computer called it, for the audit log only (never a path)

    @property
    def described(self):
        """For the audit log: "logo.png, 512 × 320 px"."""
        return f"{self.original_name}, {self.width} × {self.height} px"


def sniff(file):
    """The MIME type libmagic reads in the file's content (its name and declared type are ignored)."""
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    return magic.from_buffer(head, mime=True)


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params)


def _check_type(file, rule):
    found = sniff(file)
    if found in rule.types:
        return found
    if found == "image/svg+xml":
        _refuse(
            _("SVG images are not accepted: an SVG file can carry scripts. Save the image as %(types)s."),
            "svg",
            types=rule.labels,
        )
    _refuse(
        _("This file is not a %(types)s image: it holds %(found)s (its name does not count, its content does)."),
        "type",
        types=rule.labels,
        found=found,
    )


def _check_size(file, rule):
    if not file.size:
        _refuse(_("The file is empty."), "empty")
    if file.size > rule.max_bytes:
        _refuse(
            _("The file is %(size)s; it may be at most %(limit)s."),
            "size",
            size=filesizeformat(file.size),
            limit=filesizeformat(rule.max_bytes),
        )


def _too_many_pixels(width, height, rule):
    if not width:  # Pillow's own guard stopped it before we learnt the size
        _refuse(
            _("The image has more than %(limit)s million pixels."),
            "pixels",
            limit=f"{rule.max_pixels / 1_000_000:g}",
        )
    _refuse(
        _("The image is %(width)d × %(height)d pixels; it may have at most %(limit)s million pixels."),
        "pixels",
        width=width,
        height=height,
        limit=f"{rule.max_pixels / 1_000_000:g}",
    )


def _decode(content, pillow_format, rule):
    """Open (header only), check the declared pixels, verify, then decode the first frame in full."""
    with Image.open(io.BytesIO(content), formats=[pillow_format]) as image:
        width, height = image.size
        if width * height > rule.max_pixels:
            _too_many_pixels(width, height, rule)
        image.verify()
    image = Image.open(io.BytesIO(content), formats=[pillow_format])
    if pillow_format == "JPEG":
        image.draft("RGB", (rule.max_side, rule.max_side))  # decode at 1/2, 1/4 or 1/8 where that suffices
    image.load()
    return image


def _normalised(image, rule):
    """The image upright (EXIF orientation applied), at most max_side a side, in RGB(A): no metadata left."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((rule.max_side, rule.max_side), Image.Resampling.LANCZOS)
    return image


def _encode(image):
    png = io.BytesIO()
    image.save(png, format="PNG", optimize=True)
    if png.tell() <= PNG_BUDGET:
        return png.getvalue(), ".png"
    webp = io.BytesIO()
    image.save(webp, format="WEBP", quality=WEBP_QUALITY, method=4)
    return webp.getvalue(), ".webp"


def accept_image(file, rule):
    """Check an uploaded file against `rule`; return it re-encoded (AcceptedImage), or raise a
    ValidationError saying what is wrong with it. Reads nothing past the size check if the file is too big,
    and decodes nothing if the image declares too many pixels."""
    _check_size(file, rule)
    found = _check_type(file, rule)
    pillow_format = IMAGE_TYPES[found][0]
    file.seek(0)
    original = file.read(rule.max_bytes + 1)  # within the limit just checked: held in memory
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow's own bomb guard (MAX_IMAGE_PIXELS) warns before it raises: refuse at the warning.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = _decode(original, pillow_format, rule)
            try:
                normalised = _normalised(image, rule)
                content, extension = _encode(normalised)
                size = normalised.size
            finally:
                image.close()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _too_many_pixels(0, 0, rule)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError):
        # What Pillow raises for damaged, truncated or lying files (SyntaxError: a broken PNG chunk).
        _refuse(
            _("The image could not be read: the file is damaged or not a complete %(type)s image."),
            "damaged",
            type=IMAGE_TYPES[found][1],
        )
    width, height = size
    name = PurePath(str(getattr(file, "name", "") or "")).name[:100]
    return AcceptedImage(content=content, extension=extension, width=width, height=height, original_name=name)


# --- storing ----------------------------------------------------------------------------------------


def random_name(folder, extension):
    """`logos/3f2a….png`: 128 random bits, nothing of the owner, the uploader or the file's own name."""
    return f"{folder}/{secrets.token_hex(16)}{extension}"


@deconstructible
class RandomName:
    """A FileField's upload_to: a random name in `folder`, keeping only the extension we wrote."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        return random_name(self.folder, PurePath(filename).suffix.lower())

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def key(field_file):
    """What a serving URL names a stored file by: the random part of its name ("" without a file)."""
    return PurePath(field_file.name).stem if field_file else ""


def replace(field_file, image):
    """Point a model's FileField at `image` (an AcceptedImage) or at nothing (None), inside the caller's
    transaction; the caller saves the model. The new file is written now, the old one deleted once the
    transaction commits (a rolled-back change keeps the file its row still names; at worst it leaves the
    new file unreferenced, never served). Returns the old file's name ("" if there was none)."""
    old_name = field_file.name or ""
    storage = field_file.storage
    if image is None:
        field_file.name = ""
    else:
        # save=False: the caller saves the row with its other changes.
        field_file.save(f"upload{image.extension}", ContentFile(image.content), save=False)
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))
    return old_name


# --- serving ----------------------------------------------------------------------------------------


def serve(field_file, *, shared, download_name="image"):
    """Answer with a stored upload, after the view has checked who may see it. `shared`: the owner's page
    is public, so shared caches may keep the file; otherwise only the reader's browser does. Its URL names
    the file's random key, and a new upload gets a new one, so a day's caching shows no stale file."""
    if not field_file:
        raise Http404
    extension = PurePath(field_file.name).suffix.lower()
    content_type = SERVED_TYPES.get(extension)
    if content_type is None:
        raise Http404
    try:
        handle = field_file.storage.open(field_file.name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=content_type not in INLINE_TYPES,
        filename=f"{download_name}{extension}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if shared:
        patch_cache_control(response, public=True, max_age=DAY)
    else:
        patch_cache_control(response, private=True, max_age=DAY)
    return response
