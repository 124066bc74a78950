"""missing-title (K002): an entry links a bare URL instead of a human title.

## What it does
Finds links that have no human-readable title:

- a list item that is only a bare URL or an `<autolink>` (`- https://twitter.com/karpathy`),
  or that starts with one followed by a ` - description`;
- an empty link text, `[](url)` or `[ ](url)`, anywhere (images are not links);
- an entry link (a list item's first thing, emphasis aside) whose text is just its own
  URL, compared loosely (`[https://github.com/ron-rs/ron](https://github.com/ron-rs/ron/)`).

A URL that follows human text has a title and is not reported, bare
(`- sung kim - https://www.youtube.com/...`) or as link text (`- Docs at
[https://x.org](https://x.org)`, `- **SciPy** ([https://scipy.org](https://scipy.org))`);
a URL shown as link text inside a description is prose.
Links are http(s) ones and what else GitHub shows as a raw URL: an entry starting with
an `ftp://` URL or a `www.` domain (GFM autolinks both; `sftp://` and `ftps://` stay
plain text), and `<ftp://...>`, `<sftp://...>`, `<ftps://...>` autolinks.

## Why is this bad
A list of raw URLs cannot be scanned: readers see `https://twitter.com/OpenAI` instead of
a name, screen readers spell the URL out, and an empty `[](url)` renders as nothing at
all - the link is invisible.

## Example
```markdown
- https://twitter.com/karpathy
- [](https://github.com/karpathy/paper-notes)
```

Use instead:
```markdown
- [karpathy on Twitter](https://twitter.com/karpathy)
- [karpathy/paper-notes](https://github.com/karpathy/paper-notes)
```

## Fix safety
Safe: the URL stays and a title derived from it is added (`owner/repo` for GitHub,
`name on Twitter`, `arXiv 1611.01576`, the humanised last path segment, or the host).
With `fix --fetch-titles`, the page's own `<title>` is used instead when it could be
fetched quickly (and is not an error page or a bot wall). The generated title is a
starting point worth editing, but no text is lost. Unsafe when
the link text is a differently spelt URL (`http://` for an `https://` target, a trailing
slash): replacing it drops that spelling. No fix for a bare `www.` domain: the link a
title needs would need a scheme the text does not have.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from awesomelint._regex import lazy
from awesomelint.document import Document, Link
from awesomelint.entries.items import Item, items
from awesomelint.entries.text import name_link
from awesomelint.links.urls import clean, link_key, normalize
from awesomelint.model import Edit, Fix, Problem, Severity
from awesomelint.rules._base import Context, Rule

# what may follow a leading bare URL in an entry: nothing, or a " - description"
_REST = lazy(r"[ \t]*(?:$|[-–—:][ \t])")
_ESCAPE = lazy(r"[\\\[\]`*<]|(?<!\w)_|_(?!\w)")
# what GitHub autolinks besides http(s) URLs (mistune reads these as text): `ftp://`
# URLs and `www.` domains; they end at a space or "<", not on trailing punctuation
_GFM_STARTS = ("ftp:", "www.")
_GFM_TRAILING = "?!.,:*_~"
# non-http schemes an <autolink> may show as its text (and a title may replace)
_FILE_SCHEMES = ("ftp://", "ftps://", "sftp://")


def escape_title(title: str) -> str:
    """A generated title as Markdown link text: brackets and emphasis markers escaped."""
    return _ESCAPE.sub(lambda m: "\\" + m.group(0), title)


def _destination(url: str) -> str:
    """``url`` as an inline link destination: wrapped in <> when parens are unbalanced."""
    depth = 0
    for ch in url:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            break
    if depth == 0 and not any(c.isspace() for c in url):
        return url
    return f"<{url}>"


def _bare(doc: Document, link: Link, title: str) -> Problem:
    url = clean(link.url) if link.kind == "autolink" else link.url
    shown = doc.text[link.start : link.end]
    return Problem(
        f"Entry {shown} is a bare URL without a title",
        link.start,
        link.end,
        Fix(
            f'Add the title "{title}"',
            (Edit(link.start, link.end, f"[{escape_title(title)}]({_destination(url)})"),),
        ),
    )


def _retitle(link: Link, title: str, message: str, safe: bool = True) -> Problem:
    assert link.text is not None and link.text_start is not None
    end = link.text_start + len(link.text)
    edit = Edit(link.text_start, end, escape_title(title))
    return Problem(message, link.start, link.end, Fix(f'Use the title "{title}"', (edit,), safe))


def _title(ctx: Context, url: str) -> str:
    """The page's own title when ``fix --fetch-titles`` fetched one, else one derived
    from the URL."""
    if ctx.link_titles:
        key = link_key(url)
        fetched = ctx.link_titles.get(key) if key is not None else None
        if fetched:
            return fetched
    return _derived_title(url)


def _derived_title(url: str) -> str:
    """A title from the URL; a file server's URL is read as a web one (host, path)."""
    from awesomelint.links.titles import title_from_url  # (only a finding's fix needs it)

    scheme = clean(url).lower()
    for prefix in _FILE_SCHEMES:
        if scheme.startswith(prefix):
            return title_from_url("https://" + clean(url)[len(prefix) :])
    return title_from_url(url)


