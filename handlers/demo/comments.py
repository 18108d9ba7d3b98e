"""Made-up comments for the demo and practice desk, written for it (no dataset text): what a
moderator meets on an NHS page in a week, in the order it arrives, then a pile-on under one post."""

from __future__ import annotations

# (author, text). Abuse, threats, spam and myths among the thanks, questions and criticism
# that the desk leaves up, so a new moderator sees both.
TRICKLE: tuple[tuple[str, str], ...] = (
    ("Lesley Parry", "You are a useless idiot, whoever runs this page"),
    (
        "Tom Ashworth",
        "Waited four hours at the walk-in centre today. Staff were lovely but there aren't enough of them.",
    ),
    ("CryptoKing 2026", "I turned £200 into £9,000 in a week, message me on WhatsApp to learn how"),
    ("Rita Okafor", "Is it safe to take ibuprofen with my blood pressure tablets?"),
    ("Gavin Shaw", "The vaccine has a microchip in it, wake up people"),
    ("Amira Hussain", "Thank you to the midwives on the labour ward last night, you were amazing"),
    ("Dean Collins", "I know where that receptionist parks, she'd better watch herself"),
    ("Sue Marsh", "Car parking charges at the hospital are a disgrace, bring back free parking for patients"),
    ("Paul Grant", "Call me on 07700 900456 if you want the real story about the ward"),
    ("Jenna Price", "Under the Freedom of Information Act please send me how many agency nurses you used"),
    ("Mike Dobson", "I'm a reporter at the local paper, who can I speak to about the A&E closures?"),
    (
        "Kerry Lane",
        "My dad was sent home too early and fell twice that night. I want to make a formal complaint.",
    ),
    ("Ian Fletcher", "Staff like that should be sacked, the lot of them are lazy scum"),
    ("Nadia Rahman", "Where can I get my flu jab this weekend?"),
    ("Linda Hayes", "Best weight loss pills on the market, 70% off today only, link in my bio"),
)

# A pile-on: several angry comments under one post in a few minutes.
SURGE_POST = "demo-post-surge"
SURGE: tuple[tuple[str, str], ...] = (
    ("Angry Andy", "Absolute clowns running this trust, you lot are a joke"),
    ("Bev Carter", "You useless idiots closed the ward and people will suffer"),
    ("Chris Ward", "Pathetic excuse for a health service, you should all be ashamed, morons"),
    ("Donna Pike", "Shut up and do your jobs you bunch of idiots"),
    ("Eddie Lowe", "Clowns. Total clowns. Every one of you."),
)
