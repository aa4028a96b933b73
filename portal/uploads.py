"""Uploads: every file people send goes through here, and every stored upload is served from here.

The house rule is "every upload through the type check". A use names its rule (`LOGO` below; the activity
log's attachments and photos will add theirs) and its service calls, inside its transaction:

    image = uploads.accept_image(file, LOGO)        # ValidationError (clear, for the form) or the image
    old = uploads.replace(network.logo, image)      # stores it under a random name; the old file goes
                                                    # once the transaction commits

and its view answers with `uploads.serve(network.logo, shared=network.is_public)` after checking who may
see it. Documents (the activity log's attachments) go through `accept_file(file, ENTRY_ATTACHMENT)`
instead: the same size-first, type-from-content checks against the rule's allow-list, an image among them
re-encoded as above, any other file stored as it came (it is only ever served as a download).
What each step guarantees:

- The type is told from the content (libmagic, python-magic), never from the file's name or the browser's
  Content-Type, and must be on the rule's allow-list. SVG never is: it is a document that can carry script.
- The size is checked before anything is read (`UPLOAD_LOGO_MAX_BYTES`); the pixel count from the image's
  header before anything is decoded (a small file can declare a huge image: a decompression bomb).
- The image is decoded by Pillow (verified, then loaded in full: a truncated or damaged file is refused)
  and re-encoded to a PNG (or a WebP where the PNG would be large) of at most `max_side` pixels a side:
  what is stored and served is our own encoding, so no metadata (EXIF, GPS), no trailing bytes and no
  polyglot content of the upload survive.
- Files go through Django's storage API (STORAGES["default"]: FileSystemStorage under MEDIA_ROOT, or an
  S3-compatible bucket when S3_BUCKET is set; nothing here uses a local path, so web and worker processes
  need no shared disk) under a random name, `<folder>/<32 hex digits>.<png|webp>`. MEDIA_ROOT and the bucket
  are never served as they are (no bucket URL is handed out): only the
  views that check permission serve uploads, with the type we wrote, `X-Content-Type-Options: nosniff`,
  `Content-Disposition: inline` for the image types alone (anything else would be an attachment), a
  sandboxing Content-Security-Policy and cache headers (`private` unless the owner's page is public).
"""

import io
import re
import secrets
import unicodedata
import warnings
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

import magic
import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse, Http404
from django.template.defaultfilters import filesizeformat
from django.utils.cache import patch_cache_control
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
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

# An image of an activity log entry (a photo, or a picture among its attachments): taken with a phone, so
# up to 40 million pixels are let in (a 48-megapixel phone's photo is refused: save it smaller); stored at
# most 2,048 pixels a side, enough to read a flip chart on screen. The size limit is that of every file of
# an entry. Entries take files through accept_file: ENTRY_ATTACHMENT and ENTRY_PHOTO below.
ENTRY_IMAGE = ImageRule(
    folder="entries",
    types=("image/png", "image/jpeg", "image/webp"),
    max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES",
    max_pixels=40_000_000,
    max_side=2048,
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


# --- documents --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentType:
    """A document type an upload may be: its label for messages, the extensions its files carry (the first
    is the one a stored file gets when the upload's own name has none of them), and the family it is listed
    under in "accepted here" ("Word" for .doc and .docx alike)."""

    label: str
    extensions: tuple
    family: str = ""


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"
DOCUMENT_TYPES = {
    "application/pdf": DocumentType("PDF", (".pdf",)),
    DOCX: DocumentType("Word", (".docx",)),
    XLSX: DocumentType("Excel", (".xlsx",)),
    PPTX: DocumentType("PowerPoint", (".pptx",)),
    ODT: DocumentType(_lazy("OpenDocument text"), (".odt",), "OpenDocument"),
    ODS: DocumentType(_lazy("OpenDocument spreadsheet"), (".ods",), "OpenDocument"),
    ODP: DocumentType(_lazy("OpenDocument presentation"), (".odp",), "OpenDocument"),
    # The binary formats of Office 97–2003, where libmagic recognises the program that wrote them (a
    # compound file it cannot place, "application/x-ole-storage", is refused: it could be anything).
    "application/msword": DocumentType(_lazy("Word 97–2003"), (".doc",), "Word"),
    "application/vnd.ms-excel": DocumentType(_lazy("Excel 97–2003"), (".xls",), "Excel"),
    "application/vnd.ms-powerpoint": DocumentType(_lazy("PowerPoint 97–2003"), (".ppt",), "PowerPoint"),
    "text/csv": DocumentType("CSV", (".csv", ".txt")),
    "text/plain": DocumentType(_lazy("plain text"), (".txt", ".csv", ".tsv"), _lazy("text")),
}
# Office Open XML (Word, Excel, PowerPoint since 2007) is a ZIP archive whose [Content_Types].xml names its
# main part's type. libmagic recognises it only when that member comes first (Word's order; other programs
# write other orders and libmagic then answers "application/zip"), so the archive's own list is read.
OOXML_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
# The same documents with macros (.docm, .xlsm, .pptm): programs inside a document are not shared here.
MACRO_PARTS = frozenset({
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
})  # fmt: skip
MACRO = "macro"
# Office 97–2003 keeps a document's macros (VBA) in storages of its compound file: Word under "Macros",
# Excel under "_VBA_PROJECT_CUR", either with a "VBA" storage inside.
OLE_TYPES = frozenset({"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"})
OLE_MACRO_STORAGES = frozenset({"macros", "_vba_project_cur", "_vba_project", "vba"})
# OpenDocument is a ZIP archive whose first member, "mimetype", holds its type.
ODF_TYPES = frozenset({ODT, ODS, ODP})
ZIP_BASED = frozenset({"application/zip", *OOXML_MAIN_PARTS.values(), *ODF_TYPES})
# [Content_Types].xml is a few kilobytes; a larger one is not read (nor decompressed: no ZIP bomb).
CONTENT_TYPES_MAX_BYTES = 256 * 1024
# What an image may be called: any image extension (a PNG named .jpg is still a picture, and re-encoded).
IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".jfif", ".webp"})
# Types that are documents a browser would run: refused with a message of their own.
ACTIVE_TYPES = {
    "text/html": _lazy("HTML files are not accepted: a web page can carry scripts. Save it as a PDF."),
    "application/xhtml+xml": _lazy("HTML files are not accepted: a web page can carry scripts. Save it as a PDF."),
    "image/svg+xml": _lazy("SVG images are not accepted: an SVG file can carry scripts. Save it as a PDF or PNG."),
}
# What serve() may answer for a document (only the types accept_file lets in, by the extension it wrote).
DOCUMENT_SERVED_TYPES = {
    **{extension: mime for mime, kind in DOCUMENT_TYPES.items() for extension in kind.extensions[:1]},
    ".txt": "text/plain",
    ".tsv": "text/plain",
    **SERVED_TYPES,
}


