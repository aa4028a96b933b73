"""The PDF floor (portal/pdf.py): nothing a document names leaves the machine or reads a file we did not mean.

Hostile payloads go in user content; a canary HTTP server on 127.0.0.1 counts every request it gets and a
canary file holds a unique marker. Each payload is rendered twice: with bare WeasyPrint (its default
fetcher), which must reach the canary (so the payload is a real one and the test can fail), and with
`render_pdf`, which must not (0 hits, not a byte of the marker in the PDF or its text, no attachment).
Then what must work does: a data: image, a static file, a media file; fonts with real glyphs.
"""

import base64
import io
import os
import re
import shutil
import subprocess
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import weasyprint
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from portal import pdf
from portal.pdf import ResourceRefused, SafeURLFetcher, render_pdf
from tests.factories import NetworkFactory

IN_CI = os.environ.get("CI", "").lower() == "true"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfimages", "pdfdetach"))
needs_poppler = pytest.mark.skipif(not POPPLER and not IN_CI, reason="poppler-utils not installed")


def _tool(*args):
    return subprocess.run(args, check=True, capture_output=True, timeout=60).stdout.decode()


def pdf_text(data, tmp_path):
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    if shutil.which("pdftotext"):
        return _tool("pdftotext", "-enc", "UTF-8", str(path), "-")
    return data.decode("latin-1")


def image_count(data, tmp_path):
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    listing = _tool("pdfimages", "-list", str(path)).splitlines()
    return len(listing) - 2  # two header lines


def attachment_count(data, tmp_path):
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    first = _tool("pdfdetach", "-list", str(path)).splitlines()[0]  # "N embedded files"
    return int(first.split()[0])


def png_bytes(colour=(200, 30, 30), size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


# --- the canaries -------------------------------------------------------------------------------------


class Canary:
    def __init__(self, tmp_path):
        self.marker = f"CANARY{uuid.uuid4().hex}"
        self.hits = []
        self.css = f'body::after {{ content: "{self.marker}"; }}'
        self.svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40">'
            f'<text x="5" y="30" font-size="12">{self.marker}</text></svg>'
        )
        self.dir = tmp_path / "canary"
        self.dir.mkdir()
        (self.dir / "canary.txt").write_text(self.marker)
        (self.dir / "canary.css").write_text(self.css)
        (self.dir / "canary.svg").write_text(self.svg)
        self.file = f"file://{self.dir}"
        canary = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                canary.hits.append(self.path)
                if "to-file" in self.path:
                    return self._answer(302, b"", location=f"{canary.file}/canary.svg")
                if "to-loopback" in self.path:
                    return self._answer(302, b"", location=f"{canary.url}/img.svg")
                if self.path.endswith(".css"):
                    return self._answer(200, canary.css.encode(), "text/css")
                return self._answer(200, canary.svg.encode(), "image/svg+xml")

            def _answer(self, status, body, content_type="text/plain", location=None):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                if location:
                    self.send_header("Location", location)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def leaked(self, data, tmp_path):
        """What of the canaries reached the PDF: the marker in its bytes or text, or an attachment."""
        found = []
        if self.marker.encode() in data:
            found.append("marker in the PDF bytes")
        if self.marker in pdf_text(data, tmp_path):
            found.append("marker in the PDF text")
        if shutil.which("pdfdetach") and attachment_count(data, tmp_path):
            found.append("an attachment")
        return found


@pytest.fixture
def canary(tmp_path):
    canary = Canary(tmp_path)
    yield canary
    canary.close()


def _data_svg(inner):
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">{inner}</svg>'
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


