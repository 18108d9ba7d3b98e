"""Links in comments: which site each points at, and whether the desk knows that site.

MSE Appendix B lets people "mention relevant products and services as long as they support your
comment"; a link to a site nobody knows, in a comment about nothing to do with health services,
is the shape of spam ("Nice! <link>", "add me <link>"). A link dressed as an NHS or government
site but hosted elsewhere is the shape of a scam, whatever the comment says.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import NamedTuple

# A written-out link, a host with a path ("gofundme.com/abc") or a bare ".com" host. The host needs a real
# top-level domain, so a truncated "http://t.c…" names no site.
_LINK = re.compile(
    r"(?:https?://|www\.)(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?![a-z0-9-]|…)\S*"
    r"|(?<![@\w.-])((?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|co|uk|ly|io|tv|me|us|gl|be|to|gd)\b)/\S*"
    r"|(?<![@\w.-])((?:[a-z0-9-]+\.)+(?:com|net|org|info|biz))\b(?![.@-]?\w)",
    re.IGNORECASE,
)
# A host written with spaces or "dot" so that filters miss it ("shop . com", "shop dot com"):
# nobody hides a link they mean innocently.
# (Not a word that never names a site: "the dot com era" is history, not a link.)
_DISGUISED = re.compile(
    r"\b(?!(?:the|this|that|our|your|my|their|his|her|its|and|for|old|new|big|first)\b)([a-z0-9-]{3,})"
    r"(?:\s+\.\s*|\.\s+|\s+dot\s+)(com|net|org|co\.uk)\b",
    re.IGNORECASE,
)

# Sites whose links are part of ordinary conversation about public services. An organisation adds
# its own (local papers, partner councils) with `desk.trusted_sites` in its policy file.
DEFAULT_TRUSTED_SITES: tuple[str, ...] = (
    # The NHS, government and public bodies (every subdomain).
    "nhs.uk",
    "nhs.net",
    "nhs.scot",
    "gov.uk",
    "gov.scot",
    "gov.wales",
    "parliament.uk",
    "police.uk",
    "ac.uk",
    "who.int",
    "europa.eu",
    # Link wrappers the platforms put in place of every link (the site behind them is unknown).
    "t.co",
    "lnkd.in",
    "fb.me",
    # The platforms' own pages: a timestamp, another video, a shared post.
    "youtube.com",
    "youtu.be",
    # NHS services on their own domains, regulators, health bodies and fact-checkers.
    "blood.co.uk",
    "cqc.org.uk",
    "nice.org.uk",
    "gmc-uk.org",
    "nmc.org.uk",
    "bma.org.uk",
    "rcn.org.uk",
    "kingsfund.org.uk",
    "nuffieldtrust.org.uk",
    "health.org.uk",
    "fullfact.org",
    # UK public-service broadcasters and national news.
    "bbc.co.uk",
    "bbc.com",
    "itv.com",
    "channel4.com",
    "sky.com",
    "theguardian.com",
    "independent.co.uk",
    "telegraph.co.uk",
    "thetimes.co.uk",
    "thetimes.com",
    "ft.com",
    "inews.co.uk",
    "mirror.co.uk",
    "dailymail.co.uk",
    "express.co.uk",
    "thesun.co.uk",
    "standard.co.uk",
    "metro.co.uk",
    "reuters.com",
    "apnews.com",
    # Health charities people point each other to.
    "samaritans.org",
    "mind.org.uk",
    "ageuk.org.uk",
    "macmillan.org.uk",
    "cancerresearchuk.org",
    "mencap.org.uk",
    "rethink.org",
    "healthwatch.co.uk",
)

# Host names that borrow an official name: "nhscovidpass.com", "gov-refund.uk", "nhs.verify-id.net".
_OFFICIAL_NAME = re.compile(r"(?:^|[.-])(?:nhs|(?:gov|hmrc|dvla)(?:[.-]|$))")
_OFFICIAL_HOMES = frozenset({"nhs.uk", "nhs.net", "nhs.scot", "gov.uk", "gov.scot", "gov.wales"})


# A dot before a top-level domain, as every bare host and disguised host above has. With "http",
# "www." and " dot " (substring tests), a cheap first look that lets most comments skip the two
# patterns above.
_DOTTED_TLD = re.compile(r"\.\s*(?:com|net|org|info|biz|co|uk|ly|io|tv|me|us|gl|be|to|gd)\b")


def _may_hold_a_link(lowered: str) -> bool:
    return (
        "http" in lowered
        or "www." in lowered
        or " dot " in lowered
        or _DOTTED_TLD.search(lowered) is not None
    )


class Link(NamedTuple):
    host: str  # lower case, without "www."
    start: int
    end: int


def find_links(text: str) -> Iterator[Link]:
    """Every link in `text` that names a site."""
    if not _may_hold_a_link(text.lower()):
        return
    for match in _LINK.finditer(text):
        host = (match[1] or match[2] or match[3]).lower().removeprefix("www.")
        yield Link(host, match.start(), match.end())
    for match in _DISGUISED.finditer(text):
        yield Link(f"{match[1]}.{match[2]}".lower(), match.start(), match.end())


def under(host: str, sites: Collection[str]) -> bool:
    """Whether `host` is one of `sites` or a subdomain of one (a set makes each test one lookup
    per label of the host)."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in sites for i in range(len(labels)))


def borrows_official_name(host: str) -> bool:
    """A host that names the NHS or government without being theirs."""
    return _OFFICIAL_NAME.search(host) is not None and not under(host, _OFFICIAL_HOMES)
