"""Strip HTML/XML markup from files that are markup, keeping the text and the map back to the raw bytes."""

from __future__ import annotations

import html
import re
from typing import Final

from zhetl.textmap import Edit, MappedText

_MARKUP_HINT: Final = re.compile(r"<(?:!doctype|html|head|body|div|p|br|span|table|tr|td|meta|a\s|li|ul|h[1-6]"
                                 r"|\?xml)\b",
                                 re.IGNORECASE)
_DROPPED_BLOCKS: Final = re.compile(r"<(script|style|noscript|head|template)\b[^>]*>.*?</\1\s*>"
                                    r"|<!--.*?-->|<!\[CDATA\[|\]\]>",
                                    re.IGNORECASE | re.DOTALL)
_BLOCK_TAG: Final = re.compile(r"</?(?:p|div|br|li|ul|ol|tr|table|h[1-6]|section|article|header|footer|nav|blockquote|"
                               r"pre|hr|dd|dt|dl|title|body|html)\b[^>]*>", re.IGNORECASE)
_ANY_TAG: Final = re.compile(r"</?[A-Za-z!?][^<>]{0,2000}>")
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
MIN_TAGS: Final = 3


def is_markup(text: str) -> bool:
    """True when the text looks like an HTML or XML document rather than prose mentioning a tag."""
    head = text[:20000]
    return bool(_MARKUP_HINT.search(head)) and len(_ANY_TAG.findall(head)) >= MIN_TAGS


def strip_markup(mapped: MappedText) -> tuple[MappedText, int]:
    """Drop scripts, styles and comments, turn block tags into line breaks, drop other tags, decode entities."""
    if not is_markup(mapped.text):
        return mapped, 0
    text = mapped.text
    edits: list[Edit] = []
    covered = bytearray(len(text))

    def free(start: int, end: int) -> bool:
        return not any(covered[start:end])

    for pattern, replacement in ((_DROPPED_BLOCKS, ""), (_BLOCK_TAG, "\n"), (_ANY_TAG, "")):
        for match in pattern.finditer(text):
            if free(match.start(), match.end()):
                edits.append((match.start(), match.end(), replacement))
                covered[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for match in _ENTITY.finditer(text):
        if free(match.start(), match.end()):
            value = html.unescape(match.group(0))
            edits.append((match.start(), match.end(), " " if value == "\xa0" else value))
    return mapped.apply(edits), len(edits)
