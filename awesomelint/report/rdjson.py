"""reviewdog's Diagnostic Format (rdjson, ``DiagnosticResult``), for users who already post
findings with reviewdog (``reviewdog -f=rdjson -reporter=github-pr-review``).

A safe fix becomes one line-wise suggestion (a range of whole lines and the lines that
replace them), which reviewdog turns into a GitHub suggestion: the lines as the fixes of
this report leave them, all fixes of a line in one suggestion, on the first finding of
the line (reviewdog would post two suggestions of one line as two clashing ones).
Positions are 1-based; columns count UTF-8 bytes, as the format asks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from awesomelint.document import Document
    from awesomelint.report._base import FileReport
    from awesomelint.review.suggest import Replacement


def _position(doc: Document, line: int, column: int) -> dict[str, int]:
    """``column`` (characters, 1-based) of ``line`` as a UTF-8 byte column."""
    text = doc.line_text(line) if line <= doc.line_count else ""
    return {"line": line, "column": len(text[: column - 1].encode("utf-8", "surrogatepass")) + 1}


def _suggestions(rep: FileReport) -> dict[int, Replacement]:
    """The replacement lines of each finding with a safe fix: the fixes of the report's
    findings applied together (as one pass of ``awesomelint fix`` applies them)."""
    from awesomelint.fixer import apply_edits, choose
    from awesomelint.review.suggest import replacements

    chosen = choose(rep.findings, unsafe=False)
    if not chosen:
        return {}
    fixed = apply_edits(rep.doc.text, [e for f in chosen if f.fix for e in f.fix.edits])
    return replacements(rep.doc, rep.findings, fixed)


def rdjson(reports: Sequence[FileReport]) -> str:
    from awesomelint.report._base import locate

    diagnostics: list[dict[str, Any]] = []
    for rep in reports:
        suggestions = _suggestions(rep)
        given: set[Replacement] = set()
        for index, f in enumerate(rep.findings):
            loc = locate(rep.doc, f)
            diagnostic: dict[str, Any] = {
                "message": f.message,
                "location": {
                    "path": rep.path.replace("\\", "/"),
                    "range": {
                        "start": _position(rep.doc, loc.line, loc.column),
                        "end": _position(rep.doc, loc.end_line, loc.end_column),
                    },
                },
                "severity": "ERROR" if f.severity.value == "error" else "WARNING",
                "source": {"name": "awesomelint"},
                "code": {"value": f.code},
            }
            repl = suggestions.get(index)
            if repl is not None and repl not in given:  # one suggestion for one set of lines
                given.add(repl)
                diagnostic["suggestions"] = [
                    {
                        "range": {"start": {"line": repl.first}, "end": {"line": repl.last}},
                        "text": "\n".join(repl.lines),
                    }
                ]
            diagnostics.append(diagnostic)
    result = {"source": {"name": "awesomelint"}, "diagnostics": diagnostics}
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
