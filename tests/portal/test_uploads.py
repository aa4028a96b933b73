"""portal/uploads.py, the floor every upload goes through: the type told from the content (never the name),
an allow-list per use, the size and pixel limits checked before anything is decoded, the image re-encoded
so nothing of the upload but its pixels is stored, random names, and serving with the right headers."""

import io
import struct
import zipfile
import zlib
from pathlib import PurePath

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from portal import uploads
from portal.uploads import LOGO


def image_bytes(fmt="PNG", size=(40, 20), mode="RGB", colour="red", **save):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, fmt, **save)
    return buffer.getvalue()


def upload(content, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width, height):
    """A small valid PNG whose header declares width × height pixels (its CRCs right, its data a few
    bytes): what a decompression bomb looks like before anything is decoded."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    data = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", data) + _chunk(b"IEND", b"")


def refusal(content, **kwargs):
    with pytest.raises(ValidationError) as error:
        uploads.accept_image(upload(content, **kwargs), LOGO)
    return " ".join(error.value.messages)


# --- the type, from the content ------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "mime"), [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")])
def test_each_allowed_type_is_told_by_its_content(fmt, mime):
    assert uploads.sniff(upload(image_bytes(fmt))) == mime
    accepted = uploads.accept_image(upload(image_bytes(fmt), name="x"), LOGO)
    assert (accepted.width, accepted.height) == (40, 20)


def test_a_png_named_exe_and_sent_as_a_program_is_accepted_as_a_png():
    accepted = uploads.accept_image(
        upload(image_bytes("PNG"), name="setup.exe", content_type="application/x-msdownload"), LOGO
    )
    assert accepted.extension == ".png"
    assert Image.open(io.BytesIO(accepted.content)).format == "PNG"


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "text/html"),
        (b"MZ\x90\x00" + b"\x00" * 200, "application/x-dosexec"),
        (image_bytes("GIF"), "image/gif"),  # an image, but not on the logo's list
    ],
)
def test_other_content_named_png_is_refused_naming_what_it_is(content, found):
    message = refusal(content, name="logo.png", content_type="image/png")
    assert "This file is not a PNG, JPEG or WebP image" in message
    assert found in message


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>',
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ],
)
def test_svg_is_never_accepted_whatever_its_name(svg):
    assert "SVG images are not accepted: an SVG file can carry scripts" in refusal(svg, name="logo.png")


# --- size and pixels -------------------------------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_before_it_is_read(settings, monkeypatch):
    settings.UPLOAD_LOGO_MAX_BYTES = 1024 * 1024
    content = image_bytes("PNG") + b"\x00" * 1024 * 1024
    monkeypatch.setattr(uploads, "sniff", lambda file: pytest.fail("read a file over the limit"))
    assert "it may be at most 1.0\xa0MB" in refusal(content)


def test_the_limit_is_a_setting(settings):
    settings.UPLOAD_LOGO_MAX_BYTES = 100
    assert "it may be at most 100\xa0bytes" in refusal(image_bytes("PNG", size=(300, 300), mode="RGB", colour=None))


def test_an_empty_file_is_refused():
    assert "The file is empty." in refusal(b"")


def test_a_decompression_bomb_is_refused_from_its_header(monkeypatch):
    bomb = png_declaring(5_000, 5_000)  # 25 million pixels (100 MB decoded as RGBA) in 150 bytes
    assert len(bomb) < 200 and uploads.sniff(upload(bomb)) == "image/png"
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded a bomb"))
    assert "The image is 5000 × 5000 pixels; it may have at most 16 million pixels." in refusal(bomb)


def test_an_image_past_pillows_own_guard_is_refused_too():
    # Pillow itself refuses past 2 × Image.MAX_IMAGE_PIXELS (89 million) while opening, before our check.
    assert "more than 16 million pixels" in refusal(png_declaring(200_000, 200_000))


def test_a_truncated_image_is_refused_as_damaged():
    content = image_bytes("PNG", size=(200, 200), colour=None)
    assert "The image could not be read: the file is damaged" in refusal(content[: len(content) // 2])


def test_a_png_with_a_broken_checksum_is_refused_as_damaged():
    content = bytearray(png_declaring(10, 10))
    content[29] ^= 0xFF  # inside IHDR's CRC
    assert "The image could not be read" in refusal(bytes(content))


# --- re-encoded: only the pixels survive -----------------------------------------------------------------


def test_metadata_and_trailing_content_do_not_survive():
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Maker"  # Make
    jpeg = image_bytes("JPEG", exif=exif.tobytes())
    polyglot = jpeg + b"<script>alert(1)</script>"
    accepted = uploads.accept_image(upload(polyglot, name="photo.jpg"), LOGO)
    assert b"Secret Camera Maker" not in accepted.content and b"<script>" not in accepted.content
    stored = Image.open(io.BytesIO(accepted.content))
    assert stored.format == "PNG" and not stored.getexif()


def test_the_exif_orientation_is_applied_before_it_is_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to show
    accepted = uploads.accept_image(upload(image_bytes("JPEG", size=(40, 20), exif=exif.tobytes())), LOGO)
    assert (accepted.width, accepted.height) == (20, 40)


def test_a_large_image_is_stored_at_most_max_side_a_side():
    accepted = uploads.accept_image(upload(image_bytes("PNG", size=(2000, 1000))), LOGO)
    assert (accepted.width, accepted.height) == (512, 256)
    assert Image.open(io.BytesIO(accepted.content)).size == (512, 256)


def test_transparency_is_kept():
    accepted = uploads.accept_image(upload(image_bytes("PNG", mode="RGBA", colour=(0, 0, 0, 0))), LOGO)
    assert Image.open(io.BytesIO(accepted.content)).mode == "RGBA"


def test_a_photograph_is_stored_as_webp_to_stay_small():
    noise = Image.effect_noise((512, 512), 80).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    accepted = uploads.accept_image(upload(buffer.getvalue()), LOGO)
    assert accepted.extension == ".webp" and len(accepted.content) < uploads.PNG_BUDGET


# --- stored under a random name, the old file deleted after commit ---------------------------------------


def test_random_names_say_nothing_of_the_file():
    names = {uploads.random_name("logos", ".png") for _ in range(50)}
    assert len(names) == 50
    assert all(len(name) == len("logos/") + 32 + len(".png") for name in names)
    assert uploads.RandomName("logos")(None, "../../Secret Plan.PNG").endswith(".png")
    assert "Secret" not in uploads.RandomName("logos")(None, "Secret.png")


@pytest.mark.django_db(transaction=True)
def test_replace_deletes_the_old_file_only_after_commit(media_root):
    from network.models import Network
    from tests.factories import NetworkFactory

    network = NetworkFactory()
    first = uploads.accept_image(upload(image_bytes("PNG")), LOGO)
    with transaction.atomic():
        uploads.replace(network.logo, first)
        Network.objects.filter(pk=network.pk).update(logo=network.logo.name)
    old = media_root / network.logo.name
    assert old.exists()

    with transaction.atomic():
        uploads.replace(network.logo, uploads.accept_image(upload(image_bytes("JPEG")), LOGO))
        assert old.exists()  # the row still names it until the change commits
    assert not old.exists()
    assert (media_root / network.logo.name).exists()

    kept = network.logo.name
    with pytest.raises(RuntimeError), transaction.atomic():
        uploads.replace(network.logo, None)
        raise RuntimeError("rolled back")
    assert (media_root / kept).exists()  # a rolled-back removal deletes nothing


# --- served (the headers the floor sets itself, whatever the middleware adds) ----------------------------


class _Stored:
    """A FieldFile stand-in: a name in the storage."""

    def __init__(self, name):
        from django.core.files.storage import default_storage

        self.name, self.storage = name, default_storage

    def __bool__(self):
        return bool(self.name)


def _store(media_root, name, content):
    (media_root / "logos").mkdir(parents=True, exist_ok=True)
    (media_root / name).write_bytes(content)
    return _Stored(name)


def test_serve_sets_the_type_it_wrote_nosniff_and_a_sandbox(media_root):
    field_file = _store(media_root, "logos/" + "a" * 32 + ".png", image_bytes("PNG"))

    response = uploads.serve(field_file, shared=False, download_name="cgn-logo")

    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="cgn-logo.png"'
    assert response["Content-Security-Policy"] == uploads.FILE_CSP
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["Cache-Control"] == "private, max-age=86400"


def test_serve_answers_404_for_a_type_it_never_writes_or_a_missing_file(media_root):
    from django.http import Http404

    with pytest.raises(Http404):  # an .html (or .svg) file in the storage is never served, whoever put it there
        uploads.serve(_store(media_root, "logos/x.html", b"<script>alert(1)</script>"), shared=True)
    with pytest.raises(Http404):
        uploads.serve(_Stored("logos/" + "b" * 32 + ".png"), shared=True)
    with pytest.raises(Http404):
        uploads.serve(_Stored(""), shared=True)


# --- documents (accept_file): real files, built here -------------------------------------------------------


def real_pdf(pages=1):
    """A small, valid PDF (catalog, page tree, pages, cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + i) for i in range(pages)), pages),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages  # fmt: skip
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


