"""portal/uploads.py, the floor every upload goes through: the type told from the content (never the name),
an allow-list per use, the size and pixel limits checked before anything is decoded, the image re-encoded
so nothing of the upload but its pixels is stored, random names, and serving with the right headers."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
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
