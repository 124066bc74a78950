"""list-indent (L001): Nested bullets indented by 1 or 3 spaces, tabs, or a mix.

## What it does
Reads each list the way its author drew it - a bullet indented further than the bullet
above it is that bullet's child, one at the same column is its sibling, one moved back left
rejoins the level it lines up with (or, between two levels, the shallower one's children;
left of the list's first bullet, the top level) - and checks that every bullet is indented
with exactly the list's indent unit: 0 at the top level, and a child at its parent's column
plus `indent` spaces (option, default 2), or plus the width of the parent's marker and the
spaces after it when that is wider (3 under `1.`, 4 under `10.`; never more than 3 columns
past the parent's text, where a bullet would turn into code). Lists that follow each other
on the next line or after blank lines only are read as one list, as a reader sees them.

Lists indented with tabs on purpose - one tab per level, as in sindresorhus/awesome - can
say so with the option `tabs = true`: then a child is its parent's tabs plus one, and
spaces are what gets reported (and fixed into tabs).

Lists inside block quotes and lists with an item that starts on another item's line
(`- - x`) are left alone.

## Why is this bad
CommonMark nests a bullet only when it is indented at least to the text of the bullet
above, so a child indented by one space renders as a sibling, a `  - ` under `1. ` as a
separate list, and a tab shows at a different width in every editor: the list the reader
sees is not the one the author typed. Other tools "fix" this by flattening one-space-indented
children into top-level entries, which loses the grouping.

## Example
```markdown
- [Machine learning]
 - [aidenswmo](https://brunch.co.kr/@aidenswmo/2)
   - [paper](https://arxiv.org/abs/1611.01576)
- [learning tensorflow](http://learningtensorflow.com/)
```

Use instead:
```markdown
- [Machine learning]
  - [aidenswmo](https://brunch.co.kr/@aidenswmo/2)
    - [paper](https://arxiv.org/abs/1611.01576)
- [learning tensorflow](http://learningtensorflow.com/)
```

## Fix safety
Safe: only the whitespace before each bullet changes (tabs become spaces), and the item's
indented continuation lines (text, fenced code) move with it; lazy continuation lines are
left where they are. The fix keeps the nesting the author drew, so it changes the rendering
wherever CommonMark read the list differently - that is its purpose. Before a fix is
offered the rewritten list is parsed again; where that parse does not give every item its
intended parent and every line its item (an ordered child not starting at 1 right under
its parent's text cannot start a list, a paragraph after the list would be pulled into it,
a lazy line that looks like a bullet would become one, ...), the findings from that
top-level bullet at column 0 to the next one are reported without a fix.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from awesomelint._regex import lazy
from awesomelint.commonmark.items import content_offset, takes_next_line_lazily
from awesomelint.commonmark.lines import is_blank, visual_column
from awesomelint.commonmark.reparse import Drawn, owners, reads_as_drawn
from awesomelint.document import Document
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules import LIST_INDENT, LIST_TABS
from awesomelint.rules._base import Context, Rule
from awesomelint.rules._lists import VisualList, visual_lists

_LEAD = lazy(r"[ \t]*")


class _Node:
    """One bullet of a visual list and where the author meant it to be. (A working
    record of this module, never changed once made: a plain slotted class, as it is made
    for every bullet of every list.)"""

    __slots__ = (
        "pos", "line", "ws", "col", "content", "expected", "want", "child_offset", "parent",
        "depth",
    )  # fmt: skip

    def __init__(
        self,
        pos: int,  # position in the visual list
        line: int,
        ws: str,  # the whitespace before the marker, as written
        col: int,  # the marker's visual column, as written
        content: int,  # visual column of the item's text, as written
        expected: int,  # column of the marker after the fix
        want: str,  # the whitespace before the marker after the fix
        child_offset: int,  # expected column of a child, relative to this marker
        parent: int | None,  # position of the intended parent
        depth: int,
    ) -> None:
        self.pos = pos
        self.line = line
        self.ws = ws
        self.col = col
        self.content = content
        self.expected = expected
        self.want = want
        self.child_offset = child_offset
        self.parent = parent
        self.depth = depth


def _plan(doc: Document, vl: VisualList, indent: int | None) -> list[_Node]:
    """Where each bullet goes: ``indent`` spaces per level, or a tab (``None``)."""
    nodes: list[_Node] = []
    stack: list[_Node] = []
    text, line_starts, line_ends = doc.text, doc.line_starts, doc.line_ends
    for pos, it in enumerate(vl.items):
        line0 = it.line - 1
        ws = text[line_starts[line0] : it.start]
        col = visual_column(ws)
        while len(stack) > 1 and col < stack[-1].col:
            stack.pop()
        if stack and col <= stack[-1].col:  # a sibling, or left of the first bullet
            stack.pop()
        parent = stack[-1] if stack else None
        if indent is None:
            want = "\t" * len(stack)
            expected = 4 * len(stack)
        else:
            expected = parent.expected + parent.child_offset if parent else 0
            want = " " * expected
        width = len(it.marker)
        rest = text[it.start + width : line_ends[line0]]
        offset = content_offset(rest, expected + width, width)
        # (the same call when the bullet already sits where it should, as most do)
        written = offset if col == expected else content_offset(rest, col + width, width)
        node = _Node(
            pos,
            it.line,
            ws,
            col,
            col + written,
            expected,
            want,
            # more than 3 columns past the text would make the child indented code
            min(max(indent or 4, offset), offset + 3),
            parent.pos if parent else None,
            len(stack),
        )
        stack.append(node)
        nodes.append(node)
    return nodes


def _edits(doc: Document, vl: VisualList, nodes: Sequence[_Node]) -> list[list[Edit]]:
    """Per node: its bullet's new indentation and its continuation lines moved along."""
    edits: list[list[Edit]] = [[] for _ in nodes]
    for node, it in zip(nodes, vl.items, strict=True):
        if node.ws != node.want:
            start = doc.line_starts[it.line - 1]
            edits[node.pos].append(Edit(start, start + len(node.ws), node.want))
    owner = owners(vl.items, vl.first_line, vl.last_line)
    for n in range(vl.first_line, vl.last_line + 1):
        pos = owner[n - vl.first_line]
        node = nodes[pos]
        delta = node.expected - node.col
        if n == node.line or delta == 0 or is_blank(doc, n):
            continue
        start = doc.line_starts[n - 1]
        m = _LEAD.match(doc.text, start)
        assert m is not None
        # rewrite the indentation up to the item's text column; what lies beyond it (a
        # code block's own indentation, tabs included) is content and is kept as written
        col, k = 0, 0
        for ch in m.group(0):
            if col >= node.content:
                break
            col, k = visual_column(ch, col), k + 1
        if col >= node.content:  # lazy lines (left of the text) stay where they are
            edits[pos].append(Edit(start, start + k, " " * (col + delta)))
    return edits