OOXML = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
    "docm": ("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
}


def real_ooxml(kind="docx", content_types_first=True):
    """A Word (or Excel, PowerPoint) file as Office writes it: a ZIP with [Content_Types].xml naming its main
    part. `content_types_first=False` writes the members in another order, as some programs do."""
    part, content_type = OOXML[kind]
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{part}"/></Relationships>'
    )
    members = [
        ("[Content_Types].xml", types),
        ("_rels/.rels", rels),
        (part, "<document>Agenda of the training</document>"),
    ]
    if not content_types_first:
        members = members[1:] + members[:1]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members:
            archive.writestr(name, text)
    return buffer.getvalue()


def real_xlsx():
    """A spreadsheet written by XlsxWriter (the library the exports use)."""
    import xlsxwriter

    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.add_worksheet().write_row(0, 0, ["Name", "Organisation"])
    workbook.close()
    return buffer.getvalue()


def real_odf(mimetype="application/vnd.oasis.opendocument.text"):
    """An OpenDocument file: a ZIP whose first member, stored uncompressed, is "mimetype"."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>", zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/readme.txt", "holiday")
    return buffer.getvalue()


# The compound file (OLE2) of Office 97–2003: a sector allocation table, a directory, the streams.
_FREE, _END, _FAT_SECTOR, _NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def real_ole(streams, storages=()):
    """A compound file as Office 97–2003 writes it, reduced to what a reader needs: version 3 (512-byte
    sectors), sector 0 the allocation table, sector 1 the directory (the root, then `streams` {name: bytes},
    each padded to 4,096 bytes so it lives in regular sectors, then empty `storages`), the streams after.
    libmagic names the program from the streams ("WordDocument": Word, "Workbook": Excel)."""
    entries = [("Root Entry", 5, _END, 0)]  # (name, type: 5 root, 2 stream, 1 storage; first sector, size)
    data, sector, fat = b"", 2, [_FAT_SECTOR, _END]
    for name, content in streams.items():
        content = content.ljust(max(4096, -(-len(content) // 512) * 512), b"\0")
        count = len(content) // 512
        fat += [sector + i + 1 for i in range(count - 1)] + [_END]
        entries.append((name, 2, sector, len(content)))
        data, sector = data + content, sector + count
    entries += [(name, 1, 0, 0) for name in storages]
    assert len(entries) <= 4 and len(fat) <= 128  # one directory sector, one allocation sector

    def entry(index, name, kind, start, size):
        encoded = (name + "\0").encode("utf-16-le") if name else b""
        child = 1 if kind == 5 and len(entries) > 1 else _NO_STREAM  # the root's children: a chain of
        right = index + 1 if 0 < index < len(entries) - 1 else _NO_STREAM  # right siblings, all black
        return (
            encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", _NO_STREAM, right, child) + b"\0" * 36 + struct.pack("<IQ", start, size)
        )  # fmt: skip

    directory = b"".join(entry(i, *e) for i, e in enumerate(entries)) + entry(0, "", 0, 0, 0) * (4 - len(entries))
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        # directory sectors (0 in version 3), allocation sectors, the first directory sector, a transaction
        # number, the mini stream cutoff, the mini allocation table (none), the extra allocation list (none)
        + struct.pack("<9I", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108  # the allocation table is in sector 0
    )  # fmt: skip
    table = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", _FREE) * (128 - len(fat))
    return header + table + directory + data


def real_doc(storages=()):
    return real_ole({"WordDocument": b"\xec\xa5\xc1\x00" + b"Minutes of the meeting. " * 50}, storages)


def real_xls(storages=()):
    return real_ole({"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00" + b"\x00" * 200}, storages)


HTML = b"<!DOCTYPE html><html><head><title>Report</title></head><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'
CSV = "Name,Organisation,Women\nAna,Škola Ljubljana,1\nBeka,Youth Forum,0\n".encode()


def accept(content, name, rule=uploads.ENTRY_ATTACHMENT):
    return uploads.accept_file(upload(content, name=name, content_type="application/octet-stream"), rule)


def refused(content, name, rule=uploads.ENTRY_ATTACHMENT):
    with pytest.raises(ValidationError) as error:
        accept(content, name, rule)
    return " ".join(error.value.messages)


@pytest.mark.parametrize(
    ("content", "name", "mime", "extension"),
    [
        (real_pdf(), "agenda.pdf", "application/pdf", ".pdf"),
        (real_ooxml("docx"), "report.docx", uploads.DOCX, ".docx"),
        (real_ooxml("docx", content_types_first=False), "report.docx", uploads.DOCX, ".docx"),  # libmagic: a ZIP
        (real_ooxml("pptx", content_types_first=False), "slides.pptx", uploads.PPTX, ".pptx"),
        (real_xlsx(), "participants.xlsx", uploads.XLSX, ".xlsx"),
        (real_odf(), "minutes.odt", uploads.ODT, ".odt"),
        (real_odf(uploads.ODS), "budget.ods", uploads.ODS, ".ods"),
        (CSV, "participants.csv", "text/csv", ".csv"),
        (b"Notes of the meeting.\nNext steps: a second workshop.\n", "notes.txt", "text/plain", ".txt"),
        (real_doc(), "minutes.doc", "application/msword", ".doc"),  # Word 97–2003
        (real_xls(), "participants.xls", "application/vnd.ms-excel", ".xls"),  # Excel 97–2003
        (real_xls(), "participants", "application/vnd.ms-excel", ".xls"),
        (real_pdf(), "agenda", "application/pdf", ".pdf"),  # no extension: the type's own
        (real_pdf(), "Agenda v1.2", "application/pdf", ".pdf"),  # "v1.2" claims no type
    ],
)
def test_each_accepted_document_is_told_by_its_content(content, name, mime, extension):
    accepted = accept(content, name)
    assert (accepted.content_type, accepted.extension, accepted.original_name) == (mime, extension, name)
    assert accepted.image is None and accepted.as_file().read() == content  # a document is kept as it came


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (real_ooxml("docx"), "report.pdf", "“report.pdf” is named as .pdf but holds a document: Word."),
        (real_pdf(), "report.docx", "“report.docx” is named as .docx but holds a document: PDF."),
        (image_bytes("PNG"), "scan.pdf", "“scan.pdf” is named as .pdf but holds an image: PNG."),
        (real_pdf(), "agenda.exe", "“agenda.exe” is named as .exe but holds a document: PDF."),
    ],
)
def test_a_name_claiming_another_type_than_the_content_is_refused(content, name, message):
    assert message in refused(content, name)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (HTML, "report.pdf", "HTML files are not accepted: a web page can carry scripts."),
        (SVG, "chart.pdf", "SVG images are not accepted: an SVG file can carry scripts."),
        (SVG, "chart.svg", "SVG images are not accepted"),
        (plain_zip(), "photos.zip", "it holds application/zip"),
        (real_ooxml("docm"), "report.docx", "Documents with macros (.docm, .xlsm, .pptm) are not accepted"),
        (b"MZ\x90\x00" + b"\x00" * 200, "agenda.pdf", "it holds application/x-dosexec"),
        (image_bytes("GIF"), "chart.gif", "it holds image/gif"),
        (real_ooxml("docx")[:300], "report.docx", "The file could not be read: it is damaged"),
    ],
    ids=["html-named-pdf", "svg-named-pdf", "svg", "zip", "macros", "program", "gif", "truncated-docx"],
)
def test_other_content_is_refused_whatever_its_name(content, name, message):
    assert message in refused(content, name)


def test_a_legacy_office_file_is_told_by_its_streams_and_named_by_them():
    """A compound file libmagic cannot place (no Word, Excel or PowerPoint stream) could hold anything: refused,
    as is a Word 97–2003 file named as an Excel one."""
    unknown = real_ole({"Contents": b"z" * 5000})
    assert "it holds application/x-ole-storage" in refused(unknown, "minutes.doc")
    assert "“budget.xls” is named as .xls but holds a document: Word 97–2003." in refused(real_doc(), "budget.xls")
    assert "“minutes.doc” is named as .doc but holds a document: Excel 97–2003." in refused(real_xls(), "minutes.doc")


@pytest.mark.parametrize(("content", "name"), [(real_doc(storages=["Macros"]), "minutes.doc"),
                                               (real_xls(storages=["_VBA_PROJECT_CUR"]), "budget.xls")])  # fmt: skip
def test_a_legacy_office_file_with_macros_is_refused(content, name):
    assert "Documents with macros (.docm, .xlsm, .pptm, or a .doc or .xls with macros) are not accepted." in refused(
        content, name
    )


def test_a_compound_file_olefile_cannot_read_is_refused_as_damaged():
    """libmagic names a file from its first sectors; olefile then reads its directory, and a directory it
    cannot read is the damaged-file message, never an error page."""
    broken = bytearray(real_doc())
    broken[48:52] = (0x7FFFFF).to_bytes(4, "little")  # the directory's first sector: far past the end
    with pytest.raises(ValidationError) as error:
        uploads._ole_has_macros(io.BytesIO(bytes(broken)))
    assert error.value.messages == ["The file could not be read: it is damaged or not a complete document."]


def test_a_legacy_document_that_only_mentions_macros_is_accepted():
    """The directory is read, not the text: a Word 97–2003 file about macros is a document like any other."""
    about = real_ole({"WordDocument": b"\xec\xa5\xc1\x00" + "Macros and _VBA_PROJECT_CUR ".encode("utf-16-le") * 40},
                     storages=["ObjectPool"])  # fmt: skip
    assert accept(about, "macros.doc").content_type == "application/msword"


def test_the_refusal_lists_what_is_accepted():
    message = refused(b"MZ\x90\x00" + b"\x00" * 200, "x.pdf")
    assert "This file is not of a type accepted here (PDF, Word, Excel, PowerPoint, OpenDocument, CSV, " in message
    assert "or a PNG, JPEG or WebP image)" in message


def test_an_image_among_documents_is_re_encoded_and_named_by_what_it_became():
    exif = Image.Exif()
    exif[0x010F] = "Secret Camera Maker"
    jpeg = image_bytes("JPEG", size=(3000, 1500), exif=exif.tobytes()) + b"<script>alert(1)</script>"
    accepted = accept(jpeg, "flipchart.jpg")
    assert accepted.image is not None and accepted.extension in (".png", ".webp")
    assert (accepted.image.width, accepted.image.height) == (2048, 1024)  # ENTRY_IMAGE.max_side
    stored = accepted.as_file().read()
    assert b"Secret Camera Maker" not in stored and b"<script>" not in stored
    assert accepted.content_type == uploads.SERVED_TYPES[accepted.extension] and accepted.size == len(stored)
    assert accept(image_bytes("PNG"), "photo.jpeg").extension == ".png"  # any image extension is a picture's


def test_photos_take_images_only():
    assert "This file is not of a type accepted here (a PNG, JPEG or WebP image)" in refused(
        real_pdf(), "photo.pdf", uploads.ENTRY_PHOTO
    )
    assert accept(image_bytes("WEBP"), "photo.webp", uploads.ENTRY_PHOTO).image is not None


def test_a_document_over_the_limit_is_refused_before_it_is_read(settings, monkeypatch):
    settings.UPLOAD_ENTRY_FILE_MAX_BYTES = 1000
    monkeypatch.setattr(uploads, "sniff", lambda file: pytest.fail("read a file over the limit"))
    assert "it may be at most 1000\xa0bytes" in refused(real_pdf() + b"\x00" * 1000, "agenda.pdf")


def test_a_photo_declaring_too_many_pixels_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(Image.Image, "load", lambda self: pytest.fail("decoded a bomb"))
    message = refused(png_declaring(8_000, 6_000), "photo.png", uploads.ENTRY_PHOTO)
    assert "The image is 8000 × 6000 pixels; it may have at most 40 million pixels." in message


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("C:\\fakepath\\agenda.pdf", "agenda.pdf"),
        ("../../etc/passwd", "passwd"),
        ("report\r\nSet-Cookie: x=1.pdf", "report Set-Cookie: x=1.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),  # the right-to-left override that shows "exe.pdf"
        ("  Poročilo\u00a0o delavnici.pdf  ", "Poročilo o delavnici.pdf"),
        ("." * 3 + "hidden.pdf", "hidden.pdf"),
        ("a" * 300 + ".pdf", "a" * 146 + ".pdf"),
    ],
)
def test_clean_name_makes_a_name_safe_to_show_and_to_send(name, clean):
    assert uploads.clean_name(name) == clean


def test_name_stem_drops_only_a_real_extension():
    assert uploads.name_stem("agenda.pdf") == "agenda"
    assert uploads.name_stem("Agenda v1.2") == "Agenda v1.2"
    assert uploads.name_stem("") == "file"


class _Field:
    """A model's FileField stand-in: saves through the storage under a random name."""

    storage, name = default_storage, ""

    def save(self, name, content, save):
        self.name = default_storage.save(uploads.random_name("entries", PurePath(name).suffix), content)


