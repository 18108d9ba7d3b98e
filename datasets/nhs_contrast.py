"""Write `bot/core/policy/nhs_data/contrast.csv`: NHS-style training comments in contrasting
pairs, from templates.

    python datasets/nhs_contrast.py

Written from the policy (MSE Appendix B and C) and the kinds of comment a desk must tell apart:
abuse aimed at staff or at a whole group (Tier 1) beside complaints about the same people,
praise, counter-speech, negation, abuse quoted in order to condemn it, swearing at nobody and
figures of speech (Tier 3). The same group, role or word appears on both sides, so a head learns
the difference from what is said of them, not from their names. Training rows only: the held-out
part of `comments.csv` is never written from here. The groups that the protected-group
measurement keeps unseen are left out. A fixed seed: running it again writes the same rows.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from bot.core.policy.identity_terms import GROUPS, UNSEEN

OUT = Path(__file__).resolve().parents[1] / "bot" / "core" / "policy" / "nhs_data" / "contrast.csv"

ROLES = [
    "nurse",
    "doctor",
    "receptionist",
    "GP",
    "consultant",
    "midwife",
    "paramedic",
    "pharmacist",
    "porter",
    "health visitor",
    "practice manager",
    "physio",
    "dentist",
    "healthcare assistant",
    "woman on reception",
    "bloke on the front desk",
    "surgeon",
    "call handler",
]
INSULTS = [
    "idiot",
    "moron",
    "useless cow",
    "fat pig",
    "waste of space",
    "clown",
    "lazy cow",
    "prat",
    "stupid bitch",
    "arrogant prick",
    "muppet",
    "halfwit",
    "nasty witch",
    "joke of a human",
    "brainless cretin",
    "pathetic little man",
    "ugly slag",
    "dickhead",
]
# Things said of a whole group that are hatred of it (Equality Act characteristics).
HATEFUL = [
    "are vermin",
    "are a plague on this country",
    "should be sent back where they came from",
    "don't belong in our hospitals",
    "are all criminals",
    "can't be trusted near patients",
    "are ruining the NHS",
    "are less than human",
    "should be banned from working with children",
    "are filthy animals",
    "should be wiped out",
    "are parasites living off the rest of us",
    "shouldn't be allowed to treat anyone",
    "are a disease",
    "deserve to suffer",
    "are thick as mud, every one of them",
    "make me sick just looking at them",
]
# Things said of the same groups that are not.
KIND = [
    "are welcome at this surgery like anyone else",
    "deserve the same care as everyone",
    "make up a big part of our nursing staff",
    "have been treated brilliantly on this ward",
    "should be able to ask for an interpreter",
    "are often missed by screening campaigns",
    "face longer waits for mental health support",
    "are part of this community",
]
COMPLAINTS = [
    "The {role} was rushed and didn't really listen to me.",
    "Not impressed with how the {role} spoke to my mum today.",
    "The {role} kept us waiting two hours without a word.",
    "I want to complain about the {role}'s attitude on Tuesday.",
    "The {role} seemed completely overwhelmed, there just aren't enough staff.",
    "Honestly the {role} was brilliant, so patient with my dad.",
    "Shout out to the {role} who stayed late to sort my prescription.",
    "The {role} gave me the wrong information about my appointment.",
    "Why did the {role} cancel on me again? Third time this month.",
    "The {role} did their best but the system is broken.",
]
ATTACKS = [
    "The {role} is a {insult}.",
    "That {role} is an absolute {insult}, sack them.",
    "You're a {insult}, do your job.",
    "Whoever the {role} was today is a total {insult}.",
    "The {role} on ward 6 is a {insult} and everyone knows it.",
    "Useless {role}, what a {insult}.",
    "Shut up you {insult}.",
    "That {role} is a {insult} who should never have qualified.",
]
THREATS = [
    "I'll be waiting for that {role} when their shift ends.",
    "If that {role} speaks to me like that again I'll knock them out.",
    "Someone should give that {role} a good kicking.",
    "I know where the {role} parks, watch yourself.",
    "That {role} won't be smiling when I'm finished with them.",
    "I'm going to batter the {role} next time I'm in.",
]
# Condemning, denying or quoting abuse is not abuse.
COUNTER = [
    "People who say {plural} {hateful} should be ashamed of themselves.",
    "Someone on here wrote that {plural} {hateful}. Vile, I've reported it.",
    "It's disgusting to claim {plural} {hateful}.",
    "No, {plural} are not vermin and saying so is pure bigotry.",
    "I'm sick of seeing comments saying {plural} {hateful}, it's hateful.",
    "Anyone who thinks {plural} {hateful} needs to take a long look at themselves.",
    "My neighbour told me {plural} {hateful}. I told him he was wrong.",
]
HATE_FRAMES = [
    "{Plural} {hateful}.",
    "Honestly, {plural} {hateful}.",
    "All {plural} {hateful}, simple as that.",
    "Let's be real, {plural} {hateful}.",
    "Why do we put up with {plural}? They {hateful_they}.",
    "I'm sorry but {plural} {hateful}.",
    "{Plural}? They {hateful_they}.",
    "Everyone knows {plural} {hateful}.",
]
KIND_FRAMES = ["{Plural} {kind}.", "I think {plural} {kind}.", "Reminder that {plural} {kind}."]
STAFF_PRAISE_ABOUT_GROUPS = [
    "My {adjective} nurse was fantastic.",
    "The {adjective} doctor who saw my son was so kind.",
    "Lovely to see {adjective} staff on the recruitment poster.",
]
SWEARING = [
    "Fucking hell, nine hours in A&E and still not seen.",
    "Bloody ridiculous that the car park is full again.",
    "What a shitshow this winter has been for the hospital.",
    "Damn, missed the flu clinic again.",
    "Holy shit the new scanner is impressive.",
    "Fuck me, the waiting list is two years.",
    "This parking situation is a bloody joke.",
    "Pissed off that my appointment got moved again.",
    "Hell of a job the night staff did, fair play.",
    "Shit happens, but losing my referral twice is too much.",
]
FIGURES = [
    "I could kill for a cup of tea after that shift.",
    "The nurses absolutely killed it at the awards night.",
    "I nearly died laughing at the pantomime on the children's ward.",
    "My mum will murder me if I miss her appointment.",
    "That physio was a lifesaver, my back is so much better.",
    "The waiting room is a zoo on a Monday morning.",
    "I'd die for a quicker GP appointment system.",
    "The doctor shot down my worries in a good way, so reassuring.",
    "Don't kill yourself rushing, the clinic runs late anyway.",
    "Beat the queue by booking online.",
]


def _rows(rng: random.Random) -> list[tuple[str, int, str]]:
    groups = [g for g in GROUPS if g.adjective not in UNSEEN]
    rows: list[tuple[str, int, str]] = []

    def cap(text: str) -> str:
        return text[:1].upper() + text[1:]

    for template in COMPLAINTS:
        rows += [(template.format(role=role), 3, "") for role in rng.sample(ROLES, 8)]
    for template in ATTACKS:
        for role in rng.sample(ROLES, 7):
            rows.append((template.format(role=role, insult=rng.choice(INSULTS)), 1, "abuse"))
    for template in THREATS:
        rows += [(template.format(role=role), 1, "abuse") for role in rng.sample(ROLES, 6)]
    for template in HATE_FRAMES:
        for group in rng.sample(groups, 12):
            hateful = rng.choice(HATEFUL)
            text = template.format(
                plural=group.plural, Plural=cap(group.plural), hateful=hateful, hateful_they=hateful
            )
            rows.append((text, 1, "abuse"))
    for template in COUNTER:
        for group in rng.sample(groups, 10):
            rows.append((template.format(plural=group.plural, hateful=rng.choice(HATEFUL)), 3, ""))
    for template in KIND_FRAMES:
        for group in rng.sample(groups, 14):
            rows.append(
                (template.format(plural=group.plural, Plural=cap(group.plural), kind=rng.choice(KIND)), 3, "")
            )
    for template in STAFF_PRAISE_ABOUT_GROUPS:
        rows += [(template.format(adjective=g.adjective), 3, "") for g in rng.sample(groups, 10)]
    rows += [(text, 3, "") for text in SWEARING + FIGURES]
    return list({text: (text, tier, kind) for text, tier, kind in rows}.values())  # first of each text


def main() -> None:
    rows = _rows(random.Random(2026))
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["text", "tier", "kind"])
        writer.writerows(rows)
    print(f"{OUT.name}: {len(rows)} rows, {sum(r[1] == 1 for r in rows)} to flag")


if __name__ == "__main__":
    main()
