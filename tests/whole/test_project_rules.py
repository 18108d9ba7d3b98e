"""Rules of the project's shape that a reviewer would otherwise have to remember."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_CORE = (
    "slack_bolt",
    "slack_sdk",
    "microsoft_agents",
    "aiohttp",
    "apscheduler",
    "handlers",
    "schedules",
)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_core_store_and_outbox_import_no_chat_or_http_code() -> None:
    offenders = []
    for folder in ("bot/core", "bot/store", "bot/outbox"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] in FORBIDDEN_IN_CORE:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_the_core_never_imports_the_outbox() -> None:
    """The outbox carries out what the core queued and calls the core; never the other way."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "bot/core").rglob("*.py")
        for name in _imports(path)
        if name == "bot.outbox" or name.startswith("bot.outbox.")
    ]
    assert offenders == []


def test_no_module_of_the_bot_or_its_edges_is_over_400_lines() -> None:
    long = [
        f"{path.relative_to(ROOT)}: {lines} lines"
        for folder in ("bot", "handlers", "schedules")
        for path in (ROOT / folder).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    ]
    assert long == []


# What deciding who holds a role looks like; only the roles adapters may do it.
_ROLE_CHECK = re.compile(r"\bis_moderator\b|\bis_lead\b|_moderators\b|_leads\b|\.holds\(|Role\.")


def test_no_edge_checks_a_role_itself() -> None:
    """Use cases ask `bot.core.permissions`; each edge only answers for its people (roles.py),
    built from the settings by its wiring (wiring.py)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in (ROOT / "handlers").rglob("*.py")
        if path.name not in ("roles.py", "wiring.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _ROLE_CHECK.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []


def test_the_architecture_page_names_every_package() -> None:
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = sorted(
        str(init.parent.relative_to(ROOT))
        for folder in ("bot", "handlers", "schedules")
        for init in (ROOT / folder).rglob("__init__.py")
    )
    assert len(packages) > 10
    assert [p for p in packages if f"`{p}`" not in page] == []


def test_only_the_teams_edge_imports_the_agents_sdk() -> None:
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("bot", "handlers", "schedules")
        for path in (ROOT / folder).rglob("*.py")
        if "handlers/teams" not in path.as_posix()
        and any(name.split(".")[0] in {"microsoft_agents", "msal"} for name in _imports(path))
    ]
    assert offenders == []


@pytest.mark.parametrize("archived", ["botbuilder-core", "botframework-connector", "msrest"])
def test_the_archived_bot_framework_sdk_is_not_installed(archived: str) -> None:
    """Teams runs on the Microsoft 365 Agents SDK; nothing may pull the archived SDK back in."""
    from importlib.metadata import PackageNotFoundError, distribution

    with pytest.raises(PackageNotFoundError):
        distribution(archived)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command in ci.splitlines()


def test_no_print_calls_in_the_service_code() -> None:
    """Logging, never print (the CLI's output is the exception: it is what the user asked for)."""
    offenders = []
    for folder in ("bot/core", "bot/store", "bot/outbox", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_access_log_never_contains_query_strings(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from aiohttp.test_utils import make_mocked_request
    from aiohttp.web import Response

    from handlers.http import PathOnlyAccessLogger

    logger = PathOnlyAccessLogger(logging.getLogger("access-test"), "")
    request = make_mocked_request("GET", "/webhooks/meta?hub.verify_token=s3cret&hub.challenge=1")
    with caplog.at_level(logging.INFO, logger="access-test"):
        logger.log(request, Response(status=200), 0.002)
    assert caplog.messages == ["GET /webhooks/meta 200 2.0ms"]


def test_nothing_reads_a_private_module_of_the_standard_library() -> None:
    """Private modules (`re._parser`, `_thread`…) change without notice between Pythons."""
    offenders = []
    for folder in ("bot", "handlers", "schedules", "tests", "bench", "datasets"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            names = _imports(path) | set(re.findall(r"import_module\(\s*[\"']([\w.]+)", text))
            for name in names:
                parts = name.split(".")
                if parts[0] in sys.stdlib_module_names and any(
                    p.startswith("_") and p != "__future__" for p in parts
                ):
                    offenders.append(f"{path.relative_to(ROOT)} reads {name}")
    assert offenders == []


def test_serving_does_not_load_the_plotting_library() -> None:
    """matplotlib costs every process about 30 MB; only a report being drawn may load it."""
    import subprocess

    code = "import sys, bot.main, bot.cli; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"
