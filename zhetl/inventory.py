"""What a run has to do: list the input files, hash them, compare with the manifest, plan batches.

A file is skipped when the manifest already has it with the same content hash, the same pipeline version
and the same duplicate status. Files with identical bytes share a doc_id: the first path (in sorted
order) is the document and the others become ``duplicate`` rejects that point to it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, NamedTuple

from zhetl.storage import Location, Manifest
from zhetl.storagepath import RemotePath

HASH_CHUNK = 1 << 20
BYTES_PER_CHAR_ESTIMATE = 2.5
MIN_BATCH_BYTES = 256 * 1024


@dataclass(frozen=True)
class InputFile:
    source_path: str  # relative to the input root, '/'-separated
    size: int
    mtime_ns: int
    doc_id: str | None  # None when the file could not be read
    duplicate_of: str | None = None
    error: str | None = None
    site_profile: str = ""
    name_bytes: str = ""  # hex of the OS path when it is not valid UTF-8 (source_path then shows U+FFFD)


def location(root: Location, item: InputFile) -> Path | RemotePath | bytes:
    """Where to read ``item``: its exact OS path, even when the name's bytes are not UTF-8."""
    if item.name_bytes and not isinstance(root, RemotePath):
        return os.fsencode(root) + b"/" + bytes.fromhex(item.name_bytes)
    return root / item.source_path


class NotRegularFile(OSError):
    """The path is no longer a plain file: it vanished, or became a link, a FIFO or a device."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def open_regular_file(path: Path | RemotePath | bytes) -> BinaryIO:
    """Open ``path`` for reading if it is still a regular file; never follows a link or blocks on a FIFO.

    The listing saw a regular file, but it may have been swapped since: the file is opened without
    following links and without blocking, and checked on the open descriptor before anything is read.
    An object store holds only plain objects, so there only a vanished key can go wrong.
    """
    if isinstance(path, RemotePath):
        try:
            return path.open("rb")
        except FileNotFoundError as error:
            raise NotRegularFile("vanished", "gone before it was read") from error
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError as error:
        raise NotRegularFile("vanished", f"gone before it was read: {error.strerror}") from error
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotRegularFile("symlink", "became a symbolic link; links are not followed") from error
        raise
    handle = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
        handle.close()
        raise NotRegularFile("special_file", "not a regular file when read")
    return handle


def read_regular_file(path: Path | RemotePath | bytes) -> bytes:
    """The bytes of ``path`` (see :func:`open_regular_file`)."""
    with open_regular_file(path) as handle:
        return handle.read()


class Listing(NamedTuple):
    relative: str  # '/'-separated, valid UTF-8 (undecodable bytes shown as U+FFFD)
    size: int
    mtime_ns: int
    problem: str | None
    name_bytes: str  # hex of the relative OS path when it is not valid UTF-8, else ""


@dataclass
class Plan:
    batches: list[list[InputFile]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    drop_paths: set[str] = field(default_factory=set)

    @property
    def to_process(self) -> int:
        return sum(len(batch) for batch in self.batches)


def list_files(root: Location) -> list[Listing]:
    """Every entry below ``root`` that is not a folder, sorted by relative path; symlinks are not followed.

    Special files and links are reported with their problem, never opened, so the caller can turn them
    into rejects.
    """
    if isinstance(root, RemotePath):
        return _list_objects(root)
    found: list[Listing] = []
    # os.walk's folders all begin with the root as given: cutting it off is relpath without its normalising
    # (a third of the listing's time for 3,504 files).
    prefix = len(os.path.join(root, ""))
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(folder, d))]:
            full = os.path.join(folder, name)
            os_relative = full[prefix:].replace(os.sep, "/")
            raw = os_relative.encode("utf-8", "surrogateescape")
            relative = raw.decode("utf-8", "replace")
            name_bytes = "" if relative == os_relative else raw.hex()
            try:
                info = os.lstat(full)
            except OSError as error:
                found.append(Listing(relative, 0, 0, f"vanished: {error.strerror}", name_bytes))
                continue
            problem = ("symlink" if stat.S_ISLNK(info.st_mode)
                       else None if stat.S_ISREG(info.st_mode) else "special_file")
            found.append(Listing(relative, info.st_size, info.st_mtime_ns, problem, name_bytes))
    found.sort(key=lambda item: item.relative)
    return found


def _list_objects(root: RemotePath) -> list[Listing]:
    """Every object under a URL prefix; its modification time comes from the store's metadata."""
    root.refresh()
    try:
        objects = root.fs.find(root.path, detail=True)
    except FileNotFoundError:
        return []
    found = []
    prefix = root.path.rstrip("/") + "/"
    for key, info in objects.items():
        if info.get("type") == "directory" or not key.startswith(prefix):
            continue
        found.append(Listing(key[len(prefix):], int(info.get("size") or 0), _mtime_ns(info), None, ""))
    found.sort(key=lambda item: item.relative)
    return found