@dataclass(frozen=True)
class DocumentRule:
    """What one use accepts as a file: its allow-list (MIME types of DOCUMENT_TYPES), the setting that holds
    its size limit, and the image rule an image among the files is re-encoded by (None: no images)."""

    types: tuple
    max_bytes_setting: str
    image: ImageRule | None = None

    @property
    def max_bytes(self):
        return getattr(settings, self.max_bytes_setting)

    @property
    def labels(self):
        """ "PDF, Word, Excel…, or a PNG, JPEG or WebP image" """
        names = list(dict.fromkeys(str(DOCUMENT_TYPES[t].family or DOCUMENT_TYPES[t].label) for t in self.types))
        if self.image is not None:
            names.append(_("a %(types)s image") % {"types": self.image.labels})
        if len(names) == 1:
            return names[0]
        return _("%(some)s or %(last)s") % {"some": ", ".join(names[:-1]), "last": names[-1]}


# An activity log entry's attachments: reports, agendas, lists of participants, presentations, pictures.
ENTRY_ATTACHMENT = DocumentRule(
    types=("application/pdf", DOCX, XLSX, PPTX, ODT, ODS, ODP, "application/msword", "application/vnd.ms-excel",
           "application/vnd.ms-powerpoint", "text/csv", "text/plain"),
    max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES",
    image=ENTRY_IMAGE,
)  # fmt: skip
# An entry's photos: images only, re-encoded (accept_file with no document types).
ENTRY_PHOTO = DocumentRule(types=(), max_bytes_setting="UPLOAD_ENTRY_FILE_MAX_BYTES", image=ENTRY_IMAGE)


def accepted_hint(rule):
    """A file input's `accept` list for `rule`: the extensions of its document types, its image types."""
    extensions = [extension for mime in rule.types for extension in DOCUMENT_TYPES[mime].extensions]
    return list(dict.fromkeys(extensions)) + list(rule.image.types if rule.image else ())


@dataclass(frozen=True)
class AcceptedFile:
    """An upload that passed accept_file: a document as it came (`upload`), or an image re-encoded (`image`)."""

    content_type: str
    extension: str  # what the stored file is named with: the type's, never the upload's own guess
    size: int  # in bytes, as stored
    original_name: str  # clean_name() of the uploader's name for it: for display and downloads, never a path
    upload: object = field(default=None, repr=False)
    image: AcceptedImage | None = None

    def as_file(self):
        return ContentFile(self.image.content) if self.image is not None else self.upload

    @property
    def described(self):
        return describe(self.original_name, self.size)


def describe(name, size):
    """For the audit log: "agenda.pdf, 120.5 KB"."""
    return f"{name}, {filesizeformat(size)}"


