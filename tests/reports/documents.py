"""Helpers for the document tests: a PDF's text, fonts and page count (poppler-utils), and PNGs to look at."""

import os
import shutil
import struct
import subprocess
import uuid
from pathlib import Path

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"
POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER and not IN_CI, reason="poppler-utils not installed")


def _tool(*args):
    return subprocess.run(args, check=True, capture_output=True, timeout=120).stdout.decode()


def _file(data, tmp_path):
    path = tmp_path / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data)
    keep = os.environ.get("REPORT_PDF_DIR")  # set it to look at the PDFs a test run makes
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        test = os.environ.get("PYTEST_CURRENT_TEST", "x").split(" ")[0].split("::")[-1]
        shutil.copy(path, Path(keep) / f"{test}.pdf")
    return path


def pdf_text(data, tmp_path, *pages):
    """The PDF's text; with `pages` (first, last) only those."""
    extra = ["-f", str(pages[0]), "-l", str(pages[1])] if pages else []
    return _tool("pdftotext", "-enc", "UTF-8", *extra, str(_file(data, tmp_path)), "-")


def pdf_fonts(data, tmp_path):
    return _tool("pdffonts", str(_file(data, tmp_path))).splitlines()[2:]


def page_count(data, tmp_path):
    info = _tool("pdfinfo", str(_file(data, tmp_path)))
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def flat(text):
    """Whitespace folded, so a sentence broken over lines still reads as one."""
    return " ".join(text.split())


def pdf_layout(data, tmp_path):
    """The PDF's text laid out as on the page (pdftotext -layout): columns side by side on one line."""
    return _tool("pdftotext", "-enc", "UTF-8", "-layout", str(_file(data, tmp_path)), "-")


def pdf_pngs(data, tmp_path, name):
    """Every page as a PNG at 60 dpi (pdftoppm -png -r 60), sorted by page; kept in REPORT_PDF_DIR (as
    <name>-<page>.png) when it is set, to look at."""
    folder = tmp_path / f"png-{uuid.uuid4().hex}"
    folder.mkdir()
    _tool("pdftoppm", "-png", "-r", "60", str(_file(data, tmp_path)), str(folder / name))
    pngs = sorted(folder.glob("*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[-1]))
    keep = os.environ.get("REPORT_PDF_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for png in pngs:
            shutil.copy(png, Path(keep) / png.name)
    return pngs


def page_sizes(pngs):
    """(width, height) in pixels of each PNG, read from its header."""
    return [struct.unpack(">II", png.read_bytes()[16:24]) for png in pngs]
