"""The policy file: merged over the built-in profile from the seeds, refused with a clear path."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from bot.core.profile import PolicyFileError, load_profile


def test_default_profile_carries_the_seed_policies_choices() -> None:
    profile = load_profile()
    assert profile.working_hours.start == time(9) and profile.working_hours.end == time(17)
    assert profile.response_target_hours == 48
    assert "NHS 111" in profile.wording.signposting_reply and "999" in profile.wording.signposting_reply
    assert profile.desk.card_tier3 is False
    assert {a.platform.value for a in profile.accounts} == {
        "facebook",
        "instagram",
        "x",
        "linkedin",
        "tiktok",
        "youtube",
    }


def test_organisation_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(
        "staff:\n  - {name: Jane Smith, aliases: [Dr Smith]}\n"
        "routes:\n  foi: {team: FOI office, contact: foi@example.nhs.uk}\n"
    )
    profile = load_profile(path)
    assert profile.staff[0].all_names == ("Jane Smith", "Dr Smith")
    assert profile.routes.foi.display == "FOI office (foi@example.nhs.uk)"
    assert profile.routes.complaint.team  # untouched keys keep the default


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("working_hours: {days: [mon, funday]}\n", "working_hours.days"),
        ("response_target_hours: -1\n", "response_target_hours"),
        ("unknown_key: 1\n", "unknown_key"),
        ("- just a list\n", "must be a mapping"),
        ("organisation: {name: [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_policy_files_say_where(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(content)
    with pytest.raises(PolicyFileError, match=message):
        load_profile(path)


def test_missing_policy_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PolicyFileError, match="cannot read policy file"):
        load_profile(tmp_path / "absent.yml")
