"""The Document model: the immutable result of one parse, with exact positions.

Everything here is the typed, immutable result that rules see, built by
:func:`awesomelint.markdown.parse` (mistune 3 records no source positions: the
``markdown`` package recovers them). All offsets are character offsets into the
*original* text (BOM, CRLF and all), so a rule's edit can be applied to the original
string directly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from itertools import accumulate
from typing import Any, Literal, TypeVar

from awesomelint.model import Frozen, _frozen_error

LinkKind = Literal["inline", "reference", "autolink", "bare"]
RegionKind = Literal["fenced_code", "indent_code", "html", "codespan", "inline_html"]
# the kinds of region a rule skips, by what they hold (for Document.in_region and the
# whitespace rules' RegionCursor): named once, here
CODE_REGIONS: frozenset[RegionKind] = frozenset({"fenced_code", "indent_code", "codespan"})
BLOCK_REGIONS: frozenset[RegionKind] = frozenset({"fenced_code", "indent_code", "html"})
INLINE_REGIONS: frozenset[RegionKind] = frozenset({"codespan", "inline_html"})
HTML_REGIONS: frozenset[RegionKind] = frozenset({"html", "inline_html"})
ALL_REGIONS: frozenset[RegionKind] = frozenset(
    {"fenced_code", "indent_code", "html", "codespan", "inline_html"}
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
T = TypeVar("T")
_set = object.__setattr__  # how a Frozen value's __init__ sets its fields


def _setters(cls: type[Frozen]) -> tuple[Callable[[Any, Any], None], ...]:
    """The slot setters of ``cls``'s fields, in order: for the classes a parse makes by
    the thousand, whose ``__init__`` calls them - the same as ``_set`` (a slot's own
    setter is what ``object.__setattr__`` ends up calling), in half the time."""
    names: tuple[str, ...] = cls.__slots__
    return tuple(getattr(cls, name).__set__ for name in names)


class TextLine(Frozen):
    """One line of a paragraph or heading's own text, container prefixes removed."""

    __slots__ = ("line", "start", "text")
    line: int  # 1-based
    start: int  # offset of the line's first content character
    text: str

    def __init__(self, line: int, start: int, text: str) -> None:
        set_line, set_start, set_text = _TEXT_LINE_SET
        set_line(self, line)
        set_start(self, start)
        set_text(self, text)


_TEXT_LINE_SET = _setters(TextLine)


class Block(Frozen):
    """A paragraph (or tight list item text) or a heading: text that holds inline content."""

    __slots__ = ("kind", "start", "end", "lines")
    kind: Literal["paragraph", "heading"]
    start: int
    end: int  # offset just past the block's last character (before the newline)
    lines: tuple[TextLine, ...]

    def __init__(
        self,
        kind: Literal["paragraph", "heading"],
        start: int,
        end: int,
        lines: tuple[TextLine, ...],
    ) -> None:
        set_kind, set_start, set_end, set_lines = _BLOCK_SET
        set_kind(self, kind)
        set_start(self, start)
        set_end(self, end)
        set_lines(self, lines)


_BLOCK_SET = _setters(Block)


class Heading(Frozen):
    """An ATX (``## x``) or setext heading."""

    __slots__ = ("level", "style", "start", "end", "text", "text_start", "line")
    level: int
    style: Literal["atx", "setext"]
    start: int  # first character of the heading (the ``#`` or the setext text)
    end: int  # end of the heading's last line (for setext: of the underline)
    text: str  # inline source of the title, stripped of markers and closing #s
    text_start: int
    line: int

    def __init__(
        self,
        level: int,
        style: Literal["atx", "setext"],
        start: int,
        end: int,
        text: str,
        text_start: int,
        line: int,
    ) -> None:
        _set(self, "level", level)
        _set(self, "style", style)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "text", text)
        _set(self, "text_start", text_start)
        _set(self, "line", line)


class Link(Frozen):
    """A link or image as written: inline, reference-style, ``<autolink>`` or bare URL."""

    __slots__ = (
        "kind", "image", "start", "end", "text", "text_start", "url", "url_start", "url_end",
        "label", "parent",
    )  # fmt: skip
    kind: LinkKind
    image: bool
    start: int
    end: int
    text: str | None  # raw source between the brackets (None for autolinks / bare URLs)
    text_start: int | None
    url: str  # raw destination as written in the source (for references: in the definition)
    url_start: int  # where that raw URL sits (inside the definition for references)
    url_end: int
    label: str | None  # reference label, for reference-style links
    parent: int | None  # index of the enclosing link (image inside a link)

    def __init__(
        self,
        kind: LinkKind,
        image: bool,
        start: int,
        end: int,
        text: str | None,
        text_start: int | None,
        url: str,
        url_start: int,
        url_end: int,
        label: str | None = None,
        parent: int | None = None,
    ) -> None:
        k, im, s, e, t, ts, u, us, ue, lb, p = _LINK_SET
        k(self, kind)
        im(self, image)
        s(self, start)
        e(self, end)
        t(self, text)
        ts(self, text_start)
        u(self, url)
        us(self, url_start)
        ue(self, url_end)
        lb(self, label)
        p(self, parent)


