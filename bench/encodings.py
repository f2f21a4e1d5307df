"""How often the decoder recovers the exact text of transcoded files.

The shared corpora (laws and seeds) are encoded in GB18030, GBK, Big5 (traditional text, via OpenCC s2t),
UTF-16 LE/BE with and without BOM and UTF-8 with BOM, as whole files and as 16-character one-line files,
and decoded with zhetl.decode. Texts a codec cannot encode are left out of that codec's count.
Usage: python -m bench.encodings [--files N] [--lines N] [--seed S]
"""

from __future__ import annotations

import argparse
import codecs
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from zhetl.decode import DecodeRejected, decode_bytes

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
LINE_CHARS = 16


def _encoders() -> dict[str, Callable[[str], bytes]]:
    return {
        "gb18030": lambda t: t.encode("gb18030"),
        "gbk": lambda t: t.encode("gbk"),
        "big5": lambda t: t.encode("big5"),
        "cp950": lambda t: t.encode("cp950"),
        "utf-16-le": lambda t: t.encode("utf-16-le"),
        "utf-16-be": lambda t: t.encode("utf-16-be"),
        "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    }


def load_texts(files: int, rng: random.Random) -> list[str]:
    paths = sorted((SHARED / "corpus" / "laws").rglob("*.md"))
    chosen = rng.sample(paths, min(files, len(paths))) + sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in chosen]


def one_line_samples(texts: list[str], count: int, rng: random.Random) -> list[str]:
    lines = [line.strip() for text in texts for line in text.split("\n") if len(line.strip()) >= LINE_CHARS]
    samples = []
    while len(samples) < count and lines:
        line = rng.choice(lines)
        start = rng.randrange(0, len(line) - LINE_CHARS + 1)
        samples.append(line[start:start + LINE_CHARS])
    return samples


def _encodable(encode: Callable[[str], bytes], name: str, text: str) -> tuple[bytes | None, str]:
    """Encode ``text``; characters a legacy codec lacks become '?' (the expected text changes with them)."""
    try:
        return encode(text), text
    except UnicodeEncodeError:
        if name.startswith("utf"):
            return None, text
    codec = name.split("-")[0]
    data = text.encode(codec, errors="replace")
    return data, data.decode(codec)


def score(texts: list[str], traditional: list[str]) -> dict[str, dict]:
    results = {}
    for name, encode in _encoders().items():
        source = traditional if name in ("big5", "cp950") else texts
        total = exact = 0
        failures: list[str] = []
        for original in source:
            data, text = _encodable(encode, name, original)
            if data is None:
                continue
            total += 1
            try:
                decoded = decode_bytes(data)
            except DecodeRejected as rejected:
                failures.append(f"rejected {rejected.reason}: {text[:20]!r}")
                continue
            if decoded.text == text:
                exact += 1
            elif len(failures) < 5:
                failures.append(f"{decoded.encoding}: {text[:20]!r} → {decoded.text[:20]!r}")
        results[name] = {"files": total, "exact": exact, "share": exact / total if total else None,
                         "examples": failures[:5]}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=400, help="laws files to sample (plus the seeds)")
    parser.add_argument("--lines", type=int, default=400, help="16-character one-line samples per codec")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print(f"bench: {SHARED / 'corpus'} not found; nothing to measure")
        return 0
    import opencc

    rng = random.Random(args.seed)
    s2t = opencc.OpenCC("s2t")
    texts = load_texts(args.files, rng)
    lines = one_line_samples(texts, args.lines, rng)
    started = time.perf_counter()
    report = {
        "whole_files": score(texts, [s2t.convert(t) for t in texts]),
        "one_line_16_chars": score(lines, [s2t.convert(t) for t in lines]),
    }
    seconds = time.perf_counter() - started
    for kind, by_codec in report.items():
        for codec, row in by_codec.items():
            print(json.dumps({"bench": "encodings", "kind": kind, "codec": codec, **row}, ensure_ascii=False))
    print("\n| codec | whole files exact | 16-char lines exact |\n|---|---:|---:|")
    totals = {kind: [0, 0] for kind in report}
    for codec in _encoders():
        cells = []
        for kind in report:
            row = report[kind][codec]
            totals[kind][0] += row["exact"]
            totals[kind][1] += row["files"]
            cells.append(f"{row['exact']}/{row['files']} ({100 * (row['share'] or 0):.2f}%)")
        print(f"| {codec} | {cells[0]} | {cells[1]} |")
    overall = [f"{t[0]}/{t[1]} ({100 * t[0] / max(t[1], 1):.2f}%)" for t in totals.values()]
    print(f"| **all** | {overall[0]} | {overall[1]} |")
    print(f"\n{seconds:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
