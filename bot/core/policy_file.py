"""A new organisation's policy file (`modbot init`), and what in a profile is still the seed
organisation's: its name, contacts and safeguarding numbers belong to the ICBs whose policies
the built-in profile was taken from, and a desk that kept them would send people there."""

from __future__ import annotations

import yaml

from bot.core.profile import PolicyProfile, default_policy_text, load_profile

_ACTIVE = """\
# modbot policy file for {name}.
#
# Point MODBOT_POLICY at this file, then run `modbot check`. What is set below replaces the
# built-in profile; anything not set keeps the built-in value. The built-in profile follows,
# commented out, as a worked example: it was taken from two NHS ICBs' social media policies
# (Mid and South Essex, "MSE", and Staffordshire and Stoke-on-Trent, "SSOT"). Copy from it
# what you need, and replace every contact with your own.

organisation:
  name: {name_yaml}
  website: ""            # your organisation's website
  comms_email: ""        # the communications team's address, shown to people who report abuse

# The accounts the desk moderates; `id` is the platform's id of the page or account.
accounts: []             # e.g. - {{platform: facebook, name: {name_yaml}, id: ""}}

# Members of staff whose names in a comment make it Tier 1; give short forms as aliases.
staff: []                # e.g. - {{name: Dr Priya Patel, aliases: [Dr Patel]}}

# Where the special routes go: each team's contact.
routes:
  foi: {{team: FOI team, contact: ""}}
  complaint: {{team: Patient Experience (complaints) team, contact: ""}}
  legal: {{team: Corporate services team, contact: ""}}
  media: {{team: Communications team, contact: ""}}
  personal_data: {{team: the relevant department, contact: ""}}

wording:
  house_rules_explanation: >-
    Hello, we have removed your comment because it broke our social media house rules, which do
    not allow personal attacks, abuse or naming individual members of staff. You are welcome to
    post again in a way that follows the rules, and criticism and complaints are always welcome.

# Shown on every safeguarding report: your own social media team, safeguarding lead and local
# authority children's and adults' safeguarding numbers (in and out of hours).
safeguarding:
  contacts: []   # e.g. - {{name: "Children: your council's duty service", detail: "01234 567890"}}

# ---------------------------------------------------------------------------------------------
# The built-in profile, as a commented example.
# ---------------------------------------------------------------------------------------------
"""


def new_policy_file(name: str) -> str:
    """A policy file for `name`: its own details to fill in, then the built-in profile commented."""
    lines = default_policy_text().splitlines(keepends=True)
    commented = "".join(f"# {line}" if line.strip() else "#\n" for line in lines)
    return _ACTIVE.format(name=name, name_yaml=yaml.safe_dump(name, default_style='"').strip()) + commented


def seed_leftovers(profile: PolicyProfile) -> list[str]:
    """What this profile still has from the seed organisation, in words an administrator can act
    on; empty when none of it is left."""
    seed = load_profile()
    found = []
    if profile.organisation.name == seed.organisation.name:
        found.append(f"organisation.name is still {seed.organisation.name!r}")
    if seed.organisation.comms_email and profile.organisation.comms_email == seed.organisation.comms_email:
        found.append("organisation.comms_email is still the seed organisation's address")
    if seed.organisation.website and seed.organisation.website in profile.wording.house_rules_explanation:
        found.append("wording.house_rules_explanation still links to the seed organisation's house rules")
    if any(account in seed.accounts for account in profile.accounts):
        found.append("accounts still lists the seed organisation's accounts")
    seed_routes = seed.routes.model_dump()
    for route, target in profile.routes.model_dump().items():
        if target["contact"] and target["contact"] == seed_routes[route]["contact"]:
            found.append(f"routes.{route}.contact is still the seed organisation's")
    kept = [c for c in profile.safeguarding.contacts if c in seed.safeguarding.contacts]
    if kept:
        found.append(
            f"safeguarding.contacts still holds {len(kept)} of the seed organisations' contacts "
            "(their councils' numbers, not yours)"
        )
    return found