# name -> (HTML body, whether bare WeasyPrint reaches a canary with it: False where nothing would be
# fetched even without our fetcher, e.g. a link or an iframe, which WeasyPrint does not load)
PAYLOADS = {
    "img http": ('<img src="{url}/img.svg">', True),
    "link stylesheet": ('<link rel="stylesheet" href="{url}/style.css"><p>x</p>', True),
    "style @import": ('<style>@import url("{url}/style.css");</style><p>x</p>', True),
    "css background-image": (
        "<div style=\"background-image: url('{url}/img.svg'); width: 300px; height: 40px\"></div>",
        True,
    ),
    "@font-face": (
        '<style>@font-face {{ font-family: x; src: url("{url}/f.ttf") }} p {{ font-family: x }}</style><p>x</p>',
        True,
    ),
    "inline svg image": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40">'
        '<image href="{url}/img.svg" width="300" height="40"/></svg>',
        True,
    ),
    "data: svg with image": ('<img src="{data_svg}">', True),
    "protocol-relative img": ('<img src="//127.0.0.1:{port}/img.svg">', True),
    "base href": ('<base href="{url}/"><img src="img.svg">', True),
    "foreign origin, static path": ('<link rel="stylesheet" href="{url}/static/css/partnera.css"><p>x</p>', True),
    "foreign origin, media path": ('<img src="{url}/media/logo.svg">', True),
    "redirect to file": ('<img src="{url}/to-file.svg">', True),
    "redirect to loopback": ('<img src="{url}/to-loopback.svg">', True),
    "a href file": ('<a href="{file}/canary.txt">see</a>', False),
    "img file": ('<img src="{file}/canary.svg">', True),
    "link stylesheet file": ('<link rel="stylesheet" href="{file}/canary.css"><p>x</p>', True),
    "attachment file": ('<a rel="attachment" href="{file}/canary.txt">file</a>', True),
    "iframe file": ('<iframe src="{file}/canary.svg"></iframe>', False),
    "object file": ('<object data="{file}/canary.svg" type="image/svg+xml"></object>', True),
    "embed file": ('<embed src="{file}/canary.svg" type="image/svg+xml">', True),
    "ftp": ('<img src="ftp://127.0.0.1:{port}/img.svg">', False),  # bare urllib would wait on the server
}


def _payload(name, canary):
    body, reaches = PAYLOADS[name]
    port = canary.server.server_address[1]
    data_svg = _data_svg(f'<image href="{canary.url}/img.svg" width="40" height="40"/>')
    html = body.format(url=canary.url, file=canary.file, port=port, data_svg=data_svg)
    return f"<html><body><p>Report</p>{html}</body></html>", reaches


@needs_poppler
@pytest.mark.parametrize("name", [name for name, (_, reaches) in PAYLOADS.items() if reaches])
def test_the_payload_reaches_the_canary_without_our_fetcher(name, canary, tmp_path):
    """The control: with WeasyPrint's own fetcher each payload hits the server or leaks the file."""
    html, _ = _payload(name, canary)
    data = weasyprint.HTML(string=html, base_url="http://127.0.0.1:8000/").write_pdf()
    assert canary.hits or canary.leaked(data, tmp_path), name


@pytest.mark.parametrize("name", PAYLOADS)
def test_render_pdf_fetches_nothing_a_payload_names(name, canary, tmp_path):
    html, _ = _payload(name, canary)
    data = render_pdf(html)
    assert data.startswith(b"%PDF-")
    assert canary.hits == []
    assert canary.leaked(data, tmp_path) == []
    assert "Report" in pdf_text(data, tmp_path) or not shutil.which("pdftotext")


def test_every_payload_at_once_and_in_a_stylesheet(canary, tmp_path):
    html = "".join(_payload(name, canary)[0] for name in PAYLOADS)
    data = render_pdf(
        html,
        stylesheets=[
            f'@import url("{canary.url}/style.css"); @import url("{canary.file}/canary.css");',
            f"body {{ background: url('{canary.url}/img.svg') }}",
        ],
    )
    assert canary.hits == []
    assert canary.leaked(data, tmp_path) == []


def test_our_own_origin_is_read_from_storage_never_over_http(canary, settings, tmp_path, media_root):
    """Even on our own origin (here the canary's: SITE_URL), static and media paths never go to the network:
    an allowed-looking URL the server would redirect to loopback or to a file is only looked up locally."""
    settings.SITE_URL = canary.url
    html = (
        '<link rel="stylesheet" href="/static/css/partnera.css">'
        '<img src="/static/to-loopback.svg"><img src="/media/to-file.svg">'
        f'<img src="{canary.url}/media/to-loopback.svg"><p>Report</p>'
    )
    data = render_pdf(html)
    assert canary.hits == []
    assert canary.leaked(data, tmp_path) == []


