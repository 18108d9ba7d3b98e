"""`modbot init` writes a new organisation's policy file; `modbot check` warns while the seed
organisation's name and contacts are still in use (issue 27)."""

from __future__ import annotations

import io
from argparse import Namespace
from pathlib import Path

import pytest

from bot.cli import main
from bot.commands.check import cmd_check
from bot.core.policy_file import seed_leftovers
from bot.core.profile import load_profile


def test_init_writes_a_policy_file_that_loads_with_nothing_of_the_seed_left(tmp_path: Path) -> None:
    out = tmp_path / "policy.yml"
    assert main(["init", "--name", "NHS Example ICB", "--out", str(out)]) == 0
    profile = load_profile(out)
    assert profile.organisation.name == "NHS Example ICB"
    assert seed_leftovers(profile) == []
    text = out.read_text(encoding="utf-8")
    # The built-in profile rides along as a commented example, for the organisation to copy from.
    assert "# safeguarding:" in text and "#   contacts:" in text


def test_init_keeps_an_existing_file_unless_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "policy.yml"
    out.write_text("organisation: {name: Ours}\n", encoding="utf-8")
    assert main(["init", "--name", "NHS Example ICB", "--out", str(out)]) == 2
    assert "give --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "organisation: {name: Ours}\n"
    assert main(["init", "--name", "NHS Example ICB", "--out", str(out), "--force"]) == 0
    assert load_profile(out).organisation.name == "NHS Example ICB"


def test_a_name_with_yaml_characters_is_written_safely(tmp_path: Path) -> None:
    out = tmp_path / "policy.yml"
    assert main(["init", "--name", 'NHS "North: East" ICB # 2', "--out", str(out)]) == 0
    assert load_profile(out).organisation.name == 'NHS "North: East" ICB # 2'


def test_the_built_in_profile_is_named_as_the_seed_organisations(tmp_path: Path) -> None:
    found = seed_leftovers(load_profile())
    assert any(line.startswith("organisation.name") for line in found)
    assert any(line.startswith("safeguarding.contacts") for line in found)
    # Changing the name alone still leaves their safeguarding numbers to warn about.
    partial = tmp_path / "policy.yml"
    partial.write_text("organisation: {name: NHS Example ICB}\n", encoding="utf-8")
    left = seed_leftovers(load_profile(partial))
    assert not any(line.startswith("organisation.name") for line in left)
    assert any(line.startswith("safeguarding.contacts") for line in left)


def test_check_warns_while_the_seed_contacts_are_in_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'modbot.db'}")
    monkeypatch.delenv("MODBOT_POLICY", raising=False)
    checked = io.StringIO()
    cmd_check(Namespace(), out=checked)
    assert "warning: safeguarding.contacts still holds" in checked.getvalue()
    ours = tmp_path / "policy.yml"
    assert main(["init", "--name", "NHS Example ICB", "--out", str(ours)]) == 0
    monkeypatch.setenv("MODBOT_POLICY", str(ours))
    checked = io.StringIO()
    cmd_check(Namespace(), out=checked)
    assert "write your own with `modbot init`" not in checked.getvalue()
