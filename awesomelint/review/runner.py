"""Lint the pull request's files as ``check --diff-base`` does, plan the review, and post
it; when GitHub will not take it, report annotations and a job summary instead."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from awesomelint import gitdiff
from awesomelint.document import Document
from awesomelint.engine import BoundLinter, lint
from awesomelint.errors import FixError, InputError
from awesomelint.files import decode, read_text
from awesomelint.markdown import parse
from awesomelint.model import Finding
from awesomelint.registry import Settings
from awesomelint.report import FileReport
from awesomelint.review import context, plan
from awesomelint.review.suggest import Replacement, replacements

if TYPE_CHECKING:
    import httpx

    from awesomelint.review.github import GitHub, GitHubError


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a run did: the findings, the review posted (or, dry, to post), or why none
    could be posted (then ``annotations`` and the job summary report the findings)."""

    reports: tuple[FileReport, ...]
    review: plan.Review | None = None
    url: str | None = None
    fallback: str | None = None  # one line: why no review was posted
    summary: str = ""  # Markdown for the job summary
    notes: tuple[str, ...] = ()  # one-line messages for stderr


@dataclass(frozen=True, slots=True)
class Request:
    """A review run: the files, the base to diff against, the rules per file."""

    names: Sequence[str]
    diff_base: str
    settings_for: Callable[[str], Settings]
    fix_args: Sequence[str] = ()  # the rule selection, for the fix command in the body
    dry_run: bool = False


def run(
    req: Request,
    env: Mapping[str, str],
    cwd: Path,
    transport: httpx.BaseTransport | None = None,
) -> Outcome:
    """Lint, plan, post; never raises for what GitHub answers (that is a fallback)."""
    try:
        pr: context.PullRequest | None = context.from_env(env)
    except InputError:
        if not req.dry_run:
            raise
        pr = None  # a dry run needs no pull request: the review of HEAD is printed
    work_head = gitdiff.resolve_commit("HEAD", cwd)
    head = pr.head_sha if pr is not None else work_head
    if head is None:
        raise InputError("review needs a commit: this repository has none yet")
    from_blobs = head != work_head
    if from_blobs and gitdiff.resolve_commit(head, cwd) is None:
        files, reports = _lint(req, cwd, None)
        return _fallback(
            files,
            reports,
            f"the pull request's head commit {head[:12]} is not in this clone (check it "
            "out: actions/checkout with ref: ${{ github.event.pull_request.head.sha }}, or "
            "fetch-depth: 0)",
        )
    files, reports = _lint(req, cwd, head if from_blobs else None)
    placed = plan.place(files)
    if req.dry_run:
        review = plan.build(placed, files, head, fix_args=req.fix_args)
        return Outcome(reports, review, summary=_summary(reports))
    assert pr is not None
    token = env.get("GITHUB_TOKEN", "")
    if not token:
        return _fallback(files, reports, "GITHUB_TOKEN is not set, so no review can be posted")
    from awesomelint.links.proxy import Proxies
    from awesomelint.review.github import GitHub, GitHubError

    proxies = Proxies.from_environment(env)
    proxy = None if proxies is None else proxies.for_api(pr.api_url)
    try:
        with GitHub(pr.api_url, token, transport=transport, proxy=proxy) as gh:
            return _post(gh, pr, req, files, reports, placed)
    except GitHubError as exc:
        return _fallback(files, reports, _reason(exc))


