"""report.html: self-contained, rebuilt each run, and rendered by a real browser without errors."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.helpers import copy_tree
from zhetl.runs import run_local

REPORT_TEXT = ("贵州省贫困发生率由2012年的26.8%下降到2019年的0.85%。2015年全省农村贫困人口为507万人，"
               "2017年减少到280万人，2018年底为155万人。云南省贫困发生率由2014年的17.8%下降到2019年的1.32%。")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, fixtures: Path) -> Path:
    root = tmp_path_factory.mktemp("report")
    corpus = copy_tree(fixtures / "mini", root / "in")
    (corpus / "figures.txt").write_text(REPORT_TEXT, encoding="utf-8")
    run_local(corpus, root / "out")
    return root / "out" / "report.html"


def test_the_report_is_self_contained_and_in_chinese(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"<script|<link|<img|<iframe|@import|url\(|src=", page)
    assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", page)  # the SVG namespace is a name, not a fetch
    for label in ("语料概况", "高频实体", "指标", "贫困发生率", "运行记录"):
        assert label in page
    assert page.count("<svg") >= 3


def test_the_report_is_rebuilt_by_every_run(report: Path) -> None:
    before = report.read_text(encoding="utf-8")
    assert before.count("<tr><td class=n>") == 1  # one run so far
    run_local(report.parent.parent / "in", report.parent)
    assert report.read_text(encoding="utf-8").count("<tr><td class=n>") == 2


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    subprocess.run(["apt-get", "install", "-y", "-q", "chromium", "fonts-wqy-zenhei"], capture_output=True,
                   timeout=900, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("chromium")


def test_the_report_renders_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("chromium is not installed and cannot be installed here (needs root and apt-get)")
    shot = tmp_path / "report.png"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1800",
         "--enable-logging=stderr", "--v=0", f"--screenshot={shot}", report.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert shot.is_file(), result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    width, height, pixels = _decode_png(shot.read_bytes())
    assert (width, height) == (1200, 1800)
    colours = {pixels[i:i + 3] for i in range(0, len(pixels), 3 * 97)}
    ink = sum(1 for i in range(0, len(pixels), 3 * 11) if pixels[i:i + 3] != b"\xff\xff\xff")
    assert len(colours) > 20 and ink > len(pixels) // (3 * 11) // 50, "the screenshot is blank"


def _decode_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGB bytes of an 8-bit RGB or RGBA PNG (enough for a screenshot check)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, colour = header[:4]
    assert depth == 8 and colour in (2, 6), header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            corner = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    pixels = b"".join(rows)
    if channels == 4:
        pixels = b"".join(pixels[i:i + 3] for i in range(0, len(pixels), 4))
    return width, height, pixels