# --- what the fetcher serves and refuses, one URL at a time -----------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/static/%2e%2e/portal/settings.py",
        "http://127.0.0.1:8000/static/css/%2E%2E/%2e%2e/%2e%2e/portal/settings.py",
        "http://127.0.0.1:8000/static/..%2fportal%2fsettings.py",
        "http://127.0.0.1:8000/static/css%5c..%5c..%5cportal%5csettings.py",
        "http://127.0.0.1:8000/static/%2fetc%2fpasswd",
        "http://127.0.0.1:8000/static/./css/partnera.css",
        "http://127.0.0.1:8000/static/css//partnera.css",
        "http://127.0.0.1:8000/media/%2e%2e/secret.svg",
        "http://127.0.0.1:8000/media/..%2Fsecret.svg",
        "http://127.0.0.1:8000/media/%2Ftmp%2Fsecret.svg",
        "http://127.0.0.1:8000/media/a%00b.png",
    ],
)
def test_the_fetcher_refuses_traversal(url, media_root):
    (media_root.parent / "secret.svg").write_text("<svg/>")
    with pytest.raises(ResourceRefused, match="unsafe path"):
        SafeURLFetcher().fetch(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "ftp://127.0.0.1/x",
        "gopher://127.0.0.1/x",
        "javascript:alert(1)",
        "http://127.0.0.1:8001/static/css/partnera.css",  # another port is another origin
        "http://localhost:8000/static/css/partnera.css",
        "https://127.0.0.1:8000/static/css/partnera.css",
        "http://127.0.0.1:8000/admin/",
        "http://127.0.0.1:8000/staticx/css/partnera.css",
    ],
)
def test_the_fetcher_refuses_everything_else(url):
    with pytest.raises(ResourceRefused):
        SafeURLFetcher().fetch(url)


def test_the_fetcher_opens_nothing_through_urllib():
    with pytest.raises(ResourceRefused):
        SafeURLFetcher().open("http://127.0.0.1:1/")


def test_the_fetcher_serves_our_static_and_media_files(media_root, settings):
    stored = default_storage.save("pdf/logo.png", ContentFile(png_bytes()))
    fetcher = SafeURLFetcher()
    css = fetcher.fetch("http://127.0.0.1:8000/static/css/partnera.css")
    assert css.read() == open(finders.find("css/partnera.css"), "rb").read()
    assert css.content_type == "text/css"
    media = fetcher.fetch(f"http://127.0.0.1:8000/media/{stored}")
    assert media.read() == png_bytes()
    assert media.content_type == "image/png"
    # The caller's base URL is our origin too (relative URLs resolve against it).
    other = SafeURLFetcher(base_url="https://partnera.example/")
    assert other.fetch(f"https://partnera.example/media/{stored}").read() == png_bytes()
    with pytest.raises(ResourceRefused):
        fetcher.fetch(f"https://partnera.example/media/{stored}")


def test_the_fetcher_reads_collected_static_files_in_production(settings, tmp_path):
    """With DEBUG off, the collected files (STATIC_ROOT, hashed names only the storage knows) come first."""
    collected = tmp_path / "collected"
    (collected / "css").mkdir(parents=True)
    (collected / "css" / "partnera.0123abcd.css").write_text("p { color: red }")
    (collected / "css" / "partnera.css").write_text("/* collected */")
    settings.STATIC_ROOT = str(collected)
    settings.DEBUG = False
    fetcher = SafeURLFetcher()
    assert fetcher.fetch("http://127.0.0.1:8000/static/css/partnera.0123abcd.css").read() == b"p { color: red }"
    assert fetcher.fetch("http://127.0.0.1:8000/static/css/partnera.css").read() == b"/* collected */"
    settings.DEBUG = True  # development: the finders, as runserver serves them
    assert fetcher.fetch("http://127.0.0.1:8000/static/css/partnera.css").read() != b"/* collected */"


def test_the_fetcher_decodes_data_urls():
    fetcher = SafeURLFetcher()
    png = fetcher.fetch("data:image/png;base64," + base64.b64encode(png_bytes()).decode())
    assert (png.read(), png.content_type) == (png_bytes(), "image/png")
    text = fetcher.fetch("data:,p%20%7B%20color%3A%20red%20%7D")
    assert (text.read(), text.content_type) == (b"p { color: red }", "text/plain")
    with pytest.raises(ResourceRefused):
        fetcher.fetch("data:image/png;base64")


def test_render_pdf_takes_stylesheets_as_css_source_only():
    with pytest.raises(TypeError):
        render_pdf("<p>x</p>", stylesheets=[weasyprint.CSS(string="p { color: red }")])


# --- what must be embedded is ---------------------------------------------------------------------------