def _post(
    gh: GitHub,
    pr: context.PullRequest,
    req: Request,
    files: list[plan.FileResult],
    reports: tuple[FileReport, ...],
    placed: list[plan.Placed],
) -> Outcome:
    from awesomelint.review.github import GitHubError

    posted: set[str] = set()
    for item in (*gh.paginate(pr.path("comments")), *gh.paginate(pr.path("reviews"))):
        if isinstance(item, dict) and isinstance(item.get("body"), str):
            posted |= plan.markers_in(item["body"])
    review = plan.build(placed, files, pr.head_sha, posted=posted, fix_args=req.fix_args)
    if review is None:
        note = (
            f"nothing new to post: {len(placed)} finding{'s' if len(placed) != 1 else ''} "
            "posted by an earlier run"
            if placed
            else "no problems on the pull request's lines: nothing to post"
        )
        return Outcome(reports, summary=_summary(reports), notes=(note,))
    try:
        answer = gh.post(pr.path("reviews"), review.payload)
    except GitHubError as exc:
        if exc.status != 422 or not review.comments:
            raise
        # a line GitHub does not count as part of the diff: everything goes in the body
        retry = plan.build(
            placed, files, pr.head_sha, posted=posted, fix_args=req.fix_args,
            inline=False, refused=exc.message,
        )  # fmt: skip
        assert retry is not None
        review = retry
        answer = gh.post(pr.path("reviews"), review.payload)
    url = answer.get("html_url") if isinstance(answer, dict) else None
    url = url if isinstance(url, str) else None
    line = f"Review posted: {url or 'pull request #' + str(pr.number)}"
    line += f" ({review.comments} comments, {review.suggestions} suggestions)."
    return Outcome(reports, review, url, summary=_summary(reports) + "\n" + line + "\n")


def _lint(
    req: Request, cwd: Path, head: str | None
) -> tuple[list[plan.FileResult], tuple[FileReport, ...]]:
    """Each file's findings on the changed lines (of the work tree, or of commit ``head``
    when another commit is checked out), and their suggestions."""
    changed = gitdiff.changed_lines(req.diff_base, cwd, head=head)
    files: list[plan.FileResult] = []
    reports: list[FileReport] = []
    for name in req.names:
        if name == "-":
            raise InputError("review reads files, not standard input")
        path = Path(name)
        try:
            rel: Path | None = path.resolve().relative_to(changed.root)
        except ValueError:
            rel = None  # outside the repository: not in the pull request
        if head is not None and rel is not None:
            if path.resolve() not in changed.tracked:
                continue  # deleted by the pull request: nothing to review
            text = decode(gitdiff.read_blob(head, rel, changed.root), name)
        else:
            text = read_text(name)
        doc = parse(text)
        settings = req.settings_for(name)
        lines = changed.lines_for(path)
        found = tuple(gitdiff.keep_changed(lint(doc, settings, path), doc, lines))
        fix_error = None
        repls: dict[int, Replacement] = {}
        if any(f.fix is not None and f.fix.safe for f in found):
            from awesomelint.fixer import fix_document

            try:
                fixed = fix_document(doc, _linter(settings, path), text_only=True).text
                repls = replacements(doc, found, fixed)
            except FixError as exc:
                fix_error = str(exc)
        added = lines if lines is not None and rel is not None else frozenset()
        key = rel.as_posix() if rel is not None else name
        files.append(plan.FileResult(key, doc, found, added, repls, fix_error))
        reports.append(FileReport(name, doc, found))
    return files, tuple(reports)


def _linter(settings: Settings, path: Path) -> Callable[[Document], list[Finding]]:
    return BoundLinter(settings, path)


def _reason(exc: GitHubError) -> str:
    if exc.status == 401:
        return f"GitHub rejected the token ({exc})"
    if exc.denied:
        return (
            f"GitHub answered {exc}: this token may not write a review, as on a pull "
            "request from a fork under `pull_request` (see the README's "
            "`pull_request_target` workflow)"
        )
    return f"the GitHub API failed: {exc}"


def _summary(reports: Sequence[FileReport]) -> str:
    from awesomelint.report.markdown import summary_markdown

    return summary_markdown(reports)


def _fallback(
    files: Sequence[plan.FileResult], reports: tuple[FileReport, ...], reason: str
) -> Outcome:
    """Annotations and a job summary whose fixes are shown as a diff."""
    summary = f"> No review posted: {reason}.\n\n" + _summary(reports)
    hunks = plan.fixed_hunks(files)
    if hunks:
        summary += "\n### Fixes for these lines\n\n" + hunks
    return Outcome(reports, fallback=reason, summary=summary)
