"""Stage 1, reading: find source files, decode them, and turn them into ``Page`` values.

Plain-text and HTML files give one page each; JSON and JSON Lines files give one page per
record. Metadata the user supplies (a ``<file>.meta.json`` sidecar, or a directory file
``searchlib-meta.json`` mapping file names to metadata) travels with the page.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .errors import SourceError
from .models import Metadata, Page, PageKind

log = logging.getLogger("searchlib")

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SIDECAR_SUFFIX = ".meta.json"
DIRECTORY_META = "searchlib-meta.json"
# One page is one article: a "page" of many megabytes is a dump or a log, not news, and
# extracting it would take long for nothing. Collections of records may be large.
MAX_PAGE_BYTES = 10 * 2**20
MAX_COLLECTION_BYTES = 1024 * 2**20
# Share of control characters (other than white space) above which bytes are not text.
MAX_CONTROL_SHARE = 0.01
# In UTF-16 text of a Latin script, the high byte of most characters is zero.
MIN_UTF16_ZERO_SHARE = 0.5
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f]")

# Characters that web pages use for layout and that carry no meaning in text. Regular
# expressions, not str.translate: translate with a table is slow on large texts.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_LINE_ENDS = re.compile("\r\n?")


def is_metadata_file(path: Path) -> bool:
    """True for files that hold supplied metadata rather than articles."""
    return path.name == DIRECTORY_META or path.name.endswith(SIDECAR_SUFFIX)


def is_readable_kind(path: Path) -> bool:
    """True when searchlib knows how to read files with this name."""
    suffix = path.suffix.lower()
    known = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
    return suffix in known and not is_metadata_file(path)


def iter_files(
    sources: Iterable[str | os.PathLike[str]], unreadable: list[SourceError] | None = None
) -> Iterator[Path]:
    """Yield every file under the given files and directories, sorted, hidden ones skipped.

    Args:
        sources: files and directories.
        unreadable: when given, directories that cannot be listed are added to it (as
            ``SourceError``) and skipped; else they are skipped silently.

    Raises:
        SourceError: a source does not exist.
    """
    for source in sources:
        path = Path(source)
        if path.is_dir():
            yield from _walk(path, unreadable)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            raise SourceError(str(source), "no such file or directory")


def _walk(root: Path, unreadable: list[SourceError] | None) -> Iterator[Path]:
    def note(exc: OSError) -> None:
        if unreadable is not None:
            reason = exc.strerror or str(exc)
            unreadable.append(SourceError(str(exc.filename or root), f"cannot list: {reason}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=note):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def size_limit(path: Path) -> int:
    """The largest file of this kind searchlib reads, in bytes."""
    suffix = path.suffix.lower()
    return MAX_COLLECTION_BYTES if suffix in JSON_SUFFIXES | JSONL_SUFFIXES else MAX_PAGE_BYTES


def decode(data: bytes, source: str) -> str:
    """Decode file bytes to normalised text (see ``normalise``).

    Raises:
        SourceError: the bytes are not text.
    """
    text = _decode_bytes(data, source)
    if _is_binary(text):
        raise SourceError(source, "binary data, not a text file")
    return normalise(text)


def normalise(text: str) -> str:
    """Text with ``\\n`` line ends, plain spaces, no invisible characters, in NFC."""
    text = _LINE_ENDS.sub("\n", text)
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    return unicodedata.normalize("NFC", text)


def _decode_bytes(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _truncated_utf8(data, exc):
            log.warning("%s: ends in the middle of a character; that character is dropped", source)
            return data[: exc.start].decode("utf-8")
        return _decode_guess(data, source)


def _decode_utf16_without_bom(data: bytes, source: str) -> str:
    """UTF-16 text that lacks a byte-order mark, told by where its zero bytes fall.

    Raises:
        SourceError: the zero bytes do not fall as in UTF-16 text: the data is binary.
    """
    even, odd = data[0::2], data[1::2]
    for codec, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if len(data) % 2 == 0 and zeros.count(0) > MIN_UTF16_ZERO_SHARE * len(zeros):
            return data.decode(codec, errors="replace")
    raise SourceError(source, "binary data, not a text file")


def _truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """True when UTF-8 text is only cut short inside its last character."""
    return exc.reason == "unexpected end of data" and exc.end == len(data)


def _is_binary(text: str) -> bool:
    sample = text[:65536]
    return len(_CONTROLS.findall(sample)) > MAX_CONTROL_SHARE * max(len(sample), 1)


def _decode_guess(data: bytes, source: str) -> str:
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes  # imported here: only odd files need it

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(source, "cannot tell the text encoding; is it a text file?")
    log.debug("%s: decoded as %s", source, best.encoding)
    return str(best)


# In Western European text, accented letters are a small share of all letters; a page in
# another legacy code page read as cp1252 turns whole words into accented letters.
_MAX_WESTERN_NON_ASCII_SHARE = 0.25


def _as_western(data: bytes) -> str | None:
    """The bytes as cp1252 when that reads like Western European text, else None.

    Detectors guess poorly on short Western pages (cp1252 is read as Baltic or Central
    European code pages), and cp1252 is by far the most common legacy encoding of news pages.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [c for c in text if c.isalpha()]
    non_ascii = sum(1 for c in letters if not c.isascii())
    if letters and non_ascii / len(letters) <= _MAX_WESTERN_NON_ASCII_SHARE:
        return text
    return None