_LINK_SET = _setters(Link)


class ListItem(Frozen):
    """A list item; ``parent``/``children`` are indices into ``Document.items``."""

    __slots__ = (
        "index", "marker", "start", "end", "line", "end_line", "depth", "list_id", "parent",
        "children",
    )  # fmt: skip
    index: int
    marker: str  # "-", "*", "+", "1.", "2)"
    start: int  # offset of the marker
    end: int  # end of the item's last line
    line: int
    end_line: int
    depth: int
    list_id: int  # items of the same CommonMark list share it
    parent: int | None
    children: tuple[int, ...]

    def __init__(
        self,
        index: int,
        marker: str,
        start: int,
        end: int,
        line: int,
        end_line: int,
        depth: int,
        list_id: int,
        parent: int | None,
        children: tuple[int, ...],
    ) -> None:
        i, m, s, e, ln, el, d, li, p, c = _LIST_ITEM_SET
        i(self, index)
        m(self, marker)
        s(self, start)
        e(self, end)
        ln(self, line)
        el(self, end_line)
        d(self, depth)
        li(self, list_id)
        p(self, parent)
        c(self, children)

    @property
    def ordered(self) -> bool:
        return self.marker[-1] in ".)"


_LIST_ITEM_SET = _setters(ListItem)


class Definition(Frozen):
    """A link reference definition ``[label]: url``."""

    __slots__ = ("label", "url", "url_start", "url_end", "line")
    label: str
    url: str
    url_start: int
    url_end: int
    line: int

    def __init__(self, label: str, url: str, url_start: int, url_end: int, line: int) -> None:
        _set(self, "label", label)
        _set(self, "url", url)
        _set(self, "url_start", url_start)
        _set(self, "url_end", url_end)
        _set(self, "line", line)


class Region(Frozen):
    """Source whose content is not Markdown text: code, HTML."""

    __slots__ = ("kind", "start", "end")
    kind: RegionKind
    start: int
    end: int

    def __init__(self, kind: RegionKind, start: int, end: int) -> None:
        _set(self, "kind", kind)
        _set(self, "start", start)
        _set(self, "end", end)


_VALUE = (
    "text", "line_starts", "line_ends", "headings", "items", "links", "blocks", "definitions",
    "regions",
)  # fmt: skip


class _DataclassFields:
    """``Document.__dataclass_fields__``, made on first use: ``dataclasses.fields`` and
    ``dataclasses.replace`` work on a Document as on the frozen dataclass it was, without
    ``dataclasses`` imported and a dataclass generated when this module loads (that
    costs two milliseconds of every start)."""

    def __get__(self, obj: object, cls: type | None = None) -> dict[str, Any]:
        return _dataclass_fields()


@cache
def _dataclass_fields() -> dict[str, Any]:
    from dataclasses import field, make_dataclass

    twin = make_dataclass(
        "Document",
        [
            *((name, Any) for name in _VALUE),
            ("_region_starts", tuple[int, ...], field(repr=False, compare=False, default=())),
            ("_link_starts", tuple[int, ...], field(repr=False, compare=False, default=())),
            ("_memo", dict[str, Any], field(repr=False, compare=False, init=False)),
        ],
        frozen=True,
    )
    fields: dict[str, Any] = twin.__dataclass_fields__  # type: ignore[attr-defined]
    return fields


