"""Detect a file's encoding and decode it losslessly.

Order: empty → BOM → binary signatures → strict UTF-8 → UTF-16/32 by NUL pattern → chardet candidates,
widened to their CJK supersets and ranked by how plausible the decoded text is → a lenient fallback that
tolerates a few replacement characters. Legacy CJK labels are widened because detectors name the
common subset (GB2312, Big5) while real files use the superset (GB18030, cp950, Big5-HKSCS).
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass
from functools import lru_cache

import chardet

DETECTOR_SAMPLE_BYTES = 256 * 1024
MAX_REPLACEMENT_SHARE = 0.001
MIN_PLAUSIBILITY = 0.5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"%PDF-", "pdf"),
    (b"\x7fELF", "elf"),
    (b"\x1f\x8b", "gzip"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"SQLite format 3\x00", "sqlite"),
    (b"MZ", "exe"),
)

# Detector labels widened to the codec that real files of that label use, most likely first.
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "cp936": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz-gb-2312": ("hz",),
    "big5": ("cp950", "big5hkscs", "big5"),
    "cp950": ("cp950", "big5hkscs", "big5"),
    "big5hkscs": ("big5hkscs", "cp950"),
    "euc-tw": ("cp950", "big5hkscs"),
    "ascii": ("utf-8",),
    "utf-8": ("utf-8",),
}

# Tried after the detector's own candidates, so a wrong or missing guess still finds the right codec.
_CJK_FALLBACKS = ("gb18030", "cp950", "big5hkscs", "utf-16-le", "utf-16-be", "euc-jp", "shift_jis", "euc-kr")


# Codecs a Chinese archive plausibly uses; detectors also guess EBCDIC and Mac code pages, which turn
# CJK bytes into Latin letters that look like text.
_ALLOWED_CODECS = frozenset(codecs.lookup(name).name for name in (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "gb18030", "gbk", "gb2312",
    "cp936", "hz", "big5", "cp950", "big5hkscs", "euc-jp", "shift_jis", "cp932", "euc-kr", "cp949",
    "iso2022_jp", "iso2022_kr", "cp1252", "latin-1", "ascii", "cp1250", "cp1251", "koi8-r",
))


@dataclass(frozen=True)
class Decoded:
    """A decoded file: the text, the Python codec that produced it and how it was chosen."""

    text: str
    encoding: str
    confidence: float
    method: str  # bom | utf8 | utf16 | detector | fallback
    replacement_chars: int = 0


class DecodeRejected(Exception):
    """The bytes are not text we can decode; ``reason`` is the rejects table's short code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` or raise :class:`DecodeRejected` with reason empty, binary or undecodable."""
    if not data.strip(b" \t\r\n\x00"):
        raise DecodeRejected("empty", f"{len(data)} bytes of whitespace or nothing")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, 1.0, "bom")
            except UnicodeDecodeError:
                return _lenient(data, [codec], "bom")
    kind = binary_kind(data)
    if kind:
        raise DecodeRejected("binary", f"{kind} signature")
    by_nuls = _utf16_or_32_by_nuls(data)  # before UTF-8: NUL bytes are valid UTF-8, but not in text
    if not by_nuls:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", 1.0, "utf8")
        except UnicodeDecodeError as error:
            utf8_error = error
    wide = by_nuls or _utf16_by_high_bytes(data)
    if wide:
        text, cut = _decode_wide(data, wide)
        if text and plausibility(text) >= 0.9:
            return Decoded(text + "\ufffd" * cut, wide, 0.99, "utf16", cut)
    if data.count(0) > len(data) // 100 + 1:
        raise DecodeRejected("binary", f"{data.count(0)} NUL bytes in {len(data)}")
    if by_nuls:
        return _lenient(data, [by_nuls], "fallback")
    if _is_utf8_cut_at_end(data, utf8_error):
        text = data[: utf8_error.start].decode("utf-8")
        return Decoded(text + "\ufffd", "utf-8", 0.9, "fallback", 1)
    mostly_utf8 = data.decode("utf-8", errors="replace")
    bad = mostly_utf8.count("\ufffd")
    if bad <= max(4, len(mostly_utf8) * MAX_REPLACEMENT_SHARE) and _well_formed_multibyte(data) >= 50 * bad:
        by_lines = _by_lines(data)
        if by_lines is not None and by_lines.replacement_chars < bad:
            return by_lines  # a GBK line pasted into a UTF-8 file: recovered, not replaced
        return Decoded(mostly_utf8, "utf-8", 0.9, "fallback", bad)
    return _by_detector(data)


