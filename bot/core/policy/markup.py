"""Comments as people read them: HTML tags and character references taken out before matching.

YouTube's `textDisplay`, dashboard exports and some webhooks carry `&#39;`, `&amp;`, `<br />` and
`<a href="...">`; a rule looking for "don't" must not miss "don&#39;t". The engine classifies the
clean text and maps every reason's span back onto the original, so cards still point at what the
author wrote.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

# Only tags that comment HTML uses, so "a<b and c>d" or "I <3 it" are left alone. A link's address
# is kept: a link is a signal in its own right.
_MARKUP = re.compile(
    r"<a\s[^<>]{0,300}?href=\"([^\"]*)\"[^<>]{0,300}>"
    r"|</?(?:a|b|i|u|p|br|em|strong|span|div|font|img)"
    r"(?:\s+[\w:-]+=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+)){0,12}\s*/?>"
    r"|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,9});",
    re.IGNORECASE,
)


class Stripped(NamedTuple):
    """The clean text, and for each of its characters where it came from in the original."""

    text: str
    starts: list[int]  # original index of each clean character, then len(original)
    ends: list[int]  # original end of each clean character

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A clean span as a span of the original text."""
        if end <= start:
            return self.starts[start], self.starts[start]
        return self.starts[start], self.ends[end - 1]


def strip_markup(text: str) -> Stripped | None:
    """The text without markup, or None when it has none (most comments: one scan, no copy)."""
    if "<" not in text and "&" not in text:
        return None
    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    last = 0
    for match in _MARKUP.finditer(text):
        begin, finish = match.span()
        parts.append(text[last:begin])
        starts.extend(range(last, begin))
        ends.extend(range(last + 1, begin + 1))
        if match[1] is not None:
            replacement = " " + html.unescape(match[1]) + " "
        elif text[begin] == "<":
            replacement = " "
        else:
            replacement = html.unescape(match[0])
        parts.append(replacement)
        starts.extend([begin] * len(replacement))
        ends.extend([finish] * len(replacement))
        last = finish
    if not parts:
        return None
    parts.append(text[last:])
    starts.extend(range(last, len(text)))
    ends.extend(range(last + 1, len(text) + 1))
    starts.append(len(text))
    return Stripped("".join(parts), starts, ends)


def readable(text: str) -> str:
    """The text as it reads, for training and for anything that needs no spans."""
    stripped = strip_markup(text)
    return text if stripped is None else stripped.text
