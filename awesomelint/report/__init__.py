"""Formatters: turn findings into text for people or machines. Pure string builders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from awesomelint.document import Document
from awesomelint.model import Finding, Location

FORMATS = ("text", "json", "github", "sarif", "rdjson")


@dataclass(frozen=True, slots=True)
class FileReport:
    """The findings of one file, with the document to place them."""

    path: str
    doc: Document
    findings: tuple[Finding, ...]


def locate(doc: Document, f: Finding) -> Location:
    line, col = doc.location(f.start)
    end = max(f.end, f.start)
    end_line, end_col = doc.location(end)
    return Location(line, col, end_line, end_col)


def _fix_mark(f: Finding) -> str:
    if f.fix is None:
        return ""
    return " [*]" if f.fix.safe else " [*unsafe]"


def text(reports: Sequence[FileReport]) -> str:
    lines = []
    for r in reports:
        for f in r.findings:
            loc = locate(r.doc, f)
            lines.append(
                f"{r.path}:{loc.line}:{loc.column}: {f.code} [{f.rule}] {f.message}{_fix_mark(f)}"
            )
    return "".join(x + "\n" for x in lines)


def summary(reports: Sequence[FileReport]) -> str:
    findings = [f for r in reports for f in r.findings]
    if not findings:
        return "All checks passed!\n"
    safe = sum(1 for f in findings if f.fix and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix and not f.fix.safe)
    files = sum(1 for r in reports if r.findings)
    out = f"Found {len(findings)} problem{'s' if len(findings) != 1 else ''}"
    out += f" in {files} file{'s' if files != 1 else ''}."
    if safe:
        out += f"\n[*] {safe} fixable with `awesomelint fix`."
    if unsafe:
        out += f"\n[*unsafe] {unsafe} more with `awesomelint fix --unsafe-fixes`."
    return out + "\n"


def as_json(reports: Sequence[FileReport]) -> str:
    items = []
    for r in reports:
        for f in r.findings:
            loc = locate(r.doc, f)
            items.append(
                {
                    "path": r.path,
                    "line": loc.line,
                    "column": loc.column,
                    "end_line": loc.end_line,
                    "end_column": loc.end_column,
                    "code": f.code,
                    "rule": f.rule,
                    "message": f.message,
                    "severity": f.severity.value,
                    "fix": None if f.fix is None else {"title": f.fix.title, "safe": f.fix.safe},
                }
            )
    import json  # (here: the text report needs none)

    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github(reports: Sequence[FileReport]) -> str:
    """GitHub Actions workflow commands, one annotation per finding."""
    lines = []
    for r in reports:
        for f in r.findings:
            loc = locate(r.doc, f)
            level = "error" if f.severity.value == "error" else "warning"
            props = [f"file={_escape_prop(r.path)}", f"line={loc.line}"]
            if loc.end_line == loc.line:
                props += [f"col={loc.column}", f"endColumn={loc.end_column}"]
            props.append(f"endLine={loc.end_line}")
            props.append(f"title={_escape_prop(f'{f.code} {f.rule}')}")
            lines.append(f"::{level} {','.join(props)}::{_escape_data(f.message)}")
    return "".join(x + "\n" for x in lines)


def render(fmt: str, reports: Sequence[FileReport]) -> str:
    if fmt == "json":
        return as_json(reports)
    if fmt == "github":
        return github(reports)
    if fmt == "sarif":
        from awesomelint.report.sarif import sarif

        return sarif(reports)
    if fmt == "rdjson":
        from awesomelint.report.rdjson import rdjson

        return rdjson(reports)
    return text(reports)
