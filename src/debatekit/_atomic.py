"""Writing a file whole or not at all, and leaving nothing behind if the process dies.

On Linux the data goes to an unnamed file (``O_TMPFILE``) in the target's folder, which
gets a name only once it is complete and synced: a ``SIGKILL`` at any moment before
leaves no file at all. The name it gets is a temporary one, replaced over the target
at once (a link cannot replace an existing file), so the window in which a kill can
leave a named temporary file is the time between two system calls, not the whole
write (and the next write to the folder removes such a file, as below).

Elsewhere (or where the file system has no ``O_TMPFILE``) the data goes to a named
temporary file ``.NAME.debatekit-PID-RANDOM.tmp`` in the same folder. The first write
to a folder (in each process) removes the temporary files of that naming left there by
processes that no longer run (on Windows, where no process can be probed safely: those
older than a day).

Files are created as :func:`open` creates them: mode 0666 less the umask; a file that
is replaced keeps its mode. Every ``OSError`` names the output path, never a
temporary file, and a folder that does not exist is not created.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ctypes

__all__ = ["atomic_write", "make_folder"]

_TEMP = re.compile(r"\..+\.debatekit-(\d+)-[0-9a-f]{8}\.tmp\Z")
_STALE_AGE = 24 * 3600.0  # where a process cannot be probed: a day
_O_TMPFILE = getattr(os, "O_TMPFILE", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
_O_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    Raises:
        FileNotFoundError: The folder of ``path`` does not exist (it is not created).
        NotADirectoryError: Something on the way to ``path`` is a file, not a folder.
        OSError: Any other failure (disk full, read-only folder, no permission); its
            ``filename`` is ``path``.
    """
    target = Path(path)
    folder = target.parent
    _check_folder(target, folder)
    mode = _existing_mode(target)
    try:
        _remove_stale(folder)
        if not (_O_TMPFILE and _write_unnamed(target, folder, data, mode)):
            _write_named(target, folder, data, mode)
    except OSError as exc:
        raise _naming(exc, target) from None


def make_folder(folder: str | os.PathLike[str]) -> None:
    """Create ``folder`` and its parents (for outputs into a folder), with plain errors."""
    path = Path(folder)
    for part in (path, *path.parents):
        if part.exists() and not part.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR, f"{part} is a file, not a folder", os.fspath(path)
            )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _naming(exc, path) from None


def _check_folder(target: Path, folder: Path) -> None:
    if folder.is_dir():
        return
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            raise NotADirectoryError(
                errno.ENOTDIR, f"cannot write here: {part} is a file, not a folder", str(target)
            )
    raise FileNotFoundError(
        errno.ENOENT,
        f"folder {folder} does not exist (it is not created for one output file)",
        str(target),
    )


def _existing_mode(target: Path) -> int:
    """The permission bits to give the new file: the replaced file's, or 0666 (the
    umask applies to a new file, as it does for ``open``)."""
    try:
        st = target.stat()
    except OSError:
        return 0o666
    return stat.S_IMODE(st.st_mode) if stat.S_ISREG(st.st_mode) else 0o666


def _naming(exc: OSError, target: Path) -> OSError:
    """``exc`` again, naming the output path (not a temporary file or the folder)."""
    if exc.filename == str(target):
        return exc
    return type(exc)(exc.errno, exc.strerror or str(exc), str(target))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    os.fsync(fd)


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.debatekit-{os.getpid()}-{os.urandom(4).hex()}.tmp")


def _write_unnamed(target: Path, folder: Path, data: bytes, mode: int) -> bool:
    """Write through an unnamed file; False if the system cannot (nothing written then)."""
    try:
        fd = os.open(folder, _O_TMPFILE | os.O_WRONLY | _O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return False  # no O_TMPFILE on this file system
        raise
    try:
        if mode != 0o666:
            os.fchmod(fd, mode)
        _write_all(fd, data)
        temp = _temp_name(target)
        if not _link(fd, temp):
            return False
        try:  # the only moment a kill leaves a named file: between two system calls
            os.replace(temp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    finally:
        os.close(fd)
    return True


def _link(fd: int, name: Path) -> bool:
    """Give the unnamed file ``fd`` a name: ``linkat`` through ``/proc/self/fd`` (what
    any user may do), else with ``AT_EMPTY_PATH`` (where ``/proc`` is missing or another
    mount, as in some sandboxes). False if neither works."""
    try:
        os.link(f"/proc/self/fd/{fd}", name, follow_symlinks=True)
        return True
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.EXDEV, errno.EPERM, errno.ENOTDIR):
            raise
    libc_ = libc()
    if libc_ is None:
        return False
    at_fdcwd, at_empty_path = -100, 0x1000
    result: int = libc_.linkat(fd, b"", at_fdcwd, os.fsencode(name), at_empty_path)
    return result == 0


def libc() -> ctypes.CDLL | None:
    """The C library, for the system calls Python has no function for; None if absent.
    (ctypes is imported here: most writes never need it, and it costs an import of
    subprocess and shutil.)"""
    import ctypes
    import ctypes.util

    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None


def _write_named(target: Path, folder: Path, data: bytes, mode: int) -> None:
    temp = _temp_name(target)
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY | _O_CLOEXEC, 0o666)
    try:
        try:
            if mode != 0o666:
                _chmod(fd, temp, mode)
            _write_all(fd, data)
        finally:
            os.close(fd)
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


_WINDOWS: bool = sys.platform == "win32"


def _replace(temp: Path, target: Path, tries: int = 6) -> None:
    """``os.replace``, retried a few times on Windows, where a target that another
    program holds open for a moment (a virus scanner, an indexer) refuses to be replaced
    (WinError 5 or 32) and then, a few milliseconds later, does not."""
    for attempt in range(tries):
        try:
            os.replace(temp, target)
            return
        except PermissionError:
            if not _WINDOWS or attempt == tries - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def _chmod(fd: int, path: Path, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13
        os.chmod(path, mode)


_CLEANED: set[str] = set()  # folders already cleaned by this process (once is enough)


def _remove_stale(folder: Path) -> None:
    """Remove the temporary files of our naming in ``folder`` whose writer is gone."""
    key = os.path.abspath(folder)
    if key in _CLEANED:
        return
    _CLEANED.add(key)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        found = _TEMP.match(entry.name) if ".debatekit-" in entry.name else None
        if found is None or not _stale(int(found.group(1)), entry):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)


def _stale(pid: int, entry: os.DirEntry[str]) -> bool:
    if sys.platform == "win32":  # os.kill would end the process: go by age
        try:
            return time.time() - entry.stat().st_mtime > _STALE_AGE
        except OSError:
            return False
    return pid != os.getpid() and not running(pid)


def running(pid: int) -> bool:
    """Whether process ``pid`` exists (POSIX: signal 0 asks without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as another user
    return True