def clean_name(name, limit=150):
    """The uploader's name for a file, safe to show and to send back in Content-Disposition: the last part
    of any path, without control or format characters (no line breaks, no right-to-left override that shows
    "gpj.exe" as "exe.jpg"), spaces collapsed, at most `limit` characters with its extension kept."""
    name = re.split(r"[/\\]", str(name or ""))[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(" " if c.isspace() or unicodedata.category(c)[0] == "Z" else c for c in name)
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = " ".join(name.split()).strip(" .")
    if len(name) > limit:
        suffix = PurePath(name).suffix[:10]
        name = name[: limit - len(suffix)].rstrip(" .") + suffix
    return name


def name_stem(original_name):
    """The uploader's name without the extension it claims ("agenda.pdf" → "agenda"): what serve() offers
    a file as, with the extension we wrote ("photo.jpg" is downloaded as "photo.webp" once re-encoded), so
    the name never claims another type than the content's."""
    stem = PurePath(original_name).stem if _claimed_extension(original_name) else original_name
    return stem or "file"


def _claimed_extension(name):
    """The type a file's name claims (".pdf"), or "" where its last dot starts no extension ("v1.2")."""
    suffix = PurePath(name).suffix.lower()
    return suffix if re.fullmatch(r"\.(?=[a-z0-9]*[a-z])[a-z0-9]{1,5}", suffix) else ""


def _check_name(name, found_label, extensions):
    claimed = _claimed_extension(name)
    if claimed and claimed not in extensions:
        _refuse(
            _(
                "“%(name)s” is named as %(claimed)s but holds %(found)s. Upload the file its name says, or "
                "correct its name."
            ),
            "name",
            name=name,
            claimed=claimed,
            found=found_label,
        )


def _zip_document(file):
    """What a ZIP-based office document says it is inside (a MIME type of DOCUMENT_TYPES, MACRO, or None
    for any other archive). Reads the archive's directory and one small member, decompresses nothing else."""
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            members = {info.filename: info for info in archive.infolist()}
            odf = members.get("mimetype")
            if odf is not None and odf.file_size <= 100:
                inside = archive.read(odf).decode("ascii", "replace").strip()
                return inside if inside in ODF_TYPES else None
            types = members.get("[Content_Types].xml")
            if types is None or types.file_size > CONTENT_TYPES_MAX_BYTES:
                return None
            declared = archive.read(types).decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        # RuntimeError: an encrypted member; NotImplementedError: a compression zipfile does not know.
        _refuse(_("The file could not be read: it is damaged or not a complete document."), "damaged")
    finally:
        file.seek(0)
    for element in re.findall(r"<Override\b([^>]*)>", declared):
        attributes = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', element))
        part, content_type = attributes.get("PartName", "").lstrip("/"), attributes.get("ContentType", "")
        if part in members and content_type in MACRO_PARTS:
            return MACRO
        if part in members and content_type in OOXML_MAIN_PARTS:
            return OOXML_MAIN_PARTS[content_type]
    return None


def _ole_has_macros(file):
    """Whether an Office 97–2003 compound file holds macros (a VBA storage in its directory). Reads the
    file's directory only (olefile), not its streams."""
    file.seek(0)
    try:
        with olefile.OleFileIO(file) as ole:
            paths = ole.listdir(streams=True, storages=True)
    except Exception:  # noqa: BLE001 (olefile raises many kinds on a damaged file: each is "damaged")
        _refuse(_("The file could not be read: it is damaged or not a complete document."), "damaged")
    finally:
        file.seek(0)
    return any(part.lower() in OLE_MACRO_STORAGES for path in paths for part in path)


def _document_type(file, found, rule):
    """The document type of `file` (libmagic said `found`), on the rule's list, or a ValidationError."""
    if found in OLE_TYPES and found in rule.types and _ole_has_macros(file):
        _refuse(
            _(
                "Documents with macros (.docm, .xlsm, .pptm, or a .doc or .xls with macros) are not accepted. "
                "Save it without macros (.docx…)."
            ),
            "macro",
        )
    if found in ZIP_BASED:
        inside = _zip_document(file)
        if inside == MACRO:
            _refuse(
                _("Documents with macros (.docm, .xlsm, .pptm) are not accepted. Save it without macros (.docx…)."),
                "macro",
            )
        if inside is None or (found != "application/zip" and found != inside):
            found = "application/zip"  # an archive, or one whose inside contradicts its first bytes
        else:
            found = inside
    if found in rule.types:
        return found
    if found in ACTIVE_TYPES:
        _refuse(ACTIVE_TYPES[found], "active")
    _refuse(
        _(
            "This file is not of a type accepted here (%(types)s): it holds %(found)s (its name does not count, "
            "its content does)."
        ),
        "type",
        types=rule.labels,
        found=found,
    )


def accept_file(file, rule):
    """Check an uploaded file against `rule` (a DocumentRule); return it (AcceptedFile), or raise a
    ValidationError saying what is wrong with it. The size first (nothing read past it), then the type from
    the content against the allow-list, then the name: one that claims another type than the content's is
    refused. An image is re-encoded by the rule's image rule (accept_image); a document is kept as it is."""
    _check_size(file, rule)
    found = sniff(file)
    name = clean_name(getattr(file, "name", ""))
    if rule.image is not None and found in rule.image.types:
        _check_name(name, _("an image: %(type)s") % {"type": IMAGE_TYPES[found][1]}, IMAGE_EXTENSIONS)
        image = accept_image(file, rule.image)
        return AcceptedFile(
            content_type=SERVED_TYPES[image.extension], extension=image.extension, size=len(image.content),
            original_name=name or "image", image=image,
        )  # fmt: skip
    found = _document_type(file, found, rule)
    kind = DOCUMENT_TYPES[found]
    _check_name(name, _("a document: %(type)s") % {"type": kind.label}, kind.extensions)
    claimed = _claimed_extension(name)
    extension = claimed if claimed in kind.extensions else kind.extensions[0]
    return AcceptedFile(
        content_type=found, extension=extension, size=file.size, original_name=name or "file", upload=file
    )


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


def store(field_file, accepted):
    """Write `accepted` (an AcceptedFile or AcceptedImage) to a model's FileField under a random name, now,
    inside the caller's transaction; the caller saves the row. Returns the stored name."""
    content = accepted.as_file() if isinstance(accepted, AcceptedFile) else ContentFile(accepted.content)
    field_file.save(f"upload{accepted.extension}", content, save=False)
    return field_file.name


class Written:
    """The files one service call has written (see deleted_on_error)."""

    def __init__(self):
        self.files = []

    def store(self, field_file, accepted):
        name = store(field_file, accepted)
        self.files.append((field_file.storage, name))
        return name

    def delete(self):
        for storage, name in self.files:
            storage.delete(name)


@contextmanager
def deleted_on_error():
    """For a service that stores several files in one transaction: `with uploads.deleted_on_error() as
    written, transaction.atomic():` and `written.store(row.file, accepted)`. If the block fails, its
    transaction rolls back and the files it wrote are deleted again, so a refused batch leaves nothing. (A
    caller's outer transaction rolled back later leaves at worst unreferenced files, never served.)"""
    written = Written()
    try:
        yield written
    except BaseException:
        written.delete()
        raise


def delete_after_commit(*field_files):
    """Delete the files once the caller's transaction commits (a rolled-back delete keeps them)."""
    for field_file in field_files:
        if field_file:
            name, storage = field_file.name, field_file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))


