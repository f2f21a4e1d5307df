"""Learn each input folder's repeated lines (see :mod:`zhetl.siteprofile`) with a cache between runs.

The cache (``_profiles.json`` in the output folder) is keyed by the doc_ids of the sampled files, so an
unchanged folder is not decoded again on the next run.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import replace

from zhetl.clean import pre_boilerplate
from zhetl.decode import DecodeRejected, decode_bytes
from zhetl.inventory import InputFile, location, read_regular_file
from zhetl.siteprofile import MIN_FILES, profile_hash, repeated_lines, sample
from zhetl.storage import Location, atomic_write_bytes

CACHE = "_profiles.json"


def learn_profiles(input_dir: Location, output_dir: Location, files: list[InputFile]) -> tuple[list[InputFile], dict]:
    """Return the files tagged with their folder's profile hash, and folder → repeated lines."""
    cache_path = output_dir / CACHE
    cache = json.loads(cache_path.read_text(encoding="utf-8")) if cache_path.exists() else {}
    profiles: dict[str, list[str]] = {}
    hashes: dict[str, str] = {}
    new_cache: dict[str, dict] = {}
    for members, chosen, key in _samples(files):
        folder = members[0].source_path.rpartition("/")[0]
        cached = cache.get(folder)
        if cached and cached.get("key") == key:
            lines = cached["lines"]
        else:
            lines = _folder_lines(input_dir, members, chosen, key)
        new_cache[folder] = {"key": key, "lines": lines}
        if lines:
            profiles[folder] = lines
            hashes[folder] = profile_hash(lines)
    if new_cache != cache:
        atomic_write_bytes(cache_path, json.dumps(new_cache, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    tagged = [replace(item, site_profile=hashes.get(item.source_path.rpartition("/")[0], "")) for item in files]
    return tagged, profiles


def _samples(files: list[InputFile]) -> Iterator[tuple[list[InputFile], list[str], str]]:
    """Each folder with enough files: its members, the sampled paths, and a key over their doc_ids."""
    by_folder: dict[str, list[InputFile]] = {}
    for item in files:
        if item.doc_id and not item.error and not item.duplicate_of:
            by_folder.setdefault(item.source_path.rpartition("/")[0], []).append(item)
    for _, members in sorted(by_folder.items()):
        if len(members) < MIN_FILES:
            continue
        chosen = sample(sorted(m.source_path for m in members))
        ids = {m.source_path: m.doc_id for m in members}
        yield members, chosen, hashlib.sha256("\0".join(f"{p}:{ids[p]}" for p in chosen).encode()).hexdigest()[:16]


# Lines this process learned, by (input folder, folder, sample key): see zhetl.runs.survey.
_LEARNED: dict[tuple[str, str, str], list[str]] = {}


def _folder_lines(input_dir: Location, members: list[InputFile], chosen: list[str], key: str) -> list[str]:
    memo_key = (str(input_dir), members[0].source_path.rpartition("/")[0], key)
    if memo_key not in _LEARNED:
        by_path = {m.source_path: m for m in members}
        _LEARNED[memo_key] = sorted(repeated_lines(_texts(input_dir, [by_path[p] for p in chosen])))
    return _LEARNED[memo_key]


def forget_profiles() -> None:
    _LEARNED.clear()


def survey_profiles(input_dir: Location, files: list[InputFile]) -> None:
    """Learn the folders' lines into this process's memo, writing nothing (the plan writes the cache)."""
    for members, chosen, key in _samples(files):
        _folder_lines(input_dir, members, chosen, key)


def _texts(input_dir: Location, items: list[InputFile]):
    for item in items:
        try:
            yield pre_boilerplate(decode_bytes(read_regular_file(location(input_dir, item))).text)
        except (OSError, DecodeRejected):
            continue
