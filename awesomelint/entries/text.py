"""What an entry's text is made of: the spaces it may hold, emoji, a link's plain text,
and the named link an entry leads with (what makes an item an entry)."""

from __future__ import annotations

from awesomelint._regex import lazy
from awesomelint.document import Block, Document, Link

SPACES = " \t\u00a0\u2009\u202f"
_IMAGES_ONLY = lazy(r"\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+")


def is_emoji(ch: str) -> bool:
    """Whether ``ch`` is (part of) an emoji: pictographs, symbols, joiners, selectors."""
    o = ord(ch)
    return (
        o >= 0x1F000
        or 0x2600 <= o <= 0x27BF
        or 0x2300 <= o <= 0x23FF
        or 0x2B00 <= o <= 0x2BFF
        or o in (0x200D, 0xFE0F, 0x20E3, 0x00A9, 0x00AE, 0x2122, 0x2139, 0x3030)
    )


def plain(text: str) -> str:
    """Link text without surrounding emphasis or code markers and with single spaces."""
    text = " ".join(text.replace("`", "").split())
    return text.strip("*_~ ")


def name_link(
    doc: Document, block: Block, links: tuple[int, ...]
) -> tuple[Link, str, str] | None:
    """(link, emphasis markers before it, name) when the paragraph's first thing (after
    emphasis markers) is a named link to a resource: inline or reference-style, not an
    image, not an ``#anchor``, not only images (a badge)."""
    if not links:
        return None
    link = doc.links[links[0]]
    lead = doc.text[block.start : link.start] if link.start > block.start else ""
    if lead.strip("*_") or link.image or link.text is None or link.kind not in (
        "inline",
        "reference",
    ):
        return None
    if link.url.startswith("#") or ("![" in link.text and _IMAGES_ONLY.fullmatch(link.text)):
        return None
    name = plain(link.text)
    return (link, lead, name) if name else None