@needs_poppler
def test_a_data_png_is_embedded(tmp_path):
    src = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    assert image_count(render_pdf("<p>x</p>"), tmp_path) == 0
    assert image_count(render_pdf(f'<p>x</p><img src="{src}">'), tmp_path) == 1


@needs_poppler
def test_a_static_file_is_embedded(settings, tmp_path):
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    (static / "img" / "mark.png").write_bytes(png_bytes((20, 120, 200)))
    settings.STATICFILES_DIRS = [str(static)]  # the finders' cache is cleared on the change
    data = render_pdf('<p>x</p><img src="/static/img/mark.png">')
    assert image_count(data, tmp_path) == 1


def test_media_url_names_a_stored_file_by_the_path_the_fetcher_reads(media_root, settings):
    network = NetworkFactory.build(logo=default_storage.save("logos/mark.png", ContentFile(png_bytes())))
    assert pdf.media_url(network.logo) == "/media/logos/mark.png"
    assert SafeURLFetcher().fetch(f"http://127.0.0.1:8000{pdf.media_url(network.logo)}").read() == png_bytes()
    settings.MEDIA_URL = "/files/"
    assert pdf.media_url(network.logo) == "/files/logos/mark.png"
    assert pdf.media_url(NetworkFactory.build().logo) == ""


@needs_poppler
def test_a_media_file_is_embedded_relative_or_absolute(media_root, tmp_path):
    stored = default_storage.save("pdf/photo.png", ContentFile(png_bytes((10, 160, 60), (12, 12))))
    assert image_count(render_pdf(f'<img src="/media/{stored}">'), tmp_path) == 1
    assert image_count(render_pdf(f'<img src="http://127.0.0.1:8000/media/{stored}">'), tmp_path) == 1
    assert image_count(render_pdf(f'<img src="/media/{stored}x">'), tmp_path) == 0  # no such file: skipped


def test_our_stylesheet_applies(tmp_path):
    """A static stylesheet named by the HTML is read (partnera.css paints the page background)."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    plain, styled = (
        render_pdf(head + "<p>x</p>") for head in ("", '<link rel="stylesheet" href="/static/css/partnera.css">')
    )
    pixels = []
    for data in (plain, styled):
        path = tmp_path / f"{uuid.uuid4().hex}.pdf"
        path.write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "20", "-png", "-singlefile", str(path), str(path)], check=True)
        pixels.append(Image.open(f"{path}.png").convert("RGB").getpixel((100, 100)))
    assert pixels[0] == (255, 255, 255)
    assert pixels[1] != pixels[0]


# --- fonts -------------------------------------------------------------------------------------------

SENTENCES = [
    "Հայաստանի կրթության բարեփոխում",  # Armenian
    "Azərbaycan təhsil",  # Azerbaijani
    "Zażółć gęślą jaźń",  # Polish
    "Šolstvo in čćž",  # Slovenian
    "Arsimi në Shqipëri ëç",  # Albanian
]


@needs_poppler
def test_the_languages_render_with_embedded_fonts(tmp_path):
    data = render_pdf("".join(f"<p>{sentence}</p>" for sentence in SENTENCES))
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    fonts = _tool("pdffonts", str(path)).splitlines()[2:]
    assert fonts, "no font in the PDF"
    # name type encoding emb sub uni: every font embedded and mapped to Unicode
    assert all(re.search(r"\byes\s+yes\s+yes\b", line) for line in fonts), fonts
    assert any("DejaVu" in line for line in fonts), fonts  # the stack in pdf.FONT_FAMILY
    lines = [line for line in pdf_text(data, tmp_path).splitlines() if line.strip()]
    assert lines == SENTENCES
    assert pdf.FONT_FAMILY.startswith('"DejaVu Sans"')


def test_the_declared_font_has_every_glyph():
    """Real glyphs, not boxes: the font the stack names (fonts-dejavu-core) holds every letter in its cmap."""
    from fontTools.ttLib import TTFont

    for file_name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        found = sorted(Path("/usr/share/fonts").rglob(file_name))
        if not found and not IN_CI:
            pytest.skip("fonts-dejavu-core not installed")
        assert found, f"{file_name} not installed (fonts-dejavu-core, .ci/run)"
        cmap = TTFont(found[0]).getBestCmap()
        missing = {char for char in "".join(SENTENCES) if char != " " and ord(char) not in cmap}
        assert missing == set(), (found[0], missing)