def _mtime_ns(info: dict) -> int:
    """Nanoseconds since the epoch from fsspec's info (S3's LastModified, a local mtime, memory's created)."""
    stamp = info.get("LastModified") or info.get("mtime") or info.get("created") or 0
    seconds = stamp.timestamp() if hasattr(stamp, "timestamp") else float(stamp)
    return round(seconds * 1e6) * 1000


def hash_file(path: Path | RemotePath | bytes) -> str:
    """The doc_id of a file: the same content hash as :func:`zhetl.pipeline.doc_id_for`."""
    digest = hashlib.sha256()
    with open_regular_file(path) as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()[:32]


# Hashes this process computed, by (path, size, mtime_ns): a survey made while the Prefect server boots
# (zhetl.runs.survey) leaves them here for the plan, under the same rule as the manifest's.
_HASHED: dict[tuple[str, int, int], str] = {}


def forget_hashes() -> None:
    _HASHED.clear()


def inventory(root: Location, manifest: Manifest) -> list[InputFile]:
    """Hash every regular file (reusing the manifest's hash when size and mtime are unchanged)."""
    files: list[InputFile] = []
    for relative, size, mtime_ns, problem, name_bytes in list_files(root):
        if problem:
            files.append(InputFile(relative, size, mtime_ns, None, error=problem, name_bytes=name_bytes))
            continue
        known = manifest.files.get(relative)
        path = location(root, InputFile(relative, 0, 0, None, name_bytes=name_bytes))
        memo_key = (str(path), size, mtime_ns)
        if known and known.size == size and known.mtime_ns == mtime_ns:
            doc_id: str | None = known.doc_id
        elif memo_key in _HASHED:
            doc_id = _HASHED[memo_key]
        else:
            try:
                doc_id = _HASHED[memo_key] = hash_file(path)
            except NotRegularFile as problem:
                files.append(InputFile(relative, size, mtime_ns, None,
                                       error=f"{problem.reason}: {problem.detail}", name_bytes=name_bytes))
                continue
            except OSError as error:
                files.append(InputFile(relative, size, mtime_ns, None,
                                       error=f"unreadable: {error.strerror}", name_bytes=name_bytes))
                continue
        files.append(InputFile(relative, size, mtime_ns, doc_id, name_bytes=name_bytes))
    first_path: dict[str, str] = {}
    marked: list[InputFile] = []
    for item in files:
        if item.doc_id is None:
            marked.append(item)
            continue
        canonical = first_path.setdefault(item.doc_id, item.source_path)
        duplicate_of = canonical if canonical != item.source_path else None
        marked.append(InputFile(item.source_path, item.size, item.mtime_ns, item.doc_id, duplicate_of,
                                name_bytes=item.name_bytes))
    return marked


def plan_run(files: list[InputFile], manifest: Manifest, pipeline_version: str, batch_chars: int,
             full_refresh: bool = False, min_batches: int = 1) -> Plan:
    """Decide what to skip, what to (re)process in which batch, and which old rows to drop.

    Batches hold about ``batch_chars`` characters (estimated from bytes); with ``min_batches`` workers the
    batches shrink as the work runs out (:func:`_batch_target`), so every worker has a share to the end.
    """
    plan = Plan()
    present = {f.source_path for f in files}
    plan.drop_paths = {path for path in manifest.files if path not in present}
    if full_refresh:
        plan.drop_paths = set(manifest.files)
    pending: list[InputFile] = []
    for item in files:
        known = manifest.files.get(item.source_path)
        up_to_date = (known is not None and not full_refresh and known.doc_id == item.doc_id
                      and item.doc_id is not None and known.pipeline_version == pipeline_version
                      and known.duplicate_of == item.duplicate_of and known.site_profile == item.site_profile)
        if up_to_date:
            plan.skipped.append(item.source_path)
            continue
        if known is not None:
            plan.drop_paths.add(item.source_path)
        pending.append(item)
    budget = max(1.0, batch_chars * BYTES_PER_CHAR_ESTIMATE)
    remaining = float(sum(item.size for item in pending))
    batch: list[InputFile] = []
    size = 0.0
    for item in pending:
        batch.append(item)
        size += item.size
        if size >= _batch_target(budget, remaining, min_batches):
            plan.batches.append(batch)
            remaining -= size
            batch, size = [], 0.0
    if batch:
        plan.batches.append(batch)
    return plan


def _batch_target(budget: float, remaining: float, workers: int) -> float:
    """The size at which the batch being filled closes, given the bytes not yet in a closed batch.

    One worker takes full batches. Several take full batches while there is plenty of work, then smaller
    ones (a share of what is left for each worker, halved), so the last batches are short and the workers
    finish together instead of one idling while another runs a full batch; never below ``MIN_BATCH_BYTES``
    (or the budget, when that is smaller).
    """
    if workers <= 1:
        return budget
    return min(budget, max(min(MIN_BATCH_BYTES, budget), remaining / (2 * workers)))
