"""Sorts a comment into the policy's tiers and special routes, with reasons that point at text."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from bot.core.models import Classification, Reason, Route, Tier
from bot.core.policy.disguises import fold_disguises
from bot.core.policy.exemptions import EXEMPTIONS, inside, next_match
from bot.core.policy.gate import RuleGate, alternatives, with_first_characters
from bot.core.policy.heads import LearnedHeads, Verdict
from bot.core.policy.links import DEFAULT_TRUSTED_SITES, borrows_official_name, find_links, under
from bot.core.policy.markup import strip_markup
from bot.core.policy.personal_data import find_personal_data
from bot.core.policy.rules import RULES, SERVICE_TOPIC, Rule
from bot.core.policy.staff_names import phrase_pattern, role_and_name, staff_pattern

_EXCERPT_MAX = 80
_LOOKALIKE = "a link dressed as an NHS or government site (possible scam)"
_STRANGER = "a link to an unknown site, unrelated to the conversation (spam)"


# Comments an engine classifies before it builds its rule gate (see `PolicyEngine._build_gate`).
GATE_AFTER = 64


class PolicyEngine:
    """Compiled once per policy profile; `classify` is pure and thread-safe."""

    def __init__(
        self,
        *,
        staff_names: Sequence[str] = (),
        rules: Sequence[Rule] = RULES,
        model: LearnedHeads | None = None,
        trusted_sites: Iterable[str] = (),
        service_topics: Iterable[str] = (),
    ) -> None:
        self._rules = tuple(rules)
        # Until the gate is built, every rule is searched whole: one alternative per rule. The gate
        # and the alternatives it indexes are swapped in together, so a thread never mixes them.
        self._search: tuple[RuleGate | None, tuple[tuple[int, re.Pattern[str]], ...]] = (
            None,
            tuple((index, rule.pattern) for index, rule in enumerate(self._rules)),
        )
        self._ungated = 0  # comments classified before the gate was built
        self._building = threading.Lock()  # held while one thread builds the gate
        self._trusted = frozenset(DEFAULT_TRUSTED_SITES).union(
            s.strip().lower().removeprefix("www.") for s in trusted_sites
        )
        self._staff = staff_pattern(staff_names)
        self._topics = phrase_pattern(service_topics)
        self.model = model

    def _build_gate(self) -> None:
        """Each rule's top-level alternatives gated apart, each searched told where a match may
        begin: comments then cost about half as much. Building it takes a few seconds (reading
        400 alternatives), which a run that classifies a handful of comments (`modbot classify`
        of one) never earns back, so it is built once the engine has seen `GATE_AFTER` comments,
        or when asked (`prepare`)."""
        with self._building:
            if self._search[0] is not None:  # another thread built it while this one waited
                return
            split = [
                (index, part)
                for index, rule in enumerate(self._rules)
                for part in alternatives(rule.pattern)
            ]
            gate = RuleGate([part for _, part in split])
            self._search = (gate, tuple((index, with_first_characters(part)) for index, part in split))

    @property
    def prepared(self) -> bool:
        """Whether the rule gate is built (until then each comment costs about twice as much,
        and the build itself holds the CPU for a few seconds)."""
        return self._search[0] is not None

    def prepare(self) -> None:
        """Build the rule gate now, if it is not built yet: `modbot serve` does this in the
        background at start-up so no comment waits for it."""
        if self._search[0] is None:
            self._build_gate()

    def _candidates(
        self, lowered: str, folded: str
    ) -> tuple[Sequence[int], tuple[tuple[int, re.Pattern[str]], ...]]:
        """The alternatives (rule index, pattern), and the indexes of those that could match."""
        gate, parts = self._search
        if gate is None:
            self._ungated += 1
            # Search whole rules meanwhile, rather than build the gate a second time beside a
            # thread already building it (`modbot serve` starts one at start-up).
            if self._ungated <= GATE_AFTER or self._building.locked():
                return range(len(parts)), parts
            self._build_gate()
            gate, parts = self._search
            assert gate is not None
        return (gate.candidates(lowered) if folded == lowered else gate.candidates(lowered, folded)), parts

    def _about_the_service(self, lowered: str) -> bool:
        if SERVICE_TOPIC.search(lowered) is not None:
            return True
        return self._topics is not None and self._topics.search(lowered) is not None

    def classify(self, text: str) -> Classification:
        return self.classify_many([text])[0]

    def classify_many(self, texts: Sequence[str]) -> list[Classification]:
        """Each text's verdict. The learned heads judge the whole batch at once (their features
        cost far less a comment in a batch); the rules read each text on its own."""
        stripped = [strip_markup(text) for text in texts]
        readable = [s.text if s is not None else text for s, text in zip(stripped, texts, strict=True)]
        judged = self.model.judge_many(readable) if self.model is not None else [[] for _ in readable]
        verdicts = []
        for text, markup, heads in zip(readable, stripped, judged, strict=True):
            verdict = self._classify(text, heads)
            if markup is not None:
                # Judged as it reads; each reason points at the original characters.
                reasons = tuple(
                    replace(r, start=s, end=e)
                    for r in verdict.reasons
                    for s, e in [markup.span(r.start, r.end)]
                )
                verdict = replace(verdict, reasons=reasons)
            verdicts.append(verdict)
        return verdicts

    def _classify(self, text: str, heads: Sequence[Verdict]) -> Classification:
        lowered = text.lower()
        folded = fold_disguises(lowered)
        reasons: list[Reason] = []
        tiers: list[Tier] = []
        routes: dict[Route, None] = {}
        urgent = False
        # Spans where a rule or head of the given kinds says nothing: quoted insults, rejected
        # claims. Found only once such a rule or head has matched (most comments: never).
        found: dict[Callable[[str], list[tuple[int, int]]], list[tuple[int, int]]] = {}

        def exempted(rule_id: str, start: int, end: int) -> bool:
            for kinds, spans_in in EXEMPTIONS:
                if rule_id in kinds:
                    if spans_in not in found:
                        found[spans_in] = spans_in(lowered)
                    if inside(found[spans_in], start, end):
                        return True
            return False

        def hit(rule_id: str, category: str, start: int, end: int) -> None:
            reasons.append(Reason(rule_id, category, text[start:end][:_EXCERPT_MAX], start, end))

        # Only the rules whose fixed words occur in the text can match; most comments wake two or three.
        woken, parts = self._candidates(lowered, folded.text)
        rules = self._rules
        # The leftmost match of each rule's woken alternatives, the earlier one on a tie: what
        # searching the whole rule would find.
        first: dict[int, re.Match[str]] = {}
        for index in woken:
            rule_index, part = parts[index]
            candidate = part.search(folded.text if rules[rule_index].folded else lowered)
            if candidate is not None:
                known = first.get(rule_index)
                if known is None or candidate.start() < known.start():
                    first[rule_index] = candidate
        match: re.Match[str] | None
        for rule_index, match in sorted(first.items()):
            rule = rules[rule_index]
            span = (0, 0)
            # An exempt match (quoted, advice passed on) does not hide a later one that is not:
            # "when you're bleeding heavily they should come at once, but nobody came for my wife".
            while match is not None:
                span = folded.widen(*match.span()) if rule.folded else match.span()
                if not exempted(rule.id, *span):
                    break
                after = max(match.end(), match.start() + 1)  # past it, even if it matched nothing
                searched = [parts[index][1] for index in woken if parts[index][0] == rule_index]
                match = next_match(searched, folded.text if rule.folded else lowered, after)
            if match is None:
                continue
            hit(rule.id, rule.category, *span)
            if rule.tier is not None:
                tiers.append(rule.tier)
            if rule.route is not None:
                routes[rule.route] = None
            urgent = urgent or rule.urgent

        listed = self._staff.search(lowered) if self._staff is not None else None
        if listed is not None:
            # MSE Appendix B/C: naming staff opens them up to abuse and trolling: Tier 1.
            hit("staff.named", "names a member of staff", *listed.span())
            tiers.append(Tier.HARMFUL)
            routes[Route.NAMED_STAFF] = None
        elif (titled := role_and_name(text)) is not None:
            # A title or role beside a name: staff, but perhaps not the ICB's own (a national
            # figure, another trust's doctor), so a moderator checks it; the tier is the text's.
            hit("staff.titled", "names someone by their title or job: a member of staff?", *titled)
            routes[Route.NAMED_STAFF] = None

        links = list(find_links(text))
        personal = list(find_personal_data(text, lowered, [(k.start, k.end) for k in links]))
        if links and personal:
            # The mail host of an address spelt out ("jane [at] gmail.com") is not a link to a site.
            mail = [(s, e) for s, e, kind in personal if kind == "e-mail address"]
            links = [k for k in links if not any(s <= k.start < e for s, e in mail)]
        if links:
            lookalike = next((k for k in links if borrows_official_name(k.host)), None)
            stranger = next((k for k in links if not under(k.host, self._trusted)), None)
            if lookalike is not None:
                hit("spam.official_lookalike", _LOOKALIKE, lookalike.start, lookalike.end)
                tiers.append(Tier.MISINFORMATION_OR_SPAM)
            elif stranger is not None and not self._about_the_service(lowered):
                hit("spam.unfamiliar_link", _STRANGER, stranger.start, stranger.end)
                tiers.append(Tier.MISINFORMATION_OR_SPAM)

        for start, end, kind in personal:
            hit(
                f"personal_data.{kind.lower().replace(' ', '_').replace('-', '')}",
                f"personal data: {kind}",
                start,
                end,
            )
            routes[Route.PERSONAL_DATA] = None

        # The learned heads only add flags; they never clear what a rule found.
        for verdict in heads:
            head = verdict.head
            if verdict.evidence:
                strongest = verdict.evidence[0]
                if exempted(head.rule, strongest.start, strongest.end):
                    continue
            category = f"{head.category} (learned model, {verdict.probability:.0%} sure)"
            if verdict.evidence:
                for token in verdict.evidence:
                    hit(head.rule, category, token.start, token.end)
            else:
                reasons.append(
                    Reason(head.rule, category, text[:_EXCERPT_MAX], 0, min(len(text), _EXCERPT_MAX))
                )
            if head.tier is not None:
                tiers.append(head.tier)
            if head.route is not None:
                routes[head.route] = None
                urgent = urgent or head.route is Route.SAFETY_RISK

        tier = min(tiers) if tiers else Tier.LEAVE
        return Classification(tier=tier, routes=tuple(routes), reasons=tuple(reasons), urgent=urgent)
