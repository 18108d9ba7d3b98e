"""`modbot slack-manifest` writes the app manifest for HTTP mode or Socket Mode (issue 27)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.cli import main
from handlers.slack.app_manifest import TEMPLATE

ROOT = Path(__file__).resolve().parents[3]


def _urls(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k in ("url", "request_url")] + [
            u for v in node.values() for u in _urls(v)
        ]
    if isinstance(node, list):
        return [u for item in node for u in _urls(item)]
    return []


def test_the_manifest_at_the_top_of_the_repository_is_the_template() -> None:
    assert (ROOT / "manifest.yml").read_text(encoding="utf-8") == TEMPLATE.read_text(encoding="utf-8")


def test_http_mode_sends_every_request_to_the_host_given(tmp_path: Path) -> None:
    out = tmp_path / "manifest.yml"
    assert main(["slack-manifest", "--domain", "desk.nhs.example", "--out", str(out)]) == 0
    manifest = yaml.safe_load(out.read_text(encoding="utf-8"))
    # Two commands, the events (the Home tab) and interactivity.
    assert _urls(manifest) == ["https://desk.nhs.example/slack/events"] * 4
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is False
    assert "example.org" not in out.read_text(encoding="utf-8")


def test_socket_mode_has_no_request_url_and_says_which_token_to_make(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["slack-manifest", "--socket-mode"]) == 0
    text = capsys.readouterr().out
    manifest = yaml.safe_load(text)
    assert _urls(manifest) == []
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["settings"]["event_subscriptions"]["bot_events"] == ["app_home_opened"]
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/report-abuse", "/oncall"]
    assert "SLACK_APP_TOKEN" in text and "connections:write" in text


@pytest.mark.parametrize("domain", ["https://desk.nhs.example", "desk.nhs.example/slack", "localhost", ""])
def test_a_domain_that_is_not_a_host_name_is_refused(domain: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["slack-manifest", "--domain", domain]) == 2
    assert "is not a host name" in capsys.readouterr().err
