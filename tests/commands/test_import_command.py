"""`modbot import`: a dashboard export goes in through the same path, once, with a summary that
names every rejected row and why."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, text


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.db'}"}
    for key in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "MODBOT_POLICY", "MODBOT_MODELS"):
        env.pop(key, None)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "import", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_csv_export_is_ingested_once_and_bad_rows_are_named(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["platform", "external_id", "text", "author_id", "created_at", "post_id"])
        writer.writerow(["facebook", "fb_1", "Thanks for the update", "a1", "2026-11-20T10:00:00Z", "p1"])
        writer.writerow(["x", "x_1", "You are a useless idiot", "a2", "2026-11-20T11:00:00Z", "p2"])
        writer.writerow(["myspace", "m_1", "hello", "a3", "", ""])
        writer.writerow(["youtube", "", "no id here", "a4", "", ""])
        writer.writerow(["linkedin", "li_1", "When does the clinic open?", "a5", "2026-11-20", ""])
    first = _run(tmp_path, str(export), "--source", "csv")
    assert first.returncode == 0, first.stderr
    lines = first.stdout.splitlines()
    assert lines[0] == "2 new, 0 duplicate, 3 rejected; 1 cases opened"
    assert lines[1].startswith("  rejected line 4: platform:")
    assert lines[2].startswith("  rejected line 5: external_id:")
    assert lines[3].startswith("  rejected line 6: created_at:") and "timezone" in lines[3]
    assert "imported 2 of 2 (100%)" in first.stderr

    again = _run(tmp_path, str(export))
    assert again.stdout.splitlines()[0] == "0 new, 2 duplicate, 3 rejected; 0 cases opened"
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT platform, external_id, source FROM comment ORDER BY id")).all()
        cases = conn.execute(text("SELECT platform, tier FROM moderation_case")).all()
    engine.dispose()
    assert rows == [("facebook", "fb_1", "import:csv"), ("x", "x_1", "import:csv")]
    assert cases == [("x", 1)]


def test_json_export_and_unreadable_files(tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            {
                "comments": [
                    {"platform": "tiktok", "external_id": "t1", "text": "When is the clinic open?"},
                    {"text": "x"},
                ]
            }
        )
    )
    result = _run(tmp_path, str(export), "--source", "json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "1 new, 0 duplicate, 1 rejected; 0 cases opened"
    assert result.stdout.splitlines()[1].startswith("  rejected item 1: platform:")

    headerless = tmp_path / "wrong.csv"
    headerless.write_text("comment,when\nhello,today\n")
    refused = _run(tmp_path, str(headerless))
    assert refused.returncode != 0 and "platform, external_id and text" in refused.stderr


def test_hootsuite_export_maps_its_columns_and_skips_our_own_replies(tmp_path: Path) -> None:
    export = tmp_path / "hootsuite.csv"
    with export.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Message ID",
                "Conversation ID",
                "Medium",
                "Channel Display Name",
                "Contact Primary Identifier",
                "Created at",
                "Direction",
                "Message",
            ]
        )
        writer.writerow(
            [
                "h1",
                "c1",
                "Facebook",
                "Our ICB",
                "A Member",
                "2026-11-20 10:00:00",
                "Inbound",
                "You are a useless idiot",
            ]
        )
        writer.writerow(
            [
                "h2",
                "c1",
                "Facebook",
                "Our ICB",
                "Our ICB",
                "2026-11-20 10:05:00",
                "Outbound",
                "Thanks, we have passed this on",
            ]
        )
        writer.writerow(
            ["h3", "c2", "Friendster", "Our ICB", "Someone", "2026-11-20 11:00:00", "Inbound", "hi"]
        )
    result = _run(tmp_path, str(export), "--source", "hootsuite")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 new, 0 duplicate, 1 rejected; 1 cases opened"
    assert lines[1].startswith("  rejected line 4: platform:")
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    with engine.connect() as conn:
        row = conn.execute(text("SELECT platform, post_id, author_name, created_at FROM comment")).one()
    engine.dispose()
    # 10:00 London wall time in November is 10:00 UTC (GMT).
    assert row[:3] == ("facebook", "c1", "A Member") and str(row[3]).startswith("2026-11-20 10:00:00")


def test_brandwatch_preamble_is_skipped_and_sprout_kinds_are_read(tmp_path: Path) -> None:
    brandwatch = tmp_path / "brandwatch.csv"
    with brandwatch.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Report:", "Mentions"])
        writer.writerow(["Brand:", "Our ICB"])
        writer.writerow([])
        writer.writerow(["Date", "Resource Id", "Page Type", "Author", "Full Text", "Url"])
        writer.writerow(
            ["2026-11-20T09:00:00Z", "bw1", "twitter", "someone", "@OurICB hello", "https://x.com/a/1"]
        )
    result = _run(tmp_path, str(brandwatch), "--source", "brandwatch")
    assert result.stdout.splitlines()[0].startswith("1 new, 0 duplicate, 0 rejected")

    sprout = tmp_path / "sprout.csv"
    with sprout.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Timestamp", "Network", "Message Type", "Profile", "From", "Message", "Message ID"])
        writer.writerow(
            [
                "2026-11-20T12:00:00+00:00",
                "Instagram",
                "Direct Message",
                "our_icb",
                "a_person",
                "Can I book a jab here?",
                "sp1",
            ]
        )
    assert _run(tmp_path, str(sprout), "--source", "sprout").returncode == 0
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.db'}")
    with engine.connect() as conn:
        kinds = conn.execute(text("SELECT external_id, platform, kind FROM comment ORDER BY id")).all()
    engine.dispose()
    assert kinds == [("bw1", "x", "mention"), ("sp1", "instagram", "direct_message")]

    wrong = _run(tmp_path, str(brandwatch), "--source", "hootsuite")
    assert wrong.returncode != 0 and "is not a hootsuite export" in wrong.stderr
