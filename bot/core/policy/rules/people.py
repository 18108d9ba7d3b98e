"""Words for the people a remark is aimed at and what it calls them: targets, insults, slurs,
protected groups and what is said to degrade them."""

from __future__ import annotations

from bot.core.policy.disguises import APE_TOKEN
from bot.core.policy.rules.base import _lookbehinds, _words

# The people who give care, one of them (refusals of care, one member of a group), and staff
# of any number (whom an insult is aimed at).
_CARE_ROLES = (
    *("nurse", "doctor", "gp", "carer", "midwife", "surgeon", "paramedic", "consultant", "dentist", "physio"),
    *("porter", "receptionist"),
)
_CARE_ROLE = "(?:" + "|".join(_CARE_ROLES) + ")"
_STAFF_ROLE = rf"(?:{_CARE_ROLE}s?|midwives|managers?)"

# People a remark can be aimed at: second person, staff, or a third person.
_TARGET = _words(
    r"you\s+(?:people|lot|lots|lads|guys|two|all)",
    r"you",
    r"u",
    r"ya",
    r"your\s+\w+",
    r"ur",
    r"you'?re",
    r"youre",
    rf"(?:the|your|these|those|all|that|this)\s+(?:\w+\s+)?(?:staff|{_STAFF_ROLE}|team|lot)"
    # ... and where they work: "the GP at Oak Lane", "the nurses on ward 3".
    rf"(?:\s+(?:at|on|in|from)\s+(?:the\s+)?(?:[\w'’&-]+\s+){{0,2}}?[\w'’&-]+(?=\s+(?:is|are|was|were)\b))?",
    r"(?:he|she|they)(?:'?s|'?re)?",
    r"him",
    r"her",
    r"them",
)
_INSULT = _words(
    r"idiots?",
    r"morons?",
    r"scum(?:bags?)?",
    r"cows?",
    r"liars?",
    r"disgrace\s+of\s+a\s+(?:human\s+being|person|man|woman)",
    r"waste\s+of\s+(?:space|oxygen|skin)",
    r"cunts?",
    r"twats?",
    r"bitch(?:es)?",
    r"pricks?",
    r"wankers?",
    r"bastards?",
    r"dickheads?",
    r"dicks?",
    r"arseholes?",
    r"assholes?",
    r"retards?",
    r"cripples?",
    r"parasites?",
    r"vermin",
    r"trash(?!\s+(?:talk\w*|cans?|bags?|bins?))",
    r"pigs?",
    r"clowns?",
    r"imbeciles?",
    r"cretins?",
    r"pathetic\s+\w+",
    r"useless\s+(?:\w+\s+)?(?:cow|bitch|prat|idiot|pig)s?",
    r"slags?",
    r"sluts?",
    r"whores?",
    r"nonces?",
    r"paedos?",
    r"pedos?",
    # British ones: "a clueless muppet", "you absolute pillock".
    r"muppets?",
    r"numpt(?:y|ies)",
    r"pillocks?",
    r"plonkers?",
    r"prats?",
    r"tossers?",
    r"knob(?:head|end)?s?",
    r"bell\s*ends?",
    r"gits?",
    r"half\s*wits?",
    r"dim\s*wits?",
    r"nit\s*wits?",
    r"buffoons?",
    r"murderers?",
)
# Whoever answers on the page: "the admin of this page", "whoever runs this page". Not one of the
# targets above: an alternative that may begin with "a" or "p" makes every pattern that holds
# _TARGET try far more places in a comment (a third slower); its own alternative is gated on it.
_PAGE_ADMIN = (
    r"(?:(?:the\s+)?(?:page\s+)?admins?(?:\s+(?:of|on|for)\s+(?:this|the)\s+(?:page|group|account))?"
    r"|(?:whoever|the\s+(?:person|idiot|clown)\s+(?:who'?s|who\s+is|who))\s+(?:is\s+)?(?:runs?|running|manages?|managing"
    r"|writes?|writing|does|doing)\s+(?:this|the|your)\s+(?:page|account|posts?|social\s+media))"
)
_INSULT_ADJECTIVE = _words(
    r"absolute",
    r"total",
    r"complete",
    r"utter",
    r"fucking",
    r"f\w*ing",
    r"bloody",
    r"stupid",
    r"fat",
    r"ugly",
    r"lazy",
    r"thick",
    r"useless",
    r"lying",
    r"spineless",
    r"worthless",
    r"disgusting",
    r"pathetic",
    r"little",
    r"brain\s*dead",
    # Said of a person, as in "miserable cow", "smug prick" ("old" only after one of these:
    # "silly old git", not "that old trash" of a video game).
    r"miserable",
    r"silly",
    r"daft",
    r"sour",
    r"grumpy",
    r"smug",
    r"arrogant",
    r"rude",
    r"nasty",
    r"horrible",
    r"jumped[\s-]up",
)


