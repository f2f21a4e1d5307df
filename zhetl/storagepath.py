"""Local paths and object-store URLs behind one small pathlib-like interface.

zhetl's input and output may be local folders or fsspec URLs (``s3://bucket/prefix``, ``memory://x``).
:func:`as_location` returns a :class:`pathlib.Path` for a local folder, so local runs keep every POSIX
guarantee (fsync, atomic rename, ``O_NOFOLLOW``), and a :class:`RemotePath` for a URL. A ``RemotePath``
offers the subset of the ``Path`` interface the storage layer uses. Object stores have no rename and no
folders, but a PUT is atomic: a key either holds a whole object or does not exist. So publishing there
writes whole objects under content-hashed keys and writes the manifest last (see :mod:`zhetl.storage`).
"""

from __future__ import annotations

import os
import posixpath
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

LOCAL_PROTOCOLS = {"file", "local"}


def is_url(where: str | Path) -> bool:
    """True for a URL that names a non-local file system (``s3://``, ``gs://``, ``memory://`` …)."""
    text = str(where)
    return "://" in text and text.split("://", 1)[0] not in LOCAL_PROTOCOLS


def as_location(where: str | Path | RemotePath) -> Path | RemotePath:
    """A ``Path`` for a local folder (``file://`` URLs included), a ``RemotePath`` for an fsspec URL."""
    if isinstance(where, RemotePath | Path):
        return where
    if is_url(where):
        protocol = where.split("://", 1)[0]
        return RemotePath(protocol, _filesystem(protocol)._strip_protocol(where).rstrip("/"))
    if where.startswith("file://"):
        where = where[len("file://"):]
    return Path(where)


@cache
def _filesystem(protocol: str) -> Any:
    import fsspec

    return fsspec.filesystem(protocol)


class RemotePath:
    """A key or key prefix in an fsspec file system, with the part of ``pathlib.Path``'s interface we use."""

    def __init__(self, protocol: str, path: str) -> None:
        self.protocol = protocol
        self.path = path

    @property
    def fs(self) -> Any:
        return _filesystem(self.protocol)

    def __truediv__(self, other: str) -> RemotePath:
        return RemotePath(self.protocol, posixpath.join(self.path, str(other)))

    def __str__(self) -> str:
        return f"{self.protocol}://{self.path.lstrip('/')}"

    def __repr__(self) -> str:
        return f"RemotePath({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RemotePath) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __lt__(self, other: RemotePath) -> bool:
        return str(self) < str(other)

    @property
    def name(self) -> str:
        return posixpath.basename(self.path)

    @property
    def parent(self) -> RemotePath:
        return RemotePath(self.protocol, posixpath.dirname(self.path))

    def with_name(self, name: str) -> RemotePath:
        return self.parent / name

    def resolve(self) -> RemotePath:
        return self

    def as_posix(self) -> str:
        return str(self)

    def exists(self) -> bool:
        return self.fs.exists(self.path)

    def is_dir(self) -> bool:
        return self.fs.isdir(self.path)

    def mkdir(self, parents: bool = False, exist_ok: bool = False) -> None:
        """Object stores have no folders: a prefix exists once a key under it does."""

    def read_bytes(self) -> bytes:
        return self.fs.cat_file(self.path)

    def read_text(self, encoding: str = "utf-8") -> str:
        return self.read_bytes().decode(encoding)

    def write_bytes(self, data: bytes) -> int:
        """One PUT: readers see the old object or the whole new one, never a part."""
        self.fs.pipe_file(self.path, data)
        return len(data)

    def write_text(self, text: str, encoding: str = "utf-8") -> int:
        return self.write_bytes(text.encode(encoding))

    def open(self, mode: str = "rb") -> IO[bytes]:
        return self.fs.open(self.path, mode)

    def unlink(self, missing_ok: bool = False) -> None:
        try:
            self.fs.rm_file(self.path)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def iterdir(self) -> Iterator[RemotePath]:
        try:
            names = self.fs.ls(self.path, detail=False)
        except FileNotFoundError:
            return iter(())
        return iter(sorted(RemotePath(self.protocol, name.rstrip("/")) for name in names
                           if name.rstrip("/") != self.path))

    def glob(self, pattern: str) -> Iterator[RemotePath]:
        return iter(sorted(RemotePath(self.protocol, name) for name in self.fs.glob(f"{self.path}/{pattern}")))

    def rmtree(self) -> None:
        if self.fs.exists(self.path):
            self.fs.rm(self.path, recursive=True)

    def replace(self, target: RemotePath) -> RemotePath:
        """Copy then delete: the target key appears whole, at once (there is no rename on object stores)."""
        self.fs.mv(self.path, target.path)
        return target

    def refresh(self) -> None:
        """Forget cached listings (another process may have written since)."""
        self.fs.invalidate_cache()


def remove_tree(where: Path | RemotePath) -> None:
    """Delete a folder (or key prefix) and everything under it; nothing happens when it is absent."""
    if isinstance(where, RemotePath):
        where.rmtree()
        return
    shutil.rmtree(where, ignore_errors=True)


def move(source: Path | RemotePath, target: Path | RemotePath) -> None:
    """Rename locally (atomic); copy-then-delete on an object store (the target appears whole)."""
    if isinstance(source, RemotePath):
        source.replace(target)  # type: ignore[arg-type]
        return
    os.replace(source, target)
