"""A Markdown job summary (``$GITHUB_STEP_SUMMARY``): a findings table and the fix command."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomelint.report import FileReport

MAX_ROWS = 200  # GitHub caps a summary at 1 MiB; a table this long is already unreadable


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def summary_markdown(reports: Sequence[FileReport]) -> str:
    from awesomelint.report import locate

    findings = [(r, f) for r in reports for f in r.findings]
    lines = ["## awesomelint", ""]
    if not findings:
        files = len(reports)
        lines.append(f"No problems found in {files} file{'s' if files != 1 else ''}. :sparkles:")
        return "\n".join(lines) + "\n"
    errors = sum(1 for _, f in findings if f.severity.value == "error")
    fixable = [r.path for r, f in findings if f.fix is not None and f.fix.safe]
    lines.append(
        f"**{len(findings)}** problem{'s' if len(findings) != 1 else ''} "
        f"({errors} error{'s' if errors != 1 else ''}, {len(findings) - errors} warnings), "
        f"{len(fixable)} fixable."
    )
    lines += ["", "| file | line | rule | message |", "| --- | ---: | --- | --- |"]
    for rep, f in findings[:MAX_ROWS]:
        loc = locate(rep.doc, f)
        mark = " (fixable)" if f.fix is not None and f.fix.safe else ""
        lines.append(
            f"| {_cell(rep.path)} | {loc.line} | `{f.code}` {f.rule} | {_cell(f.message)}{mark} |"
        )
    if len(findings) > MAX_ROWS:
        lines.append(f"| ... | | | {len(findings) - MAX_ROWS} more |")
    if fixable:
        paths = " ".join(shlex.quote(p) for p in dict.fromkeys(fixable))
        lines += [
            "",
            "Fix what is mechanical with:",
            "",
            "```sh",
            f"awesomelint fix {paths}",
            "```",
        ]
    return "\n".join(lines) + "\n"
