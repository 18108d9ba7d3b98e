"""The core's intake: which ids may be stored, and how text, names, links and dates are cleaned."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.models import IncomingComment, Platform
from bot.core.moderation.intake import InvalidItem, admit, check_id, clean_text

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

# Ids as the platforms document them (Meta, Instagram message, X, YouTube reply, LinkedIn, TikTok).
REAL_IDS = [
    "901097836652708_903438993085259",
    "dm:aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAyNzQ5OTgzMTQ1OjM0MDI4MjM2Njg0MTcxMDMwMDk0OTEyODE3OTQ0OTU2NTkyMjY2MzozMTA0MzE1Nzc5MzAxNDI4OTY1MzEyMjYyMTU5ODE3MDQzMgZDZD==",
    "1850000000000000001",
    "UgxXfLfuryhN5JBV4Zl4AaABAg.A8jq-geGgIoA8k_tlJmJ7O",
    "urn:li:comment:(urn:li:activity:7094637247890620418,7094637313388945408)",
    "-000iamDUYtb1xGiL_6b00YmkR30hEEnFSUH",
]


@pytest.mark.parametrize("value", REAL_IDS)
def test_ids_the_platforms_issue_are_admitted(value: str) -> None:
    assert check_id(value, "external_id") == value


@pytest.mark.parametrize(
    "value",
    ["123_456/../../../victim_999", "123_457?method=delete&x=", "..", "a b", "50%2F", "x#frag", "1" * 256],
)
def test_ids_no_platform_issues_are_refused(value: str) -> None:
    with pytest.raises(InvalidItem) as refused:
        check_id(value, "external_id")
    assert value not in str(refused.value)  # the reason never repeats the content


def test_text_is_cleaned_of_what_no_database_can_hold() -> None:
    assert clean_text("a\x00b \ud800 c") == "ab \ufffd c"
    assert clean_text("emoji \U0001f600 stays") == "emoji \U0001f600 stays"


def _item(**values: object) -> IncomingComment:
    fields: dict[str, object] = dict(platform=Platform.FACEBOOK, external_id="1_2", text="hello")
    fields.update(values)
    return IncomingComment(**fields)  # type: ignore[arg-type]


def test_admit_cleans_names_links_and_dates_and_keeps_the_rest() -> None:
    item = _item(
        author_name="N" * 300,
        post_url="javascript:alert(1)",
        comment_url="https://www.facebook.com/1_2",
        created_at=datetime(1, 1, 1, tzinfo=UTC),
    )
    admitted = admit(item, now=NOW)
    assert len(admitted.author_name) == 255 and admitted.author_name.endswith("…")
    assert (admitted.post_url, admitted.comment_url) == ("", "https://www.facebook.com/1_2")
    assert admitted.created_at is None  # the core then uses the arrival time
    assert admit(_item(created_at=NOW + timedelta(days=400)), now=NOW).created_at is None
    assert admit(_item(created_at=NOW - timedelta(hours=2)), now=NOW).created_at == NOW - timedelta(hours=2)


@pytest.mark.parametrize("field", ["account_id", "post_id", "parent_id", "author_id"])
def test_every_id_that_may_reach_an_api_path_is_checked(field: str) -> None:
    with pytest.raises(InvalidItem, match=field):
        admit(_item(**{field: "1/../2"}), now=NOW)
