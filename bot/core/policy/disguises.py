"""Undoing the disguises people put on abuse to get it past filters ("1d10t", "tw@t", "c*nt",
"f***ing", "c u n t", "s.c.u.m"), and the slips that hide it as well: a swapped or dropped letter
("haet", "muslmis", "hatrd") and words run together ("ihate", "stabthose", "muslimvermin").

`Folded.widen` turns a match in the folded text back into the author's own characters, stretched
over the whole of any rewritten word, so the card quotes what was written ("c u n t", not "c u").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.policy.gate import trie_regex

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s", "!": "i"})
# "!" stands for an "i" only inside a word ("b!tch"); ending one ("idiot!") it is punctuation.
_BANGS = re.compile(r"!+(?![a-z0-9@$])")
_HELD = "\x01"  # keeps a punctuation "!" out of the leet swap

# The words worth disguising: insults, slurs, and the verbs of hatred and threats. Only these are
# ever restored, so "sh*t" (undirected swearing stays up) and "u.s.a" are left as they are.
_DISGUISABLE = frozenset(
    {
        "cunt",
        "cunts",
        "twat",
        "twats",
        "prick",
        "wanker",
        "bastard",
        "bitch",
        "slut",
        "whore",
        "scum",
        "idiot",
        "moron",
        "retard",
        "fuck",
        "fucking",
        "fucker",
        "dickhead",
        "arsehole",
        "asshole",
        "nigger",
        "nigga",
        "paki",
        "faggot",
        "tranny",
        "vermin",
        "hate",
        "kill",
        "rape",
        "stab",
        "shoot",
        "dead",
        "die",
        # The groups abuse is aimed at: "You w o m e n make me sick".
        "women",
        "muslims",
        "immigrants",
        "migrants",
        "refugees",
        "foreigners",
        "trans",
        "gays",
        "lesbians",
        "jews",
        "blacks",
        "disabled",
    }
)
# Slurs, restored when spelt out letter by letter ("c o o n s"): nobody spaces out a word they mean
# innocently. Not restored from asterisks, where a short slur would be guessed from two letters.
_SPELT_OUT_SLURS = frozenset(
    {
        *("niggers", "niggas", "pakis", "faggots", "fags", "trannies", "coon", "coons", "chink"),
        *("chinks", "spic", "spics", "kike", "kikes", "wog", "wogs", "muzzie", "muzzies", "muzzy"),
        *("poof", "poofs", "poofter", "poofters", "shemale", "shemales", "raghead", "ragheads"),
        *("towelhead", "towelheads", "yid", "yids", "gyppo", "gyppos", "pikey", "pikeys", "wetback"),
        *("wetbacks", "spaz", "sambo", "sambos", "golliwog", "golliwogs"),
    }
)
_BY_LENGTH: dict[int, tuple[str, ...]] = {}
for _word in sorted(_DISGUISABLE):
    _BY_LENGTH[len(_word)] = (*_BY_LENGTH.get(len(_word), ()), _word)

_MASKED = re.compile(r"\b[a-z][a-z*]*\*[a-z*]*")  # letters hidden by asterisks: "c*nt", "f***ing"
_SPACED = re.compile(r"(?<![a-z])[a-z](?:[ .][a-z]){2,}(?![a-z])")  # "c u n t", "s.c.u.m"
# Single-letter words a spaced run may begin with: "u r a c u n t", "i h a t e".
_LETTER_WORDS = frozenset("iuar")


# Slips: one letter swapped with the next, or one dropped from a word of five or more, in the words the
# abuse and threat rules turn on. Only these words are ever corrected, and never into another of
# them or out of a real word that happens to be a slip away ("strange", "niger", "backs").
# fmt: off
_SLIPPABLE = frozenset({
    # insults and slurs
    "cunt", "twat", "prick", "wanker", "bastard", "bitch", "whore", "idiot", "moron", "retard",
    "fuck", "fucking", "fucked", "fucker", "dickhead", "arsehole", "asshole", "scum", "slut",
    "nigger", "faggot", "tranny", "paki", "cretins", "imbeciles", "liars", "perverts", "freaks",
    # hatred, degradation and violence
    "hate", "hatred", "despise", "detest", "loathe", "abhor", "contempt", "disgust", "disgusting",
    "repulsive", "revolting", "repugnant", "sick", "sicken", "sickening", "vomit", "filth",
    "filthy", "pathetic", "worthless", "despicable", "inferior", "vile", "vermin", "plague",
    "disease", "diseased", "virus", "menace", "trash", "parasites", "cockroaches", "rats", "apes",
    "monkeys", "animals", "savages", "subhuman", "uncivilised", "degenerates", "terrorists",
    "rapists", "groomers", "dead", "death", "kill", "murder", "strangle", "lynch", "torture",
    "suffer", "throat", "throats", "stab", "shoot", "rape", "drown", "exterminate",
    "exterminated", "eradicate", "eradicated",
    # the groups abuse is aimed at
    "women", "woman", "muslims", "muslim", "jewish", "jews", "christian", "catholic", "hindu",
    "immigrants", "immigrant", "migrants", "migrant", "refugees", "refugee", "foreigners",
    "foreigner", "african", "asian", "indian", "pakistani", "romanian", "polish", "black",
    "blacks", "trans", "transgender", "gays", "lesbians", "lesbian", "bisexual", "homosexual",
    "disabled", "autistic", "people",
})
_REAL_WORDS = frozenset({
    "cnut", "paik", "sult", "anker", "waker", "batard", "hared", "hated", "plage", "ermin", "murer",
    "strange", "animal", "animas", "parasite", "savage", "refuges", "disable", "backs", "lacks",
    "tarns", "musli", "muslis", "niger", "edad", "deda", "satb", "csum", "gasy", "shoto", "itch",
    "back", "lack", "dath", "deat", "eath", "filt", "fith", "idio", "moon", "morn", "moro", "oron",
    "pick", "rick", "hoot", "shoo", "shot", "soot", "rans", "tans", "tran", "tras", "rash", "tash",
    "hore", "wore", "oman", "omen", "woma", "wome", "arts", "apse", "lairs", "loath", "down",
    "drow", "omit", "lych", "lync", "india", "asia", "sian", "asin", "polis", "pakistan", "romania",
    "christin", "hind", "virs", "viru", "mence", "lathe", "moneys", "lars", "lias", "liras",
    "roomers", "refuge", "christina", "cristian", "africa", "asan", "lesbia",
})
# Common words that get run into an abuse word: "ihate", "todie", "stabthose", "trannybehaviour".
# Left out, as they make real words: "a", "in", "it", "out", "my" ("killa", "indie", "transit",
# "blackout", "scummy").
_JOINED_BEFORE = frozenset({
    "i", "u", "to", "so", "just", "all", "those", "these", "you", "absolute", "total", "utter",
    "the", "are", "is", "be", "no", "not", "of", "we", "they", "he", "she", "them", "their", "this",
    "that", "such", "very", "too", "fucking", "bloody", "dirty", "filthy", "stupid", "like",
})
_JOINED_AFTER = frozenset({
    "those", "these", "them", "you", "u", "all", "off", "are", "like", "people", "behaviour",
    "behavior", "the", "is", "and", "to", "so", "for", "of", "your", "their", "his", "her", "me",
    "us", "we", "they", "he", "she", "with", "be", "was", "were", "should", "must", "will", "have",
    "has", "just", "too", "not", "no",
})
# fmt: on


def _slips(word: str) -> set[str]:
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    # A plural without its "s" is a word of its own ("liar"), so that drop is not a slip.
    last = len(word) - 1 if word.endswith("s") else len(word)
    dropped = {word[:i] + word[i + 1 :] for i in range(last)} if len(word) >= 5 else set()
    return {slip for slip in swapped | dropped if len(slip) >= 4 and slip != word}


def _slip_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for word in sorted(_SLIPPABLE):
        for slip in _slips(word) - _SLIPPABLE - _REAL_WORDS:
            table.setdefault(slip, word)  # a slip of two words ("muslms"): either reads the same to a rule
    return table


_SLIPPED = _slip_table()
_JOINABLE = _SLIPPABLE | {"die"}
_SLIP = re.compile(
    rf"\b(?:(?P<slip>{trie_regex(_SLIPPED)})"
    rf"|(?P<before>{trie_regex(_JOINED_BEFORE)})(?P<key>{trie_regex(_JOINABLE)})"
    rf"|(?P<first>{trie_regex(_SLIPPABLE)})(?P<then>{trie_regex(_JOINED_AFTER | _SLIPPABLE)}))\b"
)


@dataclass(frozen=True, slots=True)
class Folded:
    text: str
    disguised: tuple[tuple[int, int], ...] = ()  # spans of the original text that were rewritten
    # The original offset of each folded character (and of the end), when a rewrite changed the
    # length ("hatrd" read as "hatred"); None while the two line up.
    origin: tuple[int, ...] | None = None

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded `text[start:end]`, stretched over any rewrite it touches."""
        if self.origin is not None:
            start, end = self.origin[start], self.origin[max(start, end - 1)] + (end > start)
        for d_start, d_end in self.disguised:
            if d_start < end and start < d_end:
                start, end = min(start, d_start), max(end, d_end)
        return start, end