def read_bytes(path: Path) -> bytes:
    """Read a file whole, with errors as ``SourceError``."""
    try:
        if path.stat().st_size > size_limit(path):
            raise SourceError(str(path), too_large(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(str(path), "file not found (a broken link?)") from None
    except PermissionError:
        raise SourceError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise SourceError(str(path), "is a directory") from None
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or str(exc)) from None


def too_large(path: Path) -> str:
    """Why a file over its size limit is skipped."""
    return f"larger than {size_limit(path) // 2**20} MB, too large for one article page"


def page_digest(page: Page) -> str:
    """A digest of everything extraction sees of a page: its text, kind and metadata."""
    data = f"{page.kind}\0{page.supplied!r}\0{page.text}"
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def read_pages(path: str | os.PathLike[str], data: bytes | None = None) -> list[Page]:
    """Read one file into the pages it holds.

    Args:
        path: the file.
        data: its bytes, when the caller has read them already.

    Raises:
        SourceError: the file cannot be read, is not text, or is not a known kind.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    text = decode(read_bytes(path) if data is None else data, str(path))
    if not text.strip():
        raise SourceError(str(path), "empty file")
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        return list(_json_pages(path, text, lines=suffix in JSONL_SUFFIXES))
    kind: PageKind = "html" if suffix in HTML_SUFFIXES or _looks_like_html(text) else "text"
    return [Page(source=str(path), text=text, kind=kind, supplied=supplied_metadata(path))]


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _json_pages(path: Path, text: str, *, lines: bool) -> Iterator[Page]:
    for number, record in _json_records(path, text, lines=lines):
        yield _record_page(path, number, record)


def _json_records(path: Path, text: str, *, lines: bool) -> Iterator[tuple[int, Any]]:
    if lines:
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip():
                yield number, _parse_json(path, line, number)
        return
    data = _parse_json(path, text, None)
    records = data if isinstance(data, list) else [data]
    yield from enumerate(records, 1)


def _parse_json(path: Path, text: str, line: int | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {line}" if line else f"line {exc.lineno}"
        raise SourceError(str(path), f"invalid JSON at {where}: {exc.msg}") from None


def _record_page(path: Path, number: int, record: Any) -> Page:
    if not isinstance(record, Mapping):
        raise SourceError(f"{path}#{number}", "a JSON record must be an object")
    meta = metadata_from_mapping(record, f"{path}#{number}")
    body = record.get("text") or record.get("html") or record.get("body")
    if not isinstance(body, str) or not body.strip():
        raise SourceError(f"{path}#{number}", 'record has no "text" or "html"')
    kind: PageKind = "clean" if record.get("text") or record.get("body") else "html"
    text = normalise(body)
    return Page(source=f"{path}#{meta.id or number}", text=text, kind=kind, supplied=meta)


def supplied_metadata(path: Path) -> Metadata:
    """Metadata supplied for a file: its sidecar wins over its directory's file."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        return metadata_from_mapping(_load_json_object(sidecar), str(sidecar))
    directory = path.with_name(DIRECTORY_META)
    if directory.is_file():
        entry = _load_json_object(directory).get(path.name)
        if isinstance(entry, Mapping):
            return metadata_from_mapping(entry, f"{directory}:{path.name}")
    return Metadata()


def _load_json_object(path: Path) -> Mapping[str, Any]:
    try:
        data = json.loads(decode(read_bytes(path), str(path)))
    except (SourceError, json.JSONDecodeError) as exc:
        log.warning("%s: ignored, not valid JSON (%s)", path, exc)
        return {}
    return data if isinstance(data, Mapping) else {}


def metadata_from_mapping(data: Mapping[str, Any], where: str) -> Metadata:
    """Build ``Metadata`` from a JSON object, ignoring (and logging) malformed fields."""
    return Metadata(
        id=_text_field(data.get("id")),
        title=_text_field(data.get("title")),
        url=_text_field(data.get("url")),
        outlet=_text_field(data.get("outlet") or data.get("sitename")),
        date=_date_field(data.get("date"), where),
        authors=_authors_field(data.get("authors", data.get("author"))),
        original_outlet=_text_field(data.get("original_outlet")),
    )


def _text_field(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _date_field(value: Any, where: str) -> _dt.date | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        log.warning("%s: date %r is not YYYY-MM-DD; ignored", where, value)
        return None


def _authors_field(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return None
    names = tuple(name.strip() for name in value if isinstance(name, str) and name.strip())
    return names or None
