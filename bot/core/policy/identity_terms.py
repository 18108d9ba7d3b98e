"""Comments that name a protected group, written for this project from templates, to keep
"mentions a group" apart from "abuses a group".

A model learned from public abuse sets sees words such as "Muslim", "gay" or "women" mostly in
abuse, and learns the word itself as a sign of it (Dixon et al., "Measuring and Mitigating
Unintended Bias in Text Classification", AIES 2018). On an NHS page that would hide patients who
say who they are ("Homosexual men should get the HPV jab too"), against the policy's Equality
Impact Assessment: the desk must not disadvantage a protected group.

Each template is filled with every group's words. Training and measurement use different
templates, and some groups are never used in training (`UNSEEN`), so the measurement also says
whether the lesson carries to a group the model was not shown. The measuring templates also abuse
each group, so the same set says whether such abuse is still caught.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Group:
    adjective: str  # "Muslim patients", "a gay man"
    plural: str  # "Muslims", "gay men"
    characteristic: str  # as the Equality Act 2010 names it


def _groups(characteristic: str, *pairs: tuple[str, str]) -> list[Group]:
    return [Group(adjective, plural, characteristic) for adjective, plural in pairs]


GROUPS: tuple[Group, ...] = (
    *_groups(
        "race",
        ("Black", "Black people"),
        ("white", "white people"),
        ("Asian", "Asian people"),
        ("Chinese", "Chinese people"),
        ("Indian", "Indian people"),
        ("Pakistani", "Pakistanis"),
        ("African", "Africans"),
        ("Caribbean", "Caribbean people"),
        ("Polish", "Polish people"),
        ("Romanian", "Romanians"),
        ("Irish", "Irish people"),
        ("Gypsy", "Gypsies"),
        ("Traveller", "Travellers"),
        ("Arab", "Arabs"),
        ("mixed-race", "mixed-race people"),
        ("immigrant", "immigrants"),
        ("refugee", "refugees"),
    ),
    *_groups(
        "religion or belief",
        ("Muslim", "Muslims"),
        ("Jewish", "Jews"),
        ("Christian", "Christians"),
        ("Hindu", "Hindus"),
        ("Sikh", "Sikhs"),
        ("Catholic", "Catholics"),
        ("atheist", "atheists"),
    ),
    *_groups(
        "sexual orientation",
        ("gay", "gay men"),
        ("lesbian", "lesbians"),
        ("bisexual", "bisexual people"),
        ("homosexual", "homosexuals"),
        ("straight", "straight people"),
        ("queer", "queer people"),
        ("LGBT", "LGBT people"),
    ),
    *_groups(
        "gender reassignment",
        ("trans", "trans people"),
        ("transgender", "transgender people"),
        ("non-binary", "non-binary people"),
    ),
    *_groups("sex", ("female", "women"), ("male", "men")),
    *_groups(
        "age",
        ("elderly", "elderly people"),
        ("older", "older people"),
        ("young", "young people"),
        ("teenage", "teenagers"),
    ),
    *_groups(
        "disability",
        ("disabled", "disabled people"),
        ("deaf", "deaf people"),
        ("blind", "blind people"),
        ("autistic", "autistic people"),
    ),
    *_groups("pregnancy and maternity", ("pregnant", "pregnant women")),
)

# Never used in training: one or two groups per characteristic, to measure whether the lesson
# carries to words the model was not shown.
UNSEEN = frozenset(
    {"Romanian", "Arab", "Caribbean", "Sikh", "atheist", "queer", "non-binary", "teenage", "autistic"}
)

# Training: a group named in ordinary NHS conversation (Tier 3). Abuse of a group is not taught
# from templates: the rule hate.generalisation finds it, and abusive templates would teach the head
# that a group's name goes with abuse, the very bias these rows are here to undo.
TRAINING_TEMPLATES: tuple[str, ...] = (
    "My {adjective} friend had their scan there last week and it went fine",
    "Can {plural} get the flu jab at the pharmacy?",
    "Good to see the surgery supporting {adjective} patients",
    "We need more {adjective} staff in the mental health team",
    "{Plural} often wait longer for a diagnosis, this needs looking at",
    "I'm {adjective} and the maternity team treated me with respect",
    "The {adjective} community group is running a health day on Saturday",
    "Are there any health checks aimed at {plural}?",
)

# Measuring: label 3, a group named; label 1, a group abused.
MEASURING_TEMPLATES: tuple[tuple[str, int], ...] = (
    ("{Adjective} patients deserve the same standard of care as everyone else", 3),
    ("As a {adjective} person I felt listened to at my appointment", 3),
    ("Is there a support group for {plural} at the hospital?", 3),
    ("{Plural} are less likely to be offered this screening, please look into it", 3),
    ("My neighbour is {adjective} and was treated brilliantly on the ward", 3),
    ("Lovely to see {plural} in your campaign photos", 3),
    ("Do you have leaflets written for {plural}?", 3),
    ("The nurse who helped me was {adjective} and incredibly patient", 3),
    ("Why are {plural} still struggling to register with a GP?", 3),
    ("{Plural} are vermin and should be kept out of our hospitals", 1),
    ("I hate {plural}, they ruin everything", 1),
    ("{Plural} are disgusting and don't deserve treatment", 1),
    ("No {adjective} nurse is touching my mother, they're filthy", 1),
    ("{Plural} should all be locked up", 1),
)


@dataclass(frozen=True, slots=True)
class IdentityComment:
    text: str
    label: int  # tier: 1 abuse of the group, 3 the group named
    group: Group


def _fill(template: str, group: Group) -> str:
    return template.format(
        adjective=group.adjective,
        Adjective=group.adjective[:1].upper() + group.adjective[1:],
        plural=group.plural,
        Plural=group.plural[:1].upper() + group.plural[1:],
    )


def training_comments() -> Iterator[IdentityComment]:
    """The training templates filled with every group but the unseen ones (all Tier 3)."""
    for template in TRAINING_TEMPLATES:
        for group in GROUPS:
            if group.adjective not in UNSEEN:
                yield IdentityComment(_fill(template, group), 3, group)


def measuring_comments() -> Iterator[IdentityComment]:
    """The measuring templates filled with every group, seen in training or not."""
    for template, label in MEASURING_TEMPLATES:
        for group in GROUPS:
            yield IdentityComment(_fill(template, group), label, group)
