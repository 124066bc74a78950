"""Write realistic synthetic awesome lists of a given size (for benchmarks and scaling).

A list is a title, a badge, a blurb, a table of contents and sections (some with
sub-sections) of entries ``- [name](url) - Description.``, some nested, some with a
badge or inline code, each section closed by a "back to top" link, then a license. About
one entry in fifty carries a defect a linter reports: trailing whitespace, a ``*``
marker, three-space nesting, a duplicate link, a missing space after the marker, a
description without its period, a bare URL, a heading without a space after ``##``.
The same size and seed always give the same text.

Usage: python benchmarks/synthetic.py SIZE [OUT] [--seed N]   (SIZE: 800KB, 4MB, 123456)
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

_WORDS = (
    "fast", "simple", "small", "safe", "typed", "async", "pure", "minimal", "modern",
    "portable", "embeddable", "library", "framework", "toolkit", "client", "server",
    "parser", "driver", "wrapper", "binding", "engine", "generator", "validator",
    "formatter", "logger", "router", "cache", "queue", "store", "index", "scheduler",
    "for", "with", "and", "of", "the", "a", "to", "in", "on", "over", "via", "using",
    "without", "across", "between", "HTTP", "JSON", "YAML", "SQL", "gRPC", "WebSocket",
    "CLI", "TUI", "GUI", "image", "audio", "video", "text", "data", "graphs", "streams",
    "files", "tests", "metrics", "events", "configs", "templates", "markdown",
)
_HOSTS = ("github.com", "gitlab.com", "codeberg.org", "docs.example.org", "pkg.example.dev")


def _name(rnd: random.Random, i: int) -> str:
    return f"{rnd.choice(_WORDS)}-{rnd.choice(_WORDS)}{i}"


def _sentence(rnd: random.Random) -> str:
    words = [rnd.choice(_WORDS) for _ in range(rnd.randint(4, 14))]
    return " ".join(words).capitalize()


def _entry(rnd: random.Random, i: int, seen: list[str]) -> tuple[str, str]:
    """One entry's text (after the marker) and its URL."""
    name = _name(rnd, i)
    url = f"https://{rnd.choice(_HOSTS)}/{rnd.choice(_WORDS)}/{name}"
    defect = rnd.random() < 0.02
    kind = rnd.randrange(6) if defect else -1
    if kind == 0 and seen:
        url = rnd.choice(seen)  # duplicate link
    desc = _sentence(rnd)
    r = rnd.random()
    if r < 0.05:
        desc += f" Uses `{rnd.choice(_WORDS)}()` underneath"
    elif r < 0.08:
        desc += f" [![stars](https://img.example/{name}.svg)](https://{rnd.choice(_HOSTS)}/{name})"
    text = f"[{name}]({url}) - {desc}"
    if kind == 1:
        text += " https://bare.example/" + name  # bare URL in the description
    if kind != 2:
        text += "."  # kind 2: description without its period
    if kind == 3:
        text += "  "  # trailing whitespace
    seen.append(url)
    return text, url


def generate(size: int, seed: int = 1) -> str:
    """A synthetic list of about ``size`` characters (it stops after the first section
    that reaches the size)."""
    rnd = random.Random(seed)
    titles: list[str] = []
    body: list[str] = []
    seen: list[str] = []
    length = 0
    i = 0
    section = 0
    while length < size:
        section += 1
        title = f"{rnd.choice(_WORDS).capitalize()} {rnd.choice(_WORDS)} {section}"
        titles.append(title)
        heading = f"##{title}" if rnd.random() < 0.01 else f"## {title}"  # rare defect
        lines = [heading, "", f"{_sentence(rnd)}.", ""]
        for _ in range(rnd.randint(8, 60)):
            i += 1
            text, _url = _entry(rnd, i, seen)
            marker = "*" if rnd.random() < 0.005 else "-"
            gap = "" if rnd.random() < 0.005 else " "  # `-[name](...)`: no space
            lines.append(f"{marker}{gap}{text}")
            for _ in range(rnd.choice((0, 0, 0, 0, 1, 2))):
                i += 1
                sub, _ = _entry(rnd, i, seen)
                indent = "   " if rnd.random() < 0.01 else "  "
                lines.append(f"{indent}- {sub}")
                if rnd.random() < 0.1:
                    i += 1
                    subsub, _ = _entry(rnd, i, seen)
                    lines.append(f"{indent}  - {subsub}")
        lines += ["", "**[⬆ back to top](#contents)**", ""]
        chunk = "\n".join(lines) + "\n"
        body.append(chunk)
        length += len(chunk)
    head = [
        "# Awesome Synthetic",
        "",
        "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        "> A curated list of generated things, for measuring linters.",
        "",
        "## Contents",
        "",
        *(f"- [{t}](#{t.lower().replace(' ', '-')})" for t in titles),
        "",
    ]
    tail = ["## License", "", "CC0: to the extent possible under law, nobody owns this."]
    return "\n".join(head) + "\n" + "".join(body) + "\n".join(tail) + "\n"


def parse_size(text: str) -> int:
    t = text.strip().upper()
    for suffix, factor in (("KB", 1024), ("MB", 1024 * 1024), ("K", 1024), ("M", 1024 * 1024)):
        if t.endswith(suffix):
            return int(float(t[: -len(suffix)]) * factor)
    return int(t)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("size", type=parse_size, help="target size: 800KB, 4MB, 123456")
    ap.add_argument("out", nargs="?", type=Path, help="file to write (default: stdout)")
    ap.add_argument("--seed", type=int, default=1)
    opts = ap.parse_args()
    text = generate(opts.size, opts.seed)
    if opts.out is None:
        sys.stdout.write(text)
    else:
        opts.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
