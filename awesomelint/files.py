"""Reading and atomically writing Markdown files, byte for byte."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from awesomelint.errors import InputError


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of ``data`` (a BOM is kept as U+FEFF); InputError for anything else."""
    if b"\x00" in data:
        at = data.index(b"\x00")
        raise InputError(f"{name}: binary file (NUL byte at offset {at}); not Markdown")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        pair = data[exc.start : exc.start + 2]
        if len(pair) == 2 and pair[0] == 0xED and 0xA0 <= pair[1] <= 0xBF:
            raise InputError(
                f"{name}: not UTF-8 (bytes 0xED 0x{pair[1]:02X} at offset {exc.start}, line "
                f"{line}, encode a lone UTF-16 surrogate, as CESU-8 or WTF-8 do); save it "
                "as UTF-8 first"
            ) from None
        hint = _guess_encoding(data)
        raise InputError(
            f"{name}: not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}, line "
            f"{line}); convert it first, e.g. `iconv -f {hint} -t UTF-8`"
        ) from None


def _guess_encoding(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    for enc in ("cp949", "shift_jis", "gb18030"):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            continue
        if any(b >= 0x80 for b in data[:4096]) and enc == "cp949":
            return "CP949"
        return enc.upper()
    return "CP1252"


def read_text(name: str) -> str:
    """Read a Markdown file as text, keeping its BOM and line breaks exactly."""
    path = Path(name)
    if path.is_dir():
        raise InputError(f"{name}: is a folder")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    return decode(data, name)


def write_atomic(name: str, text: str, original: str | None = None) -> None:
    """Replace the file's content via a temporary file in the same folder (written,
    fsynced, given the file's mode and owner) and os.replace, then fsync the folder: at
    every instant the file holds either all of its old or all of its new content. A
    symlink keeps pointing where it did (its target is written). With ``original`` (the
    text that was read), a file changed on disk since is left alone (InputError)."""
    target = Path(os.path.realpath(name))
    folder = target.parent
    try:
        st = target.stat()
    except OSError as exc:
        raise InputError(f"{name}: cannot stat: {exc.strerror or exc}") from None
    mode = stat.S_IMODE(st.st_mode)
    # the permission bits are honoured even for root: a read-only file is a "do not touch"
    if not os.access(target, os.W_OK) or not mode & 0o222:
        raise InputError(f"{name}: file is read-only; nothing written")
    if not os.access(folder, os.W_OK) or not folder.stat().st_mode & 0o222:
        raise InputError(f"{name}: folder {folder} is read-only; nothing written")
    try:
        fd, tmp = _temp_file(folder, target.name)
    except OSError as exc:
        raise InputError(f"{name}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
            with contextlib.suppress(OSError):  # only root (or a member of the group) may
                os.chown(tmp, st.st_uid, st.st_gid)
        if original is not None and target.read_bytes() != original.encode("utf-8"):
            raise InputError(f"{name}: changed on disk while awesomelint ran; nothing written")
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(
            f"{name}: cannot write: {exc.strerror or exc}; nothing written, the file is "
            "unchanged"
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


_TEMP_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
)  # fmt: skip


def _temp_file(folder: Path, name: str) -> tuple[int, str]:
    """A new file ``.NAME.XXXXXXXXXXXX.tmp`` in ``folder``, as tempfile.mkstemp makes one
    (created exclusively, readable and writable by its owner only): without importing
    tempfile, shutil and random, a tenth of the start-up of ``fix``."""
    for _ in range(100):
        path = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name", str(folder))


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