_NOT_SMOKING = "".join(
    _lookbehinds(
        (
            *("smoking", "smoked", "smoke", "smokes", "packet of", "pack of", "box of", "twenty", "for a"),
            *(
                f"{verb} a"
                for verb in ("smoked", "smoking", "have", "had", "having", "lit", "light", "roll", "rolled")
            ),
            *(f"{verb} a" for verb in ("spark", "sparked", "fancy", "cadge", "cadged", "bum", "nip out for")),
            # Giving them up, which stop-smoking posts are about: "I gave up the fags", "off the fags".
            *(
                f"{verb}{article}"
                for verb in ("quit", "quitting", "stopped", "give up", "gave up", "given up", "giving up")
                for article in ("", " the", " my")
            ),
            *("off the", "on the", "smoke the"),
        ),
        "!",
    )
)
_SLURS = _words(
    r"n[i]gg(?:er|a|ah)s?",
    # British English smokes "a fag" and eats "faggots and peas": those senses are not slurs.
    rf"(?=fag){_NOT_SMOKING}fags?(?!\s+(?:breaks?|ends?|butts?|ash|packets?|smoke|lighter|in\s+(?:his|her|my|their|your)\s+mouth)\b)",
    # Faggots are eaten: "faggots and peas", "faggots, mash and gravy", "pork faggots for tea".
    r"(?=fag)(?<!\bpork\s)(?<!\bhomemade\s)(?:fagg(?:ot)?s?|fagots?)"
    r"(?!,?\s+(?:(?:and|with|in)\s+)?(?:peas|gravy|mash|chips|onions?)|\s+for\s+(?:tea|dinner|lunch|supper))",
    r"pak[i]s?",
    r"chinks?",
    r"spics?",
    r"kikes?",
    r"wogs?",
    r"coons?",
    r"tr[a]nn(?:y|ies)",
    r"gyppos?",
    r"pikeys?",
    r"ragheads?",
    r"towelheads?",
    r"golliwogs?",
    r"sambos?",
    r"muzz(?:ie|y)s?",
    r"poofs?",
    r"poofters?",
    r"batty\s*boys?",
    r"shemales?",
    r"spaz(?:zes)?",
    r"spackers?",
    # The old words for people with Down's syndrome ("Mong Kok" is a place in Hong Kong).
    r"(?<!-)mong(?!\s+kok)s?",  # not "a-mong", spelt out
    r"mongoloids?",
    r"yids?",
    r"wetbacks?",
    r"chinkys?",
    r"nig-?\s?nogs?",
    r"jungle\s+bunn(?:y|ies)",
    r"rapefugees?",
    # A monkey or ape emoji, as disguises.py reads one aimed at people.
    APE_TOKEN,
)

