"""A small snapshot helper: compares JSON to a committed file; UPDATE_SNAPSHOTS=1 rewrites it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_matches_snapshot(name: str, value: Any) -> None:
    path = SNAPSHOTS / f"{name}.json"
    rendered = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(rendered, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.name}; run with UPDATE_SNAPSHOTS=1 and review the file")
    assert rendered == path.read_text(encoding="utf-8"), (
        f"{path.name} changed; review, then UPDATE_SNAPSHOTS=1"
    )