def _segments(nodes: Sequence[_Node]) -> Iterator[tuple[int, int]]:
    """Runs of nodes that can be fixed on their own: a top-level bullet already at column 0
    closes everything above it, for the reader and for CommonMark alike."""
    starts = [n.pos for n in nodes if n.pos == 0 or (n.parent is None and not n.ws)]
    yield from zip(starts, [*starts[1:], len(nodes)], strict=True)


def _drawn(nodes: Sequence[_Node]) -> list[Drawn]:
    base = nodes[0].pos
    return [(n.line, n.depth, None if n.parent is None else n.parent - base) for n in nodes]


def _describe(ws: str) -> str:
    tabs = ws.count("\t")
    if not tabs:
        return f"{len(ws)} space{'s' if len(ws) != 1 else ''}"
    if tabs == len(ws):
        return "with a tab" if tabs == 1 else f"with {tabs} tabs"
    return "with tabs and spaces"


def _misread(
    doc: Document, vl: VisualList, nodes: Sequence[_Node], bad: Sequence[_Node]
) -> Iterator[Problem]:
    """Bullets indented as drawn that CommonMark still nests elsewhere, because a line
    between them (a fence, an outdented paragraph) closes the item above: no fix, since
    whitespace before the bullet cannot help. Segments with misindented bullets are left
    to the fix, whose re-parse covers them."""
    by_index = {it.index: it for it in vl.items}
    touched = {a for a, b in _segments(nodes) for n in nodes[a:b] if n in bad}
    for a, b in _segments(nodes):
        if a in touched:
            continue
        for node in nodes[a:b]:
            it = vl.items[node.pos]
            parent = by_index.get(it.parent) if it.parent is not None else None
            actual = parent.line if parent is not None else None
            wanted = nodes[node.parent].line if node.parent is not None else None
            if actual != wanted and wanted is not None:
                shown = f"line {actual}" if actual is not None else "no item"
                yield Problem(
                    f"List item is drawn under the item on line {wanted} but renders under "
                    f"{shown}: a line between them ends that item",
                    doc.line_starts[it.line - 1],
                    it.start + len(it.marker),
                )
                break


