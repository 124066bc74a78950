"""The Rule value, its metadata as plain data, and the context a rule's check function
receives."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal

from awesomelint.model import Problem, Severity

if TYPE_CHECKING:
    from awesomelint.document import Document
    from awesomelint.links.status import LinkStatus

OptionValue = int | str | bool | list[str]
# which command applies a fixable rule's fixes: "safe" `fix`, "unsafe" `fix
# --unsafe-fixes`, "mixed" some of each, "links" `fix --links` (the fix needs the link
# checker's answer, which only --links fetches)
FixKind = Literal["safe", "unsafe", "mixed", "links"]
# what a rule reads besides the document, its options and its path; the engine hands a
# rule only what it declares. "link_status": the link checker's verdicts (only --links
# fetches them; without them the rule reports nothing); "link_titles": fetched page
# titles (only `fix --fetch-titles` fetches them; the rule works without them)
Need = Literal["link_status", "link_titles"]


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule sees: the parsed document, its options, and where the file lives."""

    doc: Document
    options: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    path: Path | None = None  # None for stdin and the Python API
    # what the link checker found, by links.status.link_key(url); None: not checked, or
    # the rule does not declare the need (the network rules then report nothing)
    link_status: Mapping[str, LinkStatus] | None = None
    # page titles fetched for `fix --fetch-titles`, by the same key (None: likewise)
    link_titles: Mapping[str, str] | None = None

    @property
    def text(self) -> str:
        return self.doc.text


CheckFn = Callable[[Context], Iterable[Problem]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule: stable code and name, documentation, and a pure check function."""

    code: str  # stable, never reused (see rules/__init__.py for retired codes)
    name: str  # kebab-case, used in config, CLI and suppression comments
    summary: str  # one line for `awesomelint rules`
    check: CheckFn
    doc: str  # the module docstring: What it does / Why is this bad / Example / Fix safety
    fixable: bool = False  # True when at least some findings carry a fix
    fix_kind: FixKind = "safe"  # (when fixable) which command applies the fixes
    default: bool = True  # enabled without --select
    severity: Severity = Severity.WARNING
    options: Mapping[str, OptionValue] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # the values a string option may take: a config file with another is an error
    choices: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    groups: frozenset[str] = frozenset()
    needs: frozenset[Need] = frozenset()  # data from outside the document (see Need)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule's metadata, as plain data: what selecting, listing and configuring rules
    need, without importing the rule's module (awesomelint.registry imports it when the
    rule runs). The fields mean what :class:`Rule`'s do; tests/test_registry.py checks
    that they agree with the module's ``RULE``."""

    code: str
    name: str
    module: str  # the rule's module in awesomelint.rules
    summary: str
    fixable: bool = False
    fix_kind: FixKind = "safe"
    default: bool = True
    severity: Severity = Severity.WARNING
    options: Mapping[str, OptionValue] = field(
        default_factory=lambda: MappingProxyType({})
    )
    choices: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    groups: frozenset[str] = frozenset()
    needs: frozenset[Need] = frozenset()
