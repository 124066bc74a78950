"""A Markdown job summary (``$GITHUB_STEP_SUMMARY``): a findings table and the fix command."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesomelint.links.checker import Stats
    from awesomelint.report._base import FileReport

MAX_ROWS = 200  # GitHub caps a summary at 1 MiB; a table this long is already unreadable


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _link_health(stats: Stats) -> list[str]:
    """The link-health table: every checked link, whether or not its line was reported."""
    head = "| checked | ok | dead | redirected | warnings | from cache | skipped | time |"
    row = (
        f"| {stats.checked} | {stats.ok} | {stats.dead} | {stats.redirected} "
        f"| {stats.warnings} | {stats.from_cache} | {stats.skipped} | {stats.elapsed:.1f} s |"
    )
    return [
        "",
        "### Link health",
        "",
        head,
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        row,
        "",
        "Warnings: unreachable (timeouts, lasting 5xx, TLS errors), blocked (401/403/429, "
        "bot challenges) and archived repositories.",
    ]


def summary_markdown(reports: Sequence[FileReport], links: Stats | None = None) -> str:
    """The summary: counts, a findings table, the link-health table (with ``links``, the
    link checker's counts), and the fix command when something is fixable."""
    from awesomelint.report._base import locate, plural

    findings = [(r, f) for r in reports for f in r.findings]
    lines = ["## awesomelint", ""]
    failed = [r for r in reports if r.error is not None]
    if failed:
        lines += [
            f"**{plural(len(failed), 'file')} could not be read:** "
            + ", ".join(f"{_cell(r.path)} ({_cell(r.error or '')})" for r in failed),
            "",
        ]
        reports = [r for r in reports if r.error is None]
    if not findings:
        files = len(reports)
        lines.append(f"No problems found in {files} file{'s' if files != 1 else ''}. :sparkles:")
        if links is not None:
            lines += _link_health(links)
        return "\n".join(lines) + "\n"
    errors = sum(1 for _, f in findings if f.severity.value == "error")
    fixable = [r.path for r, f in findings if f.fix is not None and f.fix.safe]
    lines.append(
        f"**{len(findings)}** problem{'s' if len(findings) != 1 else ''} "
        f"({plural(errors, 'error')}, {plural(len(findings) - errors, 'warning')}), "
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
    if links is not None:
        lines += _link_health(links)
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