def _unmasked(token: str) -> str | None:
    for word in _BY_LENGTH.get(len(token), ()):
        if all(seen in ("*", letter) for seen, letter in zip(token, word, strict=True)):
            return word
    return None


def _unspaced(run: str) -> tuple[int, str] | None:
    """(offset in the run, word) for a spaced-out word, after up to three leading letter-words."""
    letters = run[::2]
    for skip in range(min(4, len(letters) - 2)):
        if skip and letters[skip - 1] not in _LETTER_WORDS:
            break
        word = "".join(letters[skip:])
        if word in _DISGUISABLE or word in _SLIPPABLE or word in _SPELT_OUT_SLURS:
            return 2 * skip, word
    return None


# Emoji that stand for an insult, to say it without a word a filter knows: "you 🤡", "🖕 you".
_EMOJI_WORDS = {"\U0001f921": "clown", "\U0001f437": "pig", "\U0001f416": "pig", "\U0001f595": "fuck"}
# Monkeys and apes aimed at Black people are racist abuse; the token is one no one types, for the
# slur rule. Not where the comment is about animals ("the zoo trip 🐒").
_APE_EMOJI = "\U0001f412\U0001f98d\U0001f9a7"  # monkey, gorilla, orangutan
APE_TOKEN = "ape_emoji"
_EMOJI = re.compile(f"([{''.join(_EMOJI_WORDS)}{_APE_EMOJI}])\ufe0f?")
_ANIMALS_MEANT = re.compile(
    r"\b(?:zoos?|monkeys?|gorillas?|apes?|orangutans?|safari|primates?|animals?|teddy|toys?|cuddly|jungle\s+book)\b"
)