THUMBNAIL_SIDE = 480


def thumbnail(field_file, side=THUMBNAIL_SIDE):
    """A small copy of a stored image (one accept_image wrote: PNG or WebP), as an AcceptedImage to store."""
    extension = PurePath(field_file.name).suffix.lower()
    if extension not in SERVED_TYPES:
        raise ValueError(f"{field_file.name}: not an image accept_image wrote")
    with field_file.storage.open(field_file.name, "rb") as handle:
        content = handle.read()
    with Image.open(io.BytesIO(content), formats=[IMAGE_TYPES[SERVED_TYPES[extension]][0]]) as image:
        image.load()
        has_alpha = image.mode in ("RGBA", "LA", "PA")
        small = image.convert("RGBA" if has_alpha else "RGB")
    small.thumbnail((side, side), Image.Resampling.LANCZOS)
    encoded, extension = _encode(small)
    return AcceptedImage(content=encoded, extension=extension, width=small.width, height=small.height,
                         original_name=PurePath(field_file.name).name)  # fmt: skip


# --- serving ----------------------------------------------------------------------------------------


def serve(field_file, *, shared, download_name="image", types=SERVED_TYPES, kept=True):
    """Answer with a stored upload, after the view has checked who may see it. `shared`: the owner's page
    is public, so shared caches may keep the file; otherwise only the reader's browser does. Its URL names
    the file's random key, and a new upload gets a new one, so a day's caching shows no stale file.
    `types`: what the use stores, by extension (SERVED_TYPES: images; DOCUMENT_SERVED_TYPES: documents,
    which are always sent as attachments, downloaded, never shown in the page). `download_name` is the name
    the file is offered as, without its extension (the stored file's is added). `kept=False`: no cache
    keeps it at all (a report whose reader may lose access on the next request)."""
    if not field_file:
        raise Http404
    extension = PurePath(field_file.name).suffix.lower()
    content_type = types.get(extension)
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
    if not kept:
        patch_cache_control(response, private=True, no_store=True)
    elif shared:
        patch_cache_control(response, public=True, max_age=DAY)
    else:
        patch_cache_control(response, private=True, max_age=DAY)
    return response
