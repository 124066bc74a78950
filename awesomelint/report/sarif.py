"""SARIF 2.1.0 output for GitHub code scanning and other SARIF consumers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from awesomelint.registry import Rule, load_all

if TYPE_CHECKING:
    from awesomelint.report._base import FileReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _level(rule: Rule) -> str:
    return "error" if rule.severity.value == "error" else "warning"


def _rule(rule: Rule) -> dict[str, Any]:
    first, _, rest = rule.doc.partition("\n")
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": first.strip()},
        "help": {"text": rule.doc.strip(), "markdown": rest.strip() or first.strip()},
        "defaultConfiguration": {"level": _level(rule), "enabled": rule.default},
        "properties": {"tags": sorted(rule.groups), "fixable": rule.fixable},
    }


def _io_error(rep: FileReport) -> dict[str, Any]:
    from awesomelint.report._base import IO_ERROR_CODE

    uri = rep.path.replace("\\", "/")
    return {
        "ruleId": IO_ERROR_CODE,
        "level": "error",
        "message": {"text": rep.error},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
        "properties": {"rule": "io-error"},
    }


def sarif(reports: Sequence[FileReport]) -> str:
    from awesomelint.report._base import locate

    rules = load_all()  # (their documentation is the rules' help)
    index = {r.code: i for i, r in enumerate(rules)}
    results = []
    failed = [rep for rep in reports if rep.error is not None]
    for rep in reports:
        if rep.error is not None:
            results.append(_io_error(rep))
        for f in rep.findings:
            loc = locate(rep.doc, f)
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": "error" if f.severity.value == "error" else "warning",
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": rep.path.replace("\\", "/")},
                            "region": {
                                "startLine": loc.line,
                                "startColumn": loc.column,
                                "endLine": loc.end_line,
                                "endColumn": loc.end_column,
                            },
                        }
                    }
                ],
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            if f.fix is not None:
                result["properties"] = {"fix": f.fix.title, "fixSafe": f.fix.safe}
            results.append(result)
    from awesomelint import __version__

    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "awesomelint",
                        "version": __version__,
                        "rules": [_rule(r) for r in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [
                    {
                        "executionSuccessful": not failed,
                        "toolExecutionNotifications": [
                            {
                                "level": "error",
                                "message": {"text": f"{rep.path}: {rep.error}"},
                                "descriptor": {"id": "io-error"},
                            }
                            for rep in failed
                        ],
                    }
                ],
            }
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