def _emoji_edits(text: str) -> list[tuple[int, int, str]]:
    if text.isascii():  # most comments: a scan in C, ten times cheaper than the search
        return []
    found = list(_EMOJI.finditer(text))
    if not found:
        return []
    animals = _ANIMALS_MEANT.search(text) is not None
    return [
        (match.start(), match.end(), f" {APE_TOKEN if match[1] in _APE_EMOJI else _EMOJI_WORDS[match[1]]} ")
        for match in found
        if not (animals and match[1] in _APE_EMOJI)
    ]


def fold_disguises(lowered: str) -> Folded:
    """Lower-cased text with leet swaps undone, masked or spaced-out abuse words restored, slips in
    abuse words corrected, and emoji that stand for an insult read as one."""
    if "!" in lowered:
        held = _BANGS.sub(lambda bangs: _HELD * len(bangs.group()), lowered)
        text = held.translate(_LEET).replace(_HELD, "!")
    else:
        text = lowered.translate(_LEET)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order, not overlapping
    if "*" in text or _SPACED.search(text) is not None:
        for match in _MASKED.finditer(text):
            if (word := _unmasked(match.group())) is not None:
                edits.append((match.start(), match.end(), word))
        for match in _SPACED.finditer(text):
            if (found := _unspaced(match.group())) is not None:
                offset, word = found
                start = match.start() + offset
                # The word, then spaces to keep the length: "c u n t" reads "cunt   ".
                edits.append((start, match.end(), word.ljust(match.end() - start)))
    for match in _SLIP.finditer(text):
        if match["slip"] is not None:
            edits.append((match.start(), match.end(), _SLIPPED[match["slip"]]))
        else:
            left, right = (
                (match["before"], match["key"]) if match["before"] else (match["first"], match["then"])
            )
            edits.append((match.start(), match.end(), left + " " + right))
    edits += _emoji_edits(text)
    if not edits:
        return Folded(text)
    return _apply(text, sorted(edits))


def _apply(text: str, edits: list[tuple[int, int, str]]) -> Folded:
    pieces: list[str] = []
    origin: list[int] = []
    disguised: list[tuple[int, int]] = []
    done = 0
    for start, end, replacement in edits:
        if start < done:  # overlaps an earlier rewrite (a masked word that is also a slip)
            continue
        pieces += (text[done:start], replacement)
        origin += [*range(done, start), *[start] * len(replacement)]
        disguised.append((start, end))
        done = end
    pieces.append(text[done:])
    origin += [*range(done, len(text) + 1)]
    folded = "".join(pieces)
    return Folded(folded, tuple(disguised), None if len(folded) == len(text) else tuple(origin))