# A protected group (Equality Act 2010: race and nationality, religion or belief, sex, sexual
# orientation, gender reassignment, disability, age) named as a whole, for the generalisation rule.
_GROUP_NAMES = (
    *("black", "white", "brown", "asian", "muslim", "jewish", "christian", "catholic", "hindu", "sikh"),
    *("gay", "lesbian", "bisexual", "transgender", "trans", "disabled", "autistic", "deaf", "old"),
    *("elderly", "foreign", "immigrant", "migrant", "polish", "romanian", "chinese", "indian"),
    *("pakistani", "african", "arab", "irish", r"eastern\s+european", "caribbean", r"mixed[\s-]race"),
    *("straight", r"lgbtq?\+?", "queer", r"non[\s-]?binary", "young", "older", "blind", "pregnant"),
    *("male", "female", "homosexual", "heterosexual", "teenage"),
)
_GROUP_WORD = _words(*_GROUP_NAMES)
# Those close enough to abuse: a safeguarding disclosure names one of them ("my stepdad …").
_KIN = (
    r"(?:my|our)\s+(?:partner|husband|wife|boyfriend|girlfriend|fianc[eé]e?|ex|dad|father|mum|mother|step\s*dad|step\s*mum"
    r"|step\s*father|step\s*mother|son|daughter|brother|sister|uncle|aunt|cousin|grandad|grandpa|carer|neighbour|teacher"
    r"|coach|landlord)"
)
# Asking for a carer of one sex or of some experience is a fair request, not a refusal for who
# they are: the group words care may be chosen by.
_NOT_SEX_OR_AGE = r"(?!(?:old|older|elderly|young|pregnant|male|female|teenage)\b)"
# Group words that come before "men" or "women" ("young men", "Muslim women"): the one-word names.
_GROUP_HEAD_BEHIND = "".join(_lookbehinds((name for name in _GROUP_NAMES if name.isalpha()), "!"))
_GROUP_PEOPLE = _words(
    rf"{_GROUP_WORD}\s+(?:people|men|women|folk|lot|families|patients|staff|nurses|doctors|carers|paramedics"
    r"|midwives|consultants|gps|surgeons|pharmacists|dentists|receptionists|workers|students|mums|mothers|dads|fathers)",
    r"(?:moslem|muslim|jew|christian|catholic|hindu|sikh|buddhist|atheist|immigrant|migrant|foreigner"
    r"|refugee|homosexual|bisexual|transgender|lesbian|gay|black|asian|indian|pakistani|bangladeshi"
    r"|african|nigerian|somali|arab|pole|romanian|albanian|gypsie|gipsie|traveller|female|teenager"
    r"|pensioner)s",
    r"asylum\s+seekers",
    r"illegals",
    # Bare, not the end of a group already named ("young men" is read from "young").
    # (The lookahead first: the lookbehinds are tried only where "men" starts.)
    rf"(?=(?:wo)?men\b){_GROUP_HEAD_BEHIND}(?:wo)?men",
)
# One member of a group, for a pronoun that then speaks of them all ("a Polish carer, they're …").
_GROUP_MEMBER = rf"{_GROUP_WORD}\s+(?:person|man|woman|{_CARE_ROLE})"
# "The elderly" is read from "the": the word alone after it is not a second, shorter group.
_GROUP = _words(_GROUP_PEOPLE, r"(?:the\s+|(?<!\bthe\s))(?:chinese|roma|disabled|elderly)")
# One person named for who they are, standing for all of them: "every Muslim", "a trans woman".
_GROUP_ONE = (
    rf"(?:{_GROUP_MEMBER}|(?:moslem|muslim|jew|hindu|sikh|immigrant|migrant|foreigner|refugee|asylum\s+seeker"
    r"|homosexual|lesbian|gypsy|gipsy|woman)\b)"
)
# Words for a group that make a dehumanising noun a name for all of them ("Muslim vermin", "gay
# filth"). Not age or sex ("old trash" is a video game), nor "foreign" ("foreign parasites" in food).
_GROUP_LABEL = _words(
    *("black", "brown", "asian", "muslim", "moslem", "jewish", "jew", "hindu", "sikh", "gay", "lesbian"),
    *("bisexual", "trans", "transgender", "disabled", "autistic", "immigrant", "migrant", "polish"),
    *("romanian", "pakistani", "african", "arab", "gypsy", "traveller", r"eastern\s+european", "queer"),
)
# How a group is pointed at as a whole: "all the …", "these …", "those …".
_ALL_THE = r"(?:all\s+)?(?:the\s+|these\s+|those\s+)?"
# A group in a phrase about something else is not the subject of what follows: "services for
# young men are a disgrace" says nothing of young men.
_NOT_AFTER_PREPOSITION = "".join(
    _lookbehinds(
        (
            # Not "of": "those kinds of …", "most of the …" name the subject.
            *("for", "to", "with", "about", "from", "by", "on", "at", "towards", "against"),
            *("among", "amongst", "into", "than"),
        ),
        "!",
    )
)
# Words that degrade whoever they describe: "lazy immigrant nurses", "filthy Travellers".
_DEGRADING_ADJECTIVE = _words(
    r"lazy",
    r"filthy",
    r"dirty",
    r"stinking",
    r"smelly",
    r"thieving",
    r"scrounging",
    r"useless",
    r"stupid",
    r"thick",
    r"vile",
    r"disgusting",
    r"subhuman",
    r"inbred",
    r"ugly",
    r"fat",
)
# Words that are also said of a trust, a ward or its managers ("they are a disgrace"): after a
# group is named, such a word is about the group only if nothing else "they" could be comes
# between (_SOMEONE_ELSE).
_SAID_OF_A_SERVICE_TOO = _words(
    r"disgusting",
    r"a\s+(?:disgrace|menace|joke)",
    r"filthy",
    r"dirty",
    r"evil",
    r"despicable",
    r"revolting",
    r"repulsive",
    r"repugnant",
    r"vile",
    r"sickening",
    r"worthless",
    r"pathetic",
)
# What may come between a group and "they" when "they" are someone else, or the group is who was
# failed: "elderly patients left on trolleys all night, they are a disgrace" speaks of the hospital.
_SOMEONE_ELSE = (
    r"\b(?:trusts?|hospitals?|nhs|managers?|management|staff|doctors|nurses|gps?|council|government|board|bosses"
    r"|ministers|politicians|services?|system|wards?|surgery|a&e|left|sent|given|treated|denied|refused|ignored"
    r"|dying|died|waited|waiting|turned\s+away|discharged|neglected|let\s+down|abandoned|forgotten|failed"
    r"|(?:can'?t|cannot|couldn'?t)\s+get|weren'?t|wasn'?t|aren'?t\s+(?:given|getting|being|seen))\b"
)
# "They are", "most of them are", and the words that may come before what they are called.
_THEY_ARE = (
    r"(?:\b(?:they|they're|theyre|them)\s+(?:are\s+|r\s+|'re\s+)?"
    r"|\b(?:most|all|every\s+(?:single\s+)?one|each|many)\s+of\s+them\s+(?:are|is)\s+)"
    r"(?:(?:all|just|still|nothing\s+but|absolutely|pretty|so|such|really|truly|utterly|complete|total|common)\s+){0,3}"
)
# What turns naming a group into abuse of it: a dehumanising or degrading label, hatred, or harm
# wished on all.
_DEGRADING = _words(
    r"vermin",
    r"parasites",
    r"animals",
    r"savages",
    r"scum",
    r"filth",
    r"sub-?human",
    r"cockroaches",
    r"rats",
    r"pigs",
    r"dogs",
    r"apes",
    r"monkeys",
    r"a\s+(?:disease|plague|cancer|virus|blight|curse)",
    # And those also said of a service ("… are a disgrace", "… are pathetic").
    _SAID_OF_A_SERVICE_TOO,
    r"diseased",
    r"inferior",
    r"terrorists",
    r"rapists",
    r"paedos",
    r"pedos",
    r"groomers",
    r"predators",
    r"bed[\s-]?blockers",
    r"breeding\s+like\s+(?:rabbits|rats|vermin|cockroaches|flies|animals)",
    r"perverts",
    r"freaks",
    r"degenerates?",
    r"(?:an\s+)?abominations?",
    r"mentally\s+ill",
    r"trash",
    r"not\s+(?:human|people)",
    r"(?:human\s+)?garbage",
    r"dirt(?!\s+(?:poor|cheap))",
    r"(?:a\s+)?lesser\s+(?:beings?|species|race)",
    r"beneath\s+(?:us|contempt)",
    r"not\s+(?:our|your|my)\s+equals?",
    r"no\s+better\s+than\s+(?:\w+\s+){0,2}(?:rats|animals|dogs|vermin|pigs|cockroaches|apes)",
    r"(?:a\s+)?pests?",
    r"(?:shitty|shit|rotten)\s+(?:human\s+beings|humans|people)",
    r"(?:fucked|messed|screwed)\s+(?:up\s+)?in\s+the\s+head",
    r"sick\s+in\s+the\s+head",
)
# Vices pinned on a whole group ("… are all dishonest", "… are that violent"), said of it as a
# fact: the clause ends with them, so "men are useless at booking appointments" is not one.
_VICE = _words(
    r"lazy",
    r"stupid",
    r"thick",
    r"dishonest",
    r"untrustworthy",
    r"violent",
    r"dangerous",
    r"cruel",
    r"criminals",
    r"thieves",
    r"savages?",
    r"barbaric",
    r"backward",
    r"primitive",
    r"useless",
    r"scroungers",
    r"spongers",
    r"brainless",
    r"ignorant",
    r"uncivili[sz]ed",
)
