"""`modbot init`, `slack-manifest` and `teams-package`: setting an organisation up."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.commands.common import load_settings
from bot.core.errors import ModbotError


def cmd_init(args: argparse.Namespace) -> int:
    """Write a policy file for a new organisation, the built-in profile beside it as an example."""
    from bot.core.policy_file import new_policy_file
    from bot.core.profile import load_profile

    out = Path(args.out)
    if out.exists() and not args.force:
        print(f"modbot init: {out} exists; give --force to replace it", file=sys.stderr)
        return 2
    out.write_text(new_policy_file(args.name), encoding="utf-8")
    load_profile(out)  # what was written must load: a template that did not would be a defect
    print(f"wrote {out}: fill in your accounts, staff, contacts and safeguarding numbers, then")
    print(f"  export MODBOT_POLICY={out} && modbot check")
    return 0


def cmd_slack_manifest(args: argparse.Namespace) -> int:
    """Write the Slack app manifest for HTTP mode (a public host) or Socket Mode (none)."""
    from handlers.slack.app_manifest import slack_manifest

    try:
        text = slack_manifest(domain=args.domain, socket_mode=args.socket_mode)
    except ModbotError as exc:
        print(f"modbot slack-manifest: {exc}", file=sys.stderr)
        return 2
    if args.out == "-":
        sys.stdout.write(text)
    else:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out}: paste it at https://api.slack.com/apps → Create New App → From a manifest")
    return 0


def cmd_teams_package(args: argparse.Namespace) -> int:
    """Write the Teams app package (manifest.json and the two icons) for upload."""
    from bot.core.profile import load_profile
    from handlers.teams.package import build_zip

    settings = load_settings()
    try:
        data = build_zip(
            app_id=settings.teams_app_id or "",
            domain=args.domain or settings.teams_valid_domain or "",
            version=args.version,
            organisation=load_profile(settings.modbot_policy).organisation.name,
        )
    except ModbotError as exc:
        print(f"modbot teams-package: {exc}", file=sys.stderr)
        return 2
    Path(args.out).write_bytes(data)
    print(f"wrote {args.out}: upload it in Teams (Apps → Manage your apps → Upload an app)")
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    package = sub.add_parser("teams-package", help="write the Teams app zip (manifest and icons) to upload")
    package.add_argument("--out", default="modbot-teams.zip", help="where to write the zip")
    package.add_argument("--domain", help="public host name that reaches modbot (default TEAMS_VALID_DOMAIN)")
    package.add_argument("--version", default="1.0.0", help="the app's version (raise it on every upload)")
    package.set_defaults(func=cmd_teams_package)
    init = sub.add_parser("init", help="write a policy file for your organisation")
    init.add_argument("--name", required=True, help='the organisation\'s name, e.g. "NHS Example ICB"')
    init.add_argument("--out", default="policy.yml", help="where to write it (default policy.yml)")
    init.add_argument("--force", action="store_true", help="replace the file if it exists")
    init.set_defaults(func=cmd_init)
    manifest = sub.add_parser("slack-manifest", help="write the Slack app manifest for this deployment")
    mode = manifest.add_mutually_exclusive_group(required=True)
    mode.add_argument("--domain", help="public host name that reaches modbot serve (HTTP mode)")
    mode.add_argument(
        "--socket-mode", action="store_true", help="no public address: the bot connects out (SLACK_APP_TOKEN)"
    )
    manifest.add_argument("--out", default="-", help="where to write it (default: standard output)")
    manifest.set_defaults(func=cmd_slack_manifest)