@functools.cache
def _gfm_bare() -> re.Pattern[str]:
    return re.compile(
        r"(?:ftp://[^\s<>\[\]()/?#.]|www\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-])[^\s<]*", re.IGNORECASE
    )


def _gfm_entry(doc: Document, entry: Item) -> Problem | None:
    """An entry starting with an ``ftp://`` URL or a ``www.`` domain, which GitHub shows
    as a link with its URL for text (mistune reads both as plain text)."""
    assert entry.block is not None
    first = entry.block.lines[0]
    lead = len(first.text) - len(first.text.lstrip())
    if first.text[lead : lead + 4].lower() not in _GFM_STARTS:
        return None
    m = _gfm_bare().match(first.text, lead)
    if m is None:
        return None
    url = m.group(0).rstrip(_GFM_TRAILING)
    while url.endswith(")") and url.count(")") > url.count("("):
        url = url[:-1].rstrip(_GFM_TRAILING)
    start = first.start + lead
    end = start + len(url)
    if (
        doc.in_region(start)
        or any(doc.links[li].start < end for li in entry.links)
        or not _REST.match(first.text, lead + len(url))
    ):
        return None
    if url[:4].lower() == "www.":  # a title needs a scheme the text does not have
        return Problem(f"Entry {url} is a bare URL without a title", start, end)
    title = _derived_title(url)
    edit = Edit(start, end, f"[{escape_title(title)}]({_destination(url)})")
    return Problem(
        f"Entry {url} is a bare URL without a title",
        start,
        end,
        Fix(f'Add the title "{title}"', (edit,)),
    )


def _linkable(link: Link) -> bool:
    """Whether a link goes to a page a title can name: http(s), or an <autolink> to a
    file server (its text is the URL too)."""
    if normalize(link.url) is not None:
        return True
    return link.kind == "autolink" and clean(link.url).lower().startswith(_FILE_SCHEMES)


def check(ctx: Context) -> Iterator[Problem]:
    doc = ctx.doc
    reported: set[int] = set()
    for entry in items(doc):
        if entry.block is None:
            continue
        bare = _gfm_entry(doc, entry)
        if bare is not None:
            yield bare
            continue
        if not entry.links:
            continue
        li = entry.links[0]
        link = doc.links[li]
        if link.image or not _linkable(link):
            continue
        first = entry.block.lines[0]
        if link.kind in ("bare", "autolink"):
            lead = doc.text[first.start : link.start]
            rest = first.text[link.end - first.start :]
            if not lead.strip() and _REST.match(rest):
                reported.add(li)
                yield _bare(doc, link, _title(ctx, link.url))
        elif (
            link.text
            and "://" in link.text
            and normalize(link.text) == normalize(link.url)
            and name_link(doc, entry.block, entry.links) is not None
        ):  # (after human text, "at [https://x.org](https://x.org)" shows the URL on purpose)
            reported.add(li)
            yield _retitle(
                link,
                _title(ctx, link.url),
                f"Link text {link.text.strip()} is the URL itself: give the entry a title",
                # a differently spelt URL in the text is a URL the fix removes
                safe=clean(link.text) == clean(link.url),
            )
    for li, link in enumerate(doc.links):
        if (
            li in reported
            or link.image
            or link.text is None
            or link.text.strip()
            or normalize(link.url) is None
        ):
            continue
        yield _retitle(
            link,
            _title(ctx, link.url),
            f"Link to {clean(link.url)} has empty text and is invisible: give it a title",
        )


RULE = Rule(
    code="K002",
    name="missing-title",
    summary="A link shows a bare URL or nothing instead of a title",
    check=check,
    doc=__doc__ or "",
    fixable=True,
    severity=Severity.WARNING,
    groups=frozenset({"awesome"}),
    needs=frozenset({"link_titles"}),
)