class Document:
    """Everything rules may look at. Built by :func:`awesomelint.markdown.parse`; never mutated.

    Behaves as ``@dataclass(frozen=True, slots=True)`` with the offset indices and the
    memo left out of equality and repr (the memo also out of ``__init__``): a plain
    class, as the small value types of :mod:`awesomelint.model` are, for start-up."""

    __slots__ = (*_VALUE, "_region_starts", "_link_starts", "_memo")
    __dataclass_fields__ = _DataclassFields()
    text: str
    line_starts: tuple[int, ...]  # offset of each line's first character (BOM excluded)
    line_ends: tuple[int, ...]  # offset of each line's end-of-line (or end of text)
    headings: tuple[Heading, ...]
    items: tuple[ListItem, ...]
    links: tuple[Link, ...]
    blocks: tuple[Block, ...]
    definitions: tuple[Definition, ...]
    regions: tuple[Region, ...]
    _region_starts: tuple[int, ...]
    _link_starts: tuple[int, ...]
    # results of derived computations (see memo); not part of the value, never copied
    # (a changed Document starts empty)
    _memo: dict[str, Any]

    def __init__(
        self,
        text: str,
        line_starts: tuple[int, ...],
        line_ends: tuple[int, ...],
        headings: tuple[Heading, ...],
        items: tuple[ListItem, ...],
        links: tuple[Link, ...],
        blocks: tuple[Block, ...],
        definitions: tuple[Definition, ...],
        regions: tuple[Region, ...],
        _region_starts: tuple[int, ...] = (),
        _link_starts: tuple[int, ...] = (),
    ) -> None:
        _set(self, "text", text)
        _set(self, "line_starts", line_starts)
        _set(self, "line_ends", line_ends)
        _set(self, "headings", headings)
        _set(self, "items", items)
        _set(self, "links", links)
        _set(self, "blocks", blocks)
        _set(self, "definitions", definitions)
        _set(self, "regions", regions)
        _set(self, "_region_starts", _region_starts)
        _set(self, "_link_starts", _link_starts)
        _set(self, "_memo", {})

    def _values(self) -> tuple[Any, ...]:
        return (
            self.text, self.line_starts, self.line_ends, self.headings, self.items, self.links,
            self.blocks, self.definitions, self.regions,
        )  # fmt: skip

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Document)
            return self is other or self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in _VALUE)
        return f"{self.__class__.__qualname__}({fields})"

    def __reduce__(self) -> tuple[type[Document], tuple[Any, ...]]:
        return self.__class__, (*self._values(), self._region_starts, self._link_starts)

    def __setattr__(self, name: str, value: object) -> None:
        raise _frozen_error(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise _frozen_error(f"cannot delete field {name!r}")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    @property
    def eol(self) -> str:
        """The file's line break ("\\n", "\\r\\n" or "\\r"): the first one, or LF."""
        m = _LINE_BREAK.search(self.text)
        return m.group(0) if m else "\n"

    def line_of(self, offset: int) -> int:
        """1-based line holding ``offset``."""
        return max(bisect_right(self.line_starts, offset), 1)

    def location(self, offset: int) -> tuple[int, int]:
        """1-based (line, column); columns count characters, a tab counts 1. A BOM is
        not a column: offsets 0 and 1 of ``"\ufeff# Title"`` are both column 1."""
        line = self.line_of(offset)
        return line, max(offset - self.line_starts[line - 1], 0) + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        return self.text[self.line_starts[line - 1] : self.line_ends[line - 1]]

    def in_region(self, offset: int, kinds: frozenset[RegionKind] | None = None) -> bool:
        """Whether ``offset`` lies inside code or HTML (optionally only of ``kinds``)."""
        i = bisect_right(self._region_starts, offset)
        # regions can nest (a code span inside nothing else, blocks never overlap each
        # other), so look back over the few regions that start before offset
        j = i - 1
        while j >= 0 and j >= i - 4:
            r = self.regions[j]
            if r.start <= offset < r.end and (kinds is None or r.kind in kinds):
                return True
            j -= 1
        return False

    def memo(self, key: str, compute: Callable[[Document], T]) -> T:
        """``compute(self)``, computed once per Document: for derived data that several
        rules need (the entries of a list, normalised URLs). ``compute`` must be a pure
        function of the Document; ``key`` names it uniquely (its module and name)."""
        memo = self._memo
        if key in memo:
            return memo[key]  # type: ignore[no-any-return]
        value = compute(self)
        memo[key] = value
        return value

    def has_memo(self, key: str) -> bool:
        """Whether :meth:`memo` computed ``key`` already (a caller may then derive
        another Document's value from it cheaply)."""
        return key in self._memo

    def links_between(self, start: int, end: int) -> tuple[Link, ...]:
        """Links whose start lies in ``[start, end)``, in source order."""
        starts = self._link_starts
        return self.links[bisect_left(starts, start) : bisect_left(starts, end)]


def split_lines(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Line starts and line ends (before the break) of ``text``; CR, LF and CRLF count."""
    first = 1 if text.startswith("\ufeff") else 0
    if not first and "\r" not in text:
        # LF only: the same numbers from the lines' lengths, a third of the time of a
        # match object per line
        cum = list(accumulate([len(line) + 1 for line in text.split("\n")], initial=0))
        return tuple(cum[:-1]), tuple([c - 1 for c in cum[1:]])
    starts = [first]
    ends = []
    for m in _LINE_BREAK.finditer(text):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(text))
    return tuple(starts), tuple(ends)

