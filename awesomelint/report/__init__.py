"""Formatters: turn findings into text for people or machines. Pure string builders."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from awesomelint.model import Finding
from awesomelint.report._base import IO_ERROR_CODE as IO_ERROR_CODE
from awesomelint.report._base import IO_ERROR_RULE as IO_ERROR_RULE
from awesomelint.report._base import FileReport as FileReport
from awesomelint.report._base import locate as locate
from awesomelint.report._base import plural as plural
from awesomelint.report._base import unreadable as unreadable

# "text": full on a terminal, concise otherwise (the CLI decides); "full": each finding
# with its source line and a caret; "concise": one line per finding
FORMATS = ("text", "full", "concise", "json", "github", "sarif", "rdjson")


@cache  # (asked once per finding: a big report has a hundred thousand)
def _fixed_by_links() -> frozenset[str]:
    from awesomelint.registry import fixed_by_links

    return frozenset(r.code for r in fixed_by_links())


def fix_kind(f: Finding) -> str | None:
    """Which command applies ``f``'s fix: "safe" (`fix`), "unsafe" (`fix --unsafe-fixes`),
    "links" (`fix --links`: the fix needs the link check); None without a fix."""
    if f.fix is None:
        return None
    if f.code in _fixed_by_links():
        return "links"
    return "safe" if f.fix.safe else "unsafe"


# the mark after a finding, and the summary line naming the command that applies it
_MARKS = {"safe": "[*]", "unsafe": "[*unsafe]", "links": "[*links]"}
_HINTS = {
    "safe": "{n} fixable with `awesomelint fix`.",
    "unsafe": "{n} fixable with `awesomelint fix --unsafe-fixes`.",
    "links": "{n} fixable with `awesomelint fix --links`.",
}


def _fix_mark(f: Finding) -> str:
    kind = fix_kind(f)
    return "" if kind is None else f" {_MARKS[kind]}"


def fix_hints(findings: Sequence[Finding]) -> list[str]:
    """One line per fix command that applies some of ``findings``: ``[*] 3 fixable with
    `awesomelint fix`.``"""
    counts = Counter(fix_kind(f) for f in findings)
    return [
        f"{_MARKS[kind]} {_HINTS[kind].format(n=counts[kind])}"
        for kind in ("safe", "unsafe", "links")
        if counts[kind]
    ]


def text(reports: Sequence[FileReport], *, full: bool = False, color: bool = False) -> str:
    """One line per finding (concise); with ``full``, each followed by its source line
    and a caret under the span; ``color`` adds ANSI colours."""
    if full or color:  # (only a terminal's readers need them)
        from awesomelint.report.excerpt import excerpt, paint
    else:
        excerpt = paint = None  # type: ignore[assignment]
    lines = []
    for r in reports:
        for f in r.findings:
            loc = locate(r.doc, f)
            line = f"{r.path}:{loc.line}:{loc.column}: {f.code} [{f.rule}] {f.message}"
            mark = _fix_mark(f)
            if color:
                at = paint(f":{loc.line}:{loc.column}:", "dim", True)
                rule = paint(f"[{f.rule}]", "dim", True)
                code = paint(f.code, "code", True)
                line = f"{paint(r.path, 'path', True)}{at} {code} {rule} {f.message}"
                mark = mark and " " + paint(mark.strip(), "mark", True)
            lines.append(line + mark)
            if full:
                lines += [*excerpt(r.doc, f, loc, color), ""]
    return "".join(x + "\n" for x in lines)


def summary(reports: Sequence[FileReport]) -> str:
    """The closing lines of the text output ("" when no file could be read at all)."""
    read = [r for r in reports if r.error is None]
    failed = len(reports) - len(read)
    if not read:
        return ""
    findings = [f for r in read for f in r.findings]
    if not findings:
        out = f"No problems found in {plural(len(read), 'file')}." if failed else (
            "All checks passed!"
        )
    else:
        files = sum(1 for r in read if r.findings)
        out = f"Found {plural(len(findings), 'problem')} in {plural(files, 'file')}."
        out += "".join(f"\n{hint}" for hint in fix_hints(findings))
    if failed:
        out += f"\n{plural(failed, 'file')} could not be read (see the errors above)."
    return out + "\n"


def statistics(reports: Sequence[FileReport]) -> str:
    """``--statistics``: one line per rule, most frequent first - how many findings, how
    many of them fixable and by which command (as ruff's ``--statistics``)."""
    findings = [f for r in reports for f in r.findings]
    if not findings:
        return ""
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    rows = sorted(by_code.values(), key=lambda fs: (-len(fs), fs[0].code))
    width = max(len(str(len(fs))) for fs in rows)
    name_width = max(len(fs[0].rule) for fs in rows)
    lines = []
    for fs in rows:
        kinds = Counter(fix_kind(f) for f in fs)
        fixable = " ".join(f"{kinds[k]} {_MARKS[k]}" for k in _MARKS if kinds[k])
        lines.append(
            f"{len(fs):>{width}}  {fs[0].code}  {fs[0].rule:<{name_width}}  {fixable or '-'}"
        )
    return "".join(line.rstrip() + "\n" for line in lines)


def statistics_json(reports: Sequence[FileReport]) -> str:
    """``--statistics --output-format json``: the same counts as objects."""
    import json

    by_code: dict[tuple[str, str], list[Finding]] = {}
    for f in (f for r in reports for f in r.findings):
        by_code.setdefault((f.code, f.rule), []).append(f)
    ordered = sorted(by_code.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = [
        {"code": code, "rule": rule, "count": len(fs), "fixable": sum(bool(f.fix) for f in fs)}
        for (code, rule), fs in ordered
    ]
    return json.dumps(rows, indent=2) + "\n"


def fix_summary(
    applied: Sequence[Finding], files: int, remaining: Sequence[Finding], *, diff: bool
) -> str:
    """The line that closes ``fix``: what it did (or, with ``diff``, would do) and what
    is left; then how the rest could be fixed, if it can."""
    left = f"{plural(len(remaining), 'problem')} left" if remaining else "nothing left"
    if applied:
        verb = "Would fix" if diff else "Fixed"
        out = f"{verb} {plural(len(applied), 'problem')} in {plural(files, 'file')}; {left}."
    elif remaining:
        out = f"Nothing to fix automatically; {left}."
    else:
        out = "Nothing to fix."
    # a safe fix still left was refused (it would have lost text): no hint for it
    hints = [h for h in fix_hints(remaining) if not h.startswith(_MARKS["safe"] + " ")]
    return out + "".join(f"\n{h}" for h in hints) + "\n"


def applied_fixes(applied: Sequence[Finding]) -> str:
    """``fix --show-fixes``: each kind of fix applied, with how often."""
    counts = Counter((f.code, f.rule, f.fix.title if f.fix else "") for f in applied)
    return "".join(
        f"    {n} × {code} ({rule}): {title}\n"
        for (code, rule, title), n in sorted(counts.items())
    )


def _io_error_json(r: FileReport) -> dict[str, object]:
    return {
        "path": r.path,
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 1,
        "code": IO_ERROR_CODE,
        "rule": IO_ERROR_RULE,
        "message": r.error,
        "severity": "error",
        "fix": None,
    }


def as_json(reports: Sequence[FileReport]) -> str:
    items = []
    for r in reports:
        if r.error is not None:
            items.append(_io_error_json(r))
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
        if r.error is not None:
            where = f"file={_escape_prop(r.path)},line=1"
            title = f"title={IO_ERROR_CODE} {IO_ERROR_RULE}"
            lines.append(f"::error {where},{title}::{_escape_data(r.error)}")
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


def render(
    fmt: str, reports: Sequence[FileReport], *, full: bool = False, color: bool = False
) -> str:
    """``reports`` in ``fmt``; ``full`` and ``color`` shape the text format only (the
    machine formats never change)."""
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
    return text(reports, full=full, color=color)
