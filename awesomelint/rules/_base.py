"""The Rule value, its metadata as plain data, its options' declarations, and the
context a rule's check function receives."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

from awesomelint.model import Frozen, Problem, Severity

if TYPE_CHECKING:
    from awesomelint.document import Document
    from awesomelint.links.status import LinkStatus

OptionValue = int | str | bool
# which command applies a fixable rule's fixes: "safe" `fix`, "unsafe" `fix
# --unsafe-fixes`, "mixed" some of each, "links" `fix --links` (the fix needs the link
# checker's answer, which only --links fetches)
FixKind = Literal["safe", "unsafe", "mixed", "links"]
# what a rule reads besides the document, its options and its path; the engine hands a
# rule only what it declares. "link_status": the link checker's verdicts (only --links
# fetches them; without them the rule reports nothing); "link_titles": fetched page
# titles (only `fix --fetch-titles` fetches them; the rule works without them)
Need = Literal["link_status", "link_titles"]


_set = object.__setattr__  # how a Frozen value's __init__ sets its fields
_EMPTY: Mapping[str, Any] = MappingProxyType({})
T = TypeVar("T", bound=OptionValue)


class Context(Frozen):
    """What a rule sees: the parsed document, its options, and where the file lives."""

    __slots__ = ("doc", "options", "path", "link_status", "link_titles")
    doc: Document
    options: Mapping[str, Any]
    path: Path | None  # None for stdin and the Python API
    # what the link checker found, by links.status.link_key(url); None: not checked, or
    # the rule does not declare the need (the network rules then report nothing)
    link_status: Mapping[str, LinkStatus] | None
    # page titles fetched for `fix --fetch-titles`, by the same key (None: likewise)
    link_titles: Mapping[str, str] | None

    def __init__(
        self,
        doc: Document,
        options: Mapping[str, Any] = _EMPTY,
        path: Path | None = None,
        link_status: Mapping[str, LinkStatus] | None = None,
        link_titles: Mapping[str, str] | None = None,
    ) -> None:
        _set(self, "doc", doc)
        _set(self, "options", options)
        _set(self, "path", path)
        _set(self, "link_status", link_status)
        _set(self, "link_titles", link_titles)

    @property
    def text(self) -> str:
        return self.doc.text


CheckFn = Callable[[Context], Iterable[Problem]]


class Option(Frozen, Generic[T]):
    """A rule option, declared once (in the table, awesomelint/rules/__init__.py): its key
    in the rule's config table, its default - whose type is the option's - and the values
    it may take. A config's value is checked when the config loads (:meth:`problem`); the
    rule reads it typed (:meth:`value`)."""

    __slots__ = ("name", "default", "choices", "minimum")
    name: str
    default: T
    choices: tuple[T, ...]  # the only values it may take (none: any of its type)
    minimum: int | None  # the least it may be (a number)

    def __init__(
        self, name: str, default: T, choices: tuple[T, ...] = (), minimum: int | None = None
    ) -> None:
        _set(self, "name", name)
        _set(self, "default", default)
        _set(self, "choices", choices)
        _set(self, "minimum", minimum)

    def value(self, ctx: Context) -> T:
        """This option's value for the run: the configured one (checked when the settings
        were made), or the default."""
        return cast(T, ctx.options.get(self.name, self.default))

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` for this option, as the end of a sentence that
        names it (``must be int, got 'x'``); None when it may take it."""
        kind = type(self.default)
        if type(value) is not kind:  # (exactly: True is no number of blank lines)
            return f"must be {kind.__name__}, got {value!r}"
        if self.choices and value not in self.choices:
            known = ", ".join(repr(c) for c in self.choices)
            return f"must be one of {known}, got {value!r}"
        if self.minimum is not None and isinstance(value, int) and value < self.minimum:
            return f"must be at least {self.minimum}, got {value!r}"
        return None


Options = tuple[Option[Any], ...]


class Rule(Frozen):
    """A rule: stable code and name, documentation, and a pure check function."""

    __slots__ = (
        "code", "name", "summary", "check", "doc", "fixable", "fix_kind", "default",
        "severity", "options", "groups", "needs",
    )  # fmt: skip
    code: str  # stable, never reused (see rules/__init__.py for retired codes)
    name: str  # kebab-case, used in config, CLI and suppression comments
    summary: str  # one line for `awesomelint rules`
    check: CheckFn
    doc: str  # the module docstring: What it does / Why is this bad / Example / Fix safety
    fixable: bool  # True when at least some findings carry a fix
    fix_kind: FixKind  # (when fixable) which command applies the fixes
    default: bool  # enabled without --select
    severity: Severity
    options: Options  # what its config table may set (see Option)
    groups: frozenset[str]
    needs: frozenset[Need]  # data from outside the document (see Need)

    def __init__(
        self,
        code: str,
        name: str,
        summary: str,
        check: CheckFn,
        doc: str,
        fixable: bool = False,
        fix_kind: FixKind = "safe",
        default: bool = True,
        severity: Severity = Severity.WARNING,
        options: Options = (),
        groups: frozenset[str] = frozenset(),
        needs: frozenset[Need] = frozenset(),
    ) -> None:
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "summary", summary)
        _set(self, "check", check)
        _set(self, "doc", doc)
        _set(self, "fixable", fixable)
        _set(self, "fix_kind", fix_kind)
        _set(self, "default", default)
        _set(self, "severity", severity)
        _set(self, "options", options)
        _set(self, "groups", groups)
        _set(self, "needs", needs)


class RuleInfo(Frozen):
    """A rule's metadata, as plain data: what selecting, listing and configuring rules
    need, without importing the rule's module (awesomelint.registry imports it when the
    rule runs). The fields mean what :class:`Rule`'s do; tests/core/test_registry.py checks
    that they agree with the module's ``RULE``."""

    __slots__ = (
        "code", "name", "module", "summary", "fixable", "fix_kind", "default", "severity",
        "options", "groups", "needs",
    )  # fmt: skip
    code: str
    name: str
    module: str  # the rule's module in awesomelint.rules
    summary: str
    fixable: bool
    fix_kind: FixKind
    default: bool
    severity: Severity
    options: Options
    groups: frozenset[str]
    needs: frozenset[Need]

    def __init__(
        self,
        code: str,
        name: str,
        module: str,
        summary: str,
        fixable: bool = False,
        fix_kind: FixKind = "safe",
        default: bool = True,
        severity: Severity = Severity.WARNING,
        options: Options = (),
        groups: frozenset[str] = frozenset(),
        needs: frozenset[Need] = frozenset(),
    ) -> None:
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "module", module)
        _set(self, "summary", summary)
        _set(self, "fixable", fixable)
        _set(self, "fix_kind", fix_kind)
        _set(self, "default", default)
        _set(self, "severity", severity)
        _set(self, "options", options)
        _set(self, "groups", groups)
        _set(self, "needs", needs)