def _unit(ws: str) -> str:
    return "a tab" if ws == "\t" else f"{len(ws)} tabs" if ws else "none"


def check(ctx: Context) -> Iterator[Problem]:
    indent = None if LIST_TABS.value(ctx) else LIST_INDENT.value(ctx)
    doc = ctx.doc
    line_starts = doc.line_starts
    for vl in visual_lists(doc):
        if not vl.plain:
            continue
        if all(it.start == line_starts[it.line - 1] for it in vl.items):
            # every bullet at column 0 (most lists): each is top-level where it should be
            # and drawn under nothing, so _plan finds no bullet to move and _misread no
            # parent to compare (tests/rules/test_list_indent.py checks that it is so)
            continue
        nodes = _plan(doc, vl, indent)
        bad = [node for node in nodes if node.ws != node.want]
        yield from _misread(doc, vl, nodes, bad)
        if not bad:
            continue
        edits = _edits(doc, vl, nodes)
        fixable: set[int] = set()
        # an item empty on its marker line with text right under it: mistune reads that
        # text into the item, CommonMark not - the re-parse cannot vouch for such a segment
        # and a top-level bullet 4 columns in, which is indented code to CommonMark
        odd = [
            k
            for k, it in enumerate(vl.items)
            if takes_next_line_lazily(doc, it) or (it.parent is None and nodes[k].col >= 4)
        ]
        if not odd and reads_as_drawn(
            doc, vl.items, _drawn(nodes), [e for es in edits for e in es]
        ):
            fixable.update(range(len(nodes)))
        else:  # withhold the fix only where the rewritten list would read differently
            for a, b in _segments(nodes):
                seg = nodes[a:b]
                if any(a <= k < b for k in odd):
                    continue
                if any(n.ws != n.want for n in seg) and reads_as_drawn(
                    doc, vl.items[a:b], _drawn(seg), [e for es in edits[a:b] for e in es]
                ):
                    fixable.update(range(a, b))
        for node in bad:
            it = vl.items[node.pos]
            start = doc.line_starts[it.line - 1]
            if node.parent is None:
                where = "for a top-level item"
                title = "Remove the indentation before the bullet"
            elif indent is None:
                where = f"to nest under the item on line {nodes[node.parent].line}"
                title = f"Indent the bullet with {_unit(node.want)}"
            else:
                where = f"to nest under the item on line {nodes[node.parent].line}"
                title = f"Indent the bullet with {node.expected} spaces"
            wanted = _unit(node.want) if indent is None and node.want else node.expected
            yield Problem(
                f"List item indented {_describe(node.ws)}; expected {wanted} {where}",
                start,
                it.start + len(it.marker),
                Fix(title, tuple(edits[node.pos])) if node.pos in fixable else None,
            )


RULE = Rule(
    code="L001",
    name="list-indent",
    summary="Nested bullets indented inconsistently (1 or 3 spaces, tabs, mixed)",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
    options=(LIST_INDENT, LIST_TABS),
    groups=frozenset({"awesome"}),
)