_LINE_CODECS = ("utf-8", "gb18030", "cp950", "big5hkscs")


def _by_lines(data: bytes) -> Decoded | None:
    """Decode line by line when lines were saved in different encodings; None unless it beats one codec.

    Each line takes the first of UTF-8, GB18030, Big5 (cp950) and Big5-HKSCS that decodes it strictly and
    reads as Chinese; a line no codec decodes keeps replacement characters from the best lenient one.
    """
    if b"\x00" in data:
        return None  # UTF-16 has no byte-level lines
    pieces: list[str] = []
    used: set[str] = set()
    bad = 0
    for line in data.split(b"\n"):
        decoded = _decode_line(line)
        if decoded is None:
            text = line.decode("gb18030", errors="replace")
            bad += text.count("\ufffd")
            pieces.append(text)
            continue
        pieces.append(decoded[0])
        used.add(decoded[1])
    text = "\n".join(pieces)
    if len(used) < 2 or plausibility(text.replace("\ufffd", "")) < MIN_PLAUSIBILITY:
        return None
    return Decoded(text, "mixed", 0.8, "lines", bad)


def _decode_line(line: bytes) -> tuple[str, str] | None:
    if line.isascii():
        return line.decode("ascii"), "ascii"
    best: tuple[float, str, str] | None = None
    for codec in _LINE_CODECS:
        try:
            text = line.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text)
        if codec == "utf-8" or score >= 0.98:
            return text, codec  # UTF-8 that decodes strictly is UTF-8; a clean CJK reading wins at once
        if best is None or score > best[0]:
            best = (score, text, codec)
    if best is None or best[0] < MIN_PLAUSIBILITY:
        return None
    return best[1], best[2]


def _decode_wide(data: bytes, codec: str) -> tuple[str, int]:
    """UTF-16/32 text, allowing a last code unit cut short (odd length): returns the text and 1 if it was."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        pass
    unit = 4 if "32" in codec else 2
    whole = len(data) - len(data) % unit
    if whole == len(data):
        return "", 0
    try:
        return data[:whole].decode(codec), 1
    except UnicodeDecodeError:
        return "", 0


def _well_formed_multibyte(data: bytes) -> int:
    """UTF-8 text with a stray bad byte still has many well-formed three-byte sequences."""
    return len(re.findall(rb"[\xe0-\xef][\x80-\xbf]{2}", data))


def binary_kind(data: bytes) -> str | None:
    """Name the binary format whose signature ``data`` starts with, if any."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            if kind == "exe" and b"PE\x00\x00" not in data[:1024]:
                continue
            return kind
    return None


def _is_utf8_cut_at_end(data: bytes, error: UnicodeDecodeError) -> bool:
    """True when the only UTF-8 fault is a multibyte character truncated by the end of the file."""
    return error.reason == "unexpected end of data" and error.end == len(data) and len(data) - error.start < 4


def _utf16_or_32_by_nuls(data: bytes) -> str | None:
    """Guess BOM-less UTF-16/32 from where the NUL bytes fall (ASCII text leaves a NUL beside each byte)."""
    sample = data[:65536]
    if len(sample) < 4 or sample.count(0) < len(sample) // 8:
        return None
    quads = len(sample) // 4 * 4
    if quads and all(sample[i + 2] == 0 and sample[i + 3] == 0 for i in range(0, quads, 4)):
        return "utf-32-le"
    if quads and all(sample[i] == 0 and sample[i + 1] == 0 for i in range(0, quads, 4)):
        return "utf-32-be"
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.2 and even < odd * 0.1:
        return "utf-16-le"
    if even > half * 0.2 and odd < even * 0.1:
        return "utf-16-be"
    return None


# The high byte of a UTF-16 code unit in Chinese text: ASCII (00), general punctuation (20), CJK punctuation
# (30), CJK ideographs (4E–9F) or full-width forms (FF). Legacy CJK encodings put other bytes there.
_UTF16_HIGH_BYTES = frozenset({0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)})