def test_files_written_in_a_failed_block_are_deleted_again(media_root):
    accepted = [accept(real_pdf(), "agenda.pdf"), accept(image_bytes("PNG"), "photo.png")]
    with pytest.raises(RuntimeError), uploads.deleted_on_error() as written:
        names = [written.store(_Field(), item) for item in accepted]
        assert all((media_root / name).exists() for name in names)
        raise RuntimeError("the next file was refused")
    assert not any((media_root / name).exists() for name in names)


@pytest.mark.parametrize(
    ("stored", "mime", "disposition"),
    [
        ("entries/" + "c" * 32 + ".pdf", "application/pdf", 'attachment; filename="Agenda.pdf"'),
        ("entries/" + "d" * 32 + ".docx", uploads.DOCX, 'attachment; filename="Agenda.docx"'),
        ("entries/" + "e" * 32 + ".csv", "text/csv", 'attachment; filename="Agenda.csv"'),
        ("entries/" + "f" * 32 + ".webp", "image/webp", 'inline; filename="Agenda.webp"'),
    ],
)
def test_documents_are_served_as_downloads_and_images_inline(media_root, stored, mime, disposition):
    (media_root / "entries").mkdir(parents=True, exist_ok=True)
    (media_root / stored).write_bytes(b"content")

    response = uploads.serve(_Stored(stored), shared=False, download_name="Agenda", types=uploads.DOCUMENT_SERVED_TYPES)

    assert response["Content-Type"] == mime
    assert response["Content-Disposition"] == disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == uploads.FILE_CSP
    assert response["Cache-Control"] == "private, max-age=86400"


def test_a_document_is_never_served_where_only_images_are(media_root):
    from django.http import Http404

    (media_root / "logos").mkdir(parents=True, exist_ok=True)
    (media_root / "logos/x.pdf").write_bytes(real_pdf())
    with pytest.raises(Http404):
        uploads.serve(_Stored("logos/x.pdf"), shared=True)
    for name in ("entries/x.html", "entries/x.svg", "entries/x.htm", "entries/x.xhtml"):
        with pytest.raises(Http404):
            uploads.serve(_Stored(name), shared=False, types=uploads.DOCUMENT_SERVED_TYPES)