def _utf16_by_high_bytes(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 of mostly Chinese text, which has few NULs, from its high bytes."""
    sample = data[:65536]
    if len(sample) < 4 or len(data) % 2:
        return None
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    little = sum(1 for b in sample[1::2] if b in _UTF16_HIGH_BYTES)
    big = sum(1 for b in sample[0::2] if b in _UTF16_HIGH_BYTES)
    if little >= pairs * 0.95 and little > big:
        return "utf-16-le"
    if big >= pairs * 0.95 and big > little:
        return "utf-16-be"
    return None


def _by_detector(data: bytes) -> Decoded:
    """Rank the detector's candidates (and CJK fallbacks) by strict success and plausibility."""
    sample = data[:DETECTOR_SAMPLE_BYTES]
    detections = chardet.detect_all(sample)
    ordered: list[tuple[str, float]] = []
    declared = declared_charset(data)
    if declared:
        ordered += [(codec, 0.99) for codec in _SUPERSETS.get(declared, (declared,))]
    for detection in detections:
        label = (detection.get("encoding") or "").lower()
        if not label:
            continue
        for codec in _SUPERSETS.get(label, (label,)):
            if _normal_codec(codec) in _ALLOWED_CODECS:
                ordered.append((codec, float(detection.get("confidence") or 0.0)))
    ordered += [(codec, 0.0) for codec in _CJK_FALLBACKS]
    seen: set[str] = set()
    candidates: list[tuple[str, float]] = []
    for codec, confidence in ordered:
        normal = _normal_codec(codec)
        if normal and normal not in seen:
            seen.add(normal)
            candidates.append((codec, confidence))
    best: tuple[float, int, Decoded] | None = None
    for rank, (codec, confidence) in enumerate(candidates):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = plausibility(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, rank, Decoded(text, codec, round(max(confidence, 0.0) or score, 4), "detector"))
        if rank == 0 and score >= 0.98:
            break
    if best is not None and best[0] >= MIN_PLAUSIBILITY:
        return best[2]
    by_lines = _by_lines(data)
    if by_lines is not None and by_lines.replacement_chars <= max(1, len(by_lines.text) * MAX_REPLACEMENT_SHARE):
        return by_lines
    return _lenient(data, [codec for codec, _ in candidates], "fallback")


_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}charset\s*=\s*["']?|<\?xml[^>]{0,100}encoding\s*=\s*["'])"""
                       rb"([A-Za-z0-9_\-]{2,20})", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML <meta> or XML declaration names in the first 4 KB, lower-cased."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    return label if _normal_codec(label) else None


def _lenient(data: bytes, codecs_to_try: list[str], method: str) -> Decoded:
    """Decode with replacement characters when they stay under the threshold; else reject."""
    best: Decoded | None = None
    for codec in codecs_to_try:
        try:
            text = data.decode(codec, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if plausibility(text.replace("\ufffd", "")) < MIN_PLAUSIBILITY:
            continue  # single-byte codecs decode anything; garbage is not text
        if best is None or bad < best.replacement_chars:
            best = Decoded(text, codec, 0.5, method, bad)
    if best is not None and best.replacement_chars <= max(1, len(best.text) * MAX_REPLACEMENT_SHARE):
        return best
    detail = f"{best.replacement_chars} replacement characters with {best.encoding}" if best else "no codec"
    raise DecodeRejected("undecodable", detail)


def _normal_codec(codec: str) -> str | None:
    try:
        return codecs.lookup(codec).name
    except LookupError:
        return None


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Characters of everyday Chinese: GB2312 level 1 and Big5's frequently used block, read from the codecs."""
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):
        for trail in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("gb2312"))
    for lead in range(0xA4, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes((lead, trail)).decode("big5"))
    chars.update("，。、；：？！“”‘’「」『』（）《》〈〉【】—…·￥％　\n\r\t ")
    return frozenset(chars)


def plausibility(text: str) -> float:
    """Share of characters that ordinary Chinese or ASCII text is made of (0–1)."""
    if not text:
        return 0.0
    common = _common_chars()
    good = 0
    for char in text:
        if char in common or (" " <= char <= "~") or char in "\n\r\t":
            good += 1
        elif "\u4e00" <= char <= "\u9fff":
            good += 0.6
        elif "\uff01" <= char <= "\uff5e":
            good += 0.8
    return good / len(text)
