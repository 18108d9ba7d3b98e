"""First rules of the policy engine: tiers, routes and reasons that point at the text."""

from __future__ import annotations

import pytest

from bot.core.models import Route, Tier
from bot.core.policy import PolicyEngine, find_personal_data, nhs_number_is_valid

ENGINE = PolicyEngine(staff_names=["Jane Smith", "Dr Patel", "Janey"])


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("You are a useless idiot", Tier.HARMFUL),
        ("I know where you live", Tier.HARMFUL),
        ("all immigrants should be sent home, they are vermin", Tier.HARMFUL),
        ("Vaccines cause autism, do your own research", Tier.MISINFORMATION_OR_SPAM),
        ("Check out my channel and subscribe to me", Tier.MISINFORMATION_OR_SPAM),
        ("Six hours in A&E with my dad. This service is a disgrace and you should be ashamed", Tier.LEAVE),
        ("The new parking charges are a total rip-off, bring back the old system", Tier.LEAVE),
        ("Thank you to the nurses on ward 4, amazing care", Tier.LEAVE),
    ],
)
def test_tiers(text: str, tier: Tier) -> None:
    assert ENGINE.classify(text).tier is tier


def test_reasons_point_at_the_matched_words() -> None:
    text = "Honestly you are a useless idiot"
    reason = ENGINE.classify(text).reasons[0]
    assert reason.rule == "abuse.directed_insult"
    assert text[reason.start : reason.end] == reason.matched
    assert "idiot" in reason.matched


def test_naming_staff_is_tier_1_with_its_route() -> None:
    verdict = ENGINE.classify("Dr  Patel was rude to my mother")
    assert verdict.tier is Tier.HARMFUL
    assert Route.NAMED_STAFF in verdict.routes
    assert ENGINE.classify("ask janey on reception").tier is Tier.HARMFUL
    assert ENGINE.classify("Janeway is my favourite captain").tier is Tier.LEAVE


@pytest.mark.parametrize(
    ("text", "route", "urgent"),
    [
        ("Should I take ibuprofen with my antibiotics?", Route.MEDICAL_QUESTION, False),
        ("Do I need to fast before a blood test?", Route.MEDICAL_QUESTION, False),
        ("Can I drive after a cataract operation?", Route.MEDICAL_QUESTION, False),
        ("Are these side effects normal after the booster?", Route.MEDICAL_QUESTION, False),
        ("Do I have to take my tablets with food?", Route.MEDICAL_QUESTION, False),
        ("Is it normal to bleed a bit after a smear?", Route.MEDICAL_QUESTION, False),
        ("Can a hot bath stop you catching covid?", Route.MEDICAL_QUESTION, False),
        ("What are the side effects of the RSV vaccine?", Route.MEDICAL_QUESTION, False),
        ("How long does the booster take to work?", Route.MEDICAL_QUESTION, False),
        ("How many days should I isolate with covid?", Route.MEDICAL_QUESTION, False),
        ("Can my child go to school with chickenpox?", Route.MEDICAL_QUESTION, False),
        ("Is a temperature of 38 bad for a two month old?", Route.MEDICAL_QUESTION, False),
        ("Where can I get the morning after pill on a Sunday?", Route.MEDICAL_QUESTION, False),
        ("My toddler swallowed a button battery, what do I do?", Route.SAFETY_RISK, True),
        ("I want to make a complaint about my treatment", Route.COMPLAINT_OR_LEGAL, False),
        ("My solicitor will be in touch", Route.COMPLAINT_OR_LEGAL, False),
        (
            "My NHS number was sent to the wrong patient, that's a data breach",
            Route.COMPLAINT_OR_LEGAL,
            False,
        ),
        ("You breached my patient confidentiality at reception", Route.COMPLAINT_OR_LEGAL, False),
        (
            "I'm a journalist at the local paper, can you give a comment for a story?",
            Route.MEDIA_REQUEST,
            False,
        ),
        ("This is a Freedom of Information request for your staffing figures", Route.FOI_REQUEST, False),
        (
            "I'd like to request all emails between the chief executive and the council",
            Route.FOI_REQUEST,
            False,
        ),
        ("Please release the minutes of the board meeting that closed the unit", Route.FOI_REQUEST, False),
        (
            "Please treat this message as a subject access request for my records",
            Route.COMPLAINT_OR_LEGAL,
            False,
        ),
        ("I'm reporting this surgery to the CQC", Route.COMPLAINT_OR_LEGAL, False),
        ("I reported the GP to the GMC last week", Route.COMPLAINT_OR_LEGAL, False),
        ("I can't go on any more, I want to end my life", Route.SAFETY_RISK, True),
        ("My mum was left on the floor for hours and nobody came", Route.SAFETY_RISK, True),
        # Someone else at risk, told by family: a safeguarding concern to report at once.
        ("The crisis team never rang back and my daughter tried to end her life", Route.SAFETY_RISK, True),
        ("He keeps saying he wants to die and the GP did nothing", Route.SAFETY_RISK, True),
        ("My son has started cutting himself and CAMHS won't see him", Route.SAFETY_RISK, True),
        ("My dad doesn't want to live anymore since the diagnosis", Route.SAFETY_RISK, True),
        ("She threatened to harm herself on the ward", Route.SAFETY_RISK, True),
        ("My sister is suicidal and the crisis team discharged her", Route.SAFETY_RISK, True),
        ("I rang the suicide helpline twice last night and got no answer", Route.SAFETY_RISK, True),
        ("My son took an overdose and they sent him home after an hour", Route.SAFETY_RISK, True),
        ("I can't go on like this, nobody listens", Route.SAFETY_RISK, True),
        ("My son could die by suicide if CAMHS keep him waiting", Route.SAFETY_RISK, True),
        ("She's self-harming again and the self-harm team won't see her", Route.SAFETY_RISK, True),
        # The words people at risk use without naming suicide.
        ("I don't see the point in carrying on anymore", Route.SAFETY_RISK, True),
        ("Everyone would be better off without me", Route.SAFETY_RISK, True),
        ("I've written letters to my kids, tonight's the night", Route.SAFETY_RISK, True),
        ("I've been stockpiling my tablets for weeks", Route.SAFETY_RISK, True),
        ("I just want to go to sleep and not wake up", Route.SAFETY_RISK, True),
        ("I'm going to jump off the bridge by the hospital", Route.SAFETY_RISK, True),
        ("I've had enough of life, nobody cares", Route.SAFETY_RISK, True),
        ("Thinking about ending things tonight", Route.SAFETY_RISK, True),
        # Patient safety: care not given, a known allergy, the wrong patient's medicine, an unsafe
        # discharge, and the emergencies 999 is for written in a comment instead.
        ("My dad hasn't been given his insulin all day on ward 7", Route.SAFETY_RISK, True),
        ("Nobody has given my mum a drink since this morning", Route.SAFETY_RISK, True),
        ("Mum has been sat in her own wet bed for hours and the buzzer was ignored", Route.SAFETY_RISK, True),
        ("They gave my dad penicillin even though he's allergic", Route.SAFETY_RISK, True),
        ("The pharmacy gave me someone else's tablets", Route.SAFETY_RISK, True),
        ("The ward sent my nan home at 2am in her nightie", Route.SAFETY_RISK, True),
        ("My wife is bleeding heavily after the birth and no one will come", Route.SAFETY_RISK, True),
        ("My baby isn't feeding and is floppy, what should I do?", Route.SAFETY_RISK, True),
        ("I think I'm having a stroke, my face feels weird", Route.SAFETY_RISK, True),
        ("My son can't breathe properly and 111 won't answer", Route.SAFETY_RISK, True),
    ],
)
def test_special_routes(text: str, route: Route, urgent: bool) -> None:
    verdict = ENGINE.classify(text)
    assert route in verdict.routes
    assert verdict.urgent is urgent
    assert verdict.needs_desk


@pytest.mark.parametrize(
    "text",
    [
        "My nan fell and hurt herself waiting for the ambulance",
        "The new rota is killing me",
        "Cut yourself some slack, the nurses are doing their best",
        "She is better off at home than in that care home",
        "Suicide prevention training should be compulsory for every GP",
        "I can't breathe in that stuffy waiting room, open a window",
        "My nan hasn't had her dinner yet, she was asleep when the trolley came",
        "Mum hasn't had her medication review in two years",
        "She was having a fit of giggles with the nurses",
        "Nobody has given me a straight answer about the closure",
        "The floppy disk era of NHS IT is over at last",
        "Ward sent dad home at 4pm with no transport booked",
        "I swallowed my tablets with a glass of water like the leaflet says",
        "I don't see the point in carrying on with this complaint",
        "The pharmacy says people are stockpiling paracetamol",
        "I've had enough of this surgery and its phone queue",
        "We're ending things with this GP practice and moving",
        "Tonight's the night the new ward opens!",
        "I wrote a note for my daughter's school about her asthma",
        "Suicide rates among young men in this county are shocking",
        "Young farmers are dying by suicide and nobody in government cares",
        "The self-harm nurses at the Royal were wonderful with our son",
        "Naloxone can reverse an overdose, every pharmacy should have it",
        "I can't go on waiting for this hip operation much longer",
    ],
)
def test_accidents_and_figures_of_speech_are_not_a_risk_to_life(text: str) -> None:
    assert Route.SAFETY_RISK not in ENGINE.classify(text).routes


def test_criticism_alone_is_not_carded() -> None:
    verdict = ENGINE.classify("Waiting lists are far too long and the ICB should be doing better")
    assert verdict.tier is Tier.LEAVE and verdict.routes == () and not verdict.needs_desk


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "943-476-5919"])
def test_valid_nhs_numbers_are_found(number: str) -> None:
    assert nhs_number_is_valid(number.replace(" ", "").replace("-", ""))
    assert [kind for *_, kind in find_personal_data(f"my NHS number is {number}")] == ["NHS number"]


def test_nhs_number_check_digit_rejects_near_misses() -> None:
    assert not nhs_number_is_valid("9434765918")
    assert not nhs_number_is_valid("123456789")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ring me on 07700 900123", "phone number"),
        ("call +44 7700 900123 after six", "phone number"),
        ("landline 020 7946 0958", "phone number"),
        ("email me at someone@example.org", "e-mail address"),
        ("I live near SS1 2AB", "postcode"),
        ("come to 14 Station Road tomorrow", "house address"),
        ("my landline is (0117) 496 0123", "phone number"),
        ("text her on 0044 7911 123456", "phone number"),
        ("his mobile is 07911-123-456", "phone number"),
        ("DOB 12/03/1958, is my appointment still on?", "date of birth"),
        ("her date of birth is 4th May 1961", "date of birth"),
        ("email me jane dot smith at gmail dot com", "e-mail address"),
        ("my email is jane.smith [at] gmail.com", "e-mail address"),
        ("write to jane.smith at nhs.net", "e-mail address"),
        ("my NHS number is 943 476 5910, can you check?", "NHS number"),  # a mistyped one
        ("My hospital number is RX1234567", "hospital number"),
        ("patient no. 0012345 on ward 6", "hospital number"),
    ],
)
def test_personal_data_kinds(text: str, kind: str) -> None:
    kinds = [k for *_, k in find_personal_data(text)]
    assert kind in kinds
    assert Route.PERSONAL_DATA in ENGINE.classify(text).routes


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("send it to 14a acacia avenue please", "14a acacia avenue"),
        ("she lives at 7 Sea View, opposite the shop", "7 Sea View"),
        ("22 OLD MILL LANE is where he parks", "22 OLD MILL LANE"),
    ],
)
def test_house_addresses_in_any_case(text: str, address: str) -> None:
    spans = [(text[s:e], kind) for s, e, kind in find_personal_data(text)]
    assert (address, "house address") in spans


@pytest.mark.parametrize(
    "text",
    [
        "if they got 1 penny per view they would be rich",
        "the video passed 2 million view counts",
        "there were 5 people on the hill waiting for the air ambulance",
        "3 cars on the road outside A&E blocking the ambulances",
        "I waited 4 hours on the ward before anyone came",
        "see https://example.com/track?campid=5337555197 for the story",
        "short link: hyperurl.co/k6a5xt",
        "ring 0300 123 4567 for the booking line",  # an organisation's number, not a person's
        "call the free helpline on 0800 123 4567",
        "the NHS line is +44 (0)345 678 9012",
        "my baby was born on 3rd March 2024, thank you to the midwives",
        "see our guidance at nhs.uk",
        "I was at gmail for years before I joined the NHS",
        "our unit has 12345 patients a year",
        "I'm patient number 5 in the queue",
        "the case number 1234567 was closed",
        "a 10 digit number 9434765918 on the letter",
    ],
)
def test_numbers_that_are_not_personal_data(text: str) -> None:
    """Counts beside ordinary words, and digits inside links, are nobody's address or NHS number."""
    assert list(find_personal_data(text)) == []


def test_a_phone_number_inside_a_link_is_still_a_contact_detail() -> None:
    kinds = [k for *_, k in find_personal_data("message me https://example.com/call/07700900123")]
    assert kinds == ["phone number"]


def test_links_the_caller_found_are_used_not_found_again() -> None:
    text = "my postcode is CM1 1AB"
    assert [k for *_, k in find_personal_data(text)] == ["postcode"]
    # Told the postcode lies inside a link, the finder leaves it: it trusts the spans it is given.
    assert list(find_personal_data(text, text.lower(), [(15, 22)])) == []


def test_obfuscated_insults_are_folded() -> None:
    assert ENGINE.classify("you are an 1d10t").tier is Tier.HARMFUL


@pytest.mark.parametrize(
    "text",
    [
        "Great post! Check out our channel for honest gadget reviews",
        "Hey everyone, I just launched my own clothing line, have a look",
        "Please subscribe, I post covers every week",
        "If I get 500 subscribers I will post a full tutorial",
        "You can earn £300 a day from your phone, message me",
        "My cousin earns $4000 a month working from home, ask me how",
        "Get paid for sharing posts and liking pages, sign up here",
        "Easy money: https://example.com/signup?ref=abc123",
        "We are a small skincare brand and would love you to try our serum",
        "Follow me on Instagram for daily tips @someone",
        "add me here, I post every day",
        "sub me if you like this",
        "Subscribe 2 My Channel for more",
        "check my newest track, took me months",
        "Like and share this post to win a hamper",
        "If I reach 1000 subscribers I will do a giveaway",
        # Views, likes and subscribers farmed by the number.
        "We need 2 million more views to beat the record, open it in different tabs!",
        "We need 1000 more likes on this comment",
        "We need 50k views by tomorrow, keep replaying it",
        "Help me reach 500 subscribers by Friday",
        "Only 300 more subs to go, please help me get there",
        "Lovely team! I'm becoming famous quickly with my drill tracks",
        "Proud of the nurses. Have a listen to my debut album x",
        "great cause, now stream my new single",
        "watch this www.vidshare. com/v/123",
        "share youtu be/abc123 everyone",
        "Visit our website for the cheapest designer handbags",
    ],
)
def test_self_promotion_and_money_offers_are_spam(text: str) -> None:
    """MSE Appendix B: "Advertising commercial products and services"; Appendix C: spam, Tier 2."""
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM
    assert "spam.self_promotion" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Nurses don't get paid for the overtime they do, it is shameful",
        "The trust just wants to make money from hospital parking",
        "Follow our GP's advice and get the flu jab, it worked for us",
        "I created an account on the NHS App and it still shows no appointments",
        "Here is the news story about the closure: https://www.bbc.co.uk/news/health-123",
        "We are a family of five and cannot get a dentist anywhere",
        "I had to check my NHS app again and there were no slots",
        "Can you check my referral went through?",
        "Please add me to the waiting list for the clinic",
        "Follow the advice on the leaflet and share it with your family",
        "I'd love to win the lottery so I could pay for my own operation",
        "I'm getting known at the surgery as the one who always complains",
        "My latest scan was clear, thank you to the radiology team",
        "The ward was tidy. Coms were poor though",
        "Visit our page for opening hours over Christmas",
        "We're the patient group: follow our page for updates on the new surgery",
    ],
)
def test_talk_about_pay_profit_apps_and_links_is_not_self_promotion(text: str) -> None:
    """Criticism that mentions money, apps or a link stays up (MSE Appendix B)."""
    assert "spam.self_promotion" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Please donate some bitcoin to me, address below",
        "Send 0.05 BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq and I'll double it",
        "My wallet: 0x52908400098527886E0F7030069857D2E4169EE7",
        "Tips welcome 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "Lost money to fake brokers? Agent Mark helped me recover my lost funds in 48 hours",
        "Contact them now, they recovered all my stolen bitcoin",
    ],
)
def test_cryptocurrency_requests_and_recovery_scams_are_spam(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM
    assert "spam.crypto" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "My son lost his savings to a crypto scam and CAMHS won't see him for 18 months",
        "The pension fund should not be investing in bitcoin",
        "Our reference is 1234567890123456789012345678 and still no reply",
        "See https://example.org/1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 for the report",
        "It took me months to recover from the operation and I lost my job",
        "How do I pay for my prescription online?",
    ],
)
def test_talk_about_crypto_money_and_recovery_is_not_a_crypto_request(text: str) -> None:
    assert "spam.crypto" not in {r.rule for r in ENGINE.classify(text).reasons}


def test_the_link_in_the_surgerys_own_text_is_not_click_bait() -> None:
    for bait in ("Click the link for free followers", "Tap the link to claim your reward"):
        assert "spam.advertising" in {r.rule for r in ENGINE.classify(bait).reasons}, bait
    for text in (
        "Click the link in the text to confirm your appointment, that's what the surgery told me.",
        "Tap the link in your reminder to confirm, the receptionist said",
        "Click here to rearrange your physio appointment, saves ringing",
        "Tap the link to view your blood test results, it's quicker than calling",
        "Click here doesn't work on the trust website, it goes nowhere",
        "The click here button never loads on my phone",
    ):
        assert "spam.advertising" not in {r.rule for r in ENGINE.classify(text).reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are vermin",
        "Polish people are nothing but parasites",
        "I hate gay people",
        "i cant stand immigrants",
        "Trans people should all die",
        "Disabled people should be put down",
        "kill all the refugees",
        "Older people are a plague on this country",
        "All these immigrant nurses should go",
        "Disabled people are absolutely despicable",
        "Immigrants like you are pathetic",
        "Muslims are lesser beings",
        "Gay men disgust me",
        "Trans people make me sick",
        "I really loathe Polish people",
        "I have nothing but contempt for refugees",
        "We should get rid of immigrants once and for all",
        "Would love to see the travellers suffer",
        "Eastern European staff are no better than rats",
        "We'd be better off if asylum seekers were wiped out",
        "Burn those kinds of Muslims",
        "I hate pregnant women",
        "Fuck Muslims",
        "f*ck gay people",
        # Killing a group asked for: an order, or someone willing or urged to do it.
        "Refugees deserve to be slaughtered",
        "Travellers ought to be executed, all of them",
        "Somebody needs to strangle all the Romanians",
        "Let's gas the Travellers",
        "Murder the gays",
        "This country would be far better off without Muslims",
    ],
)
def test_abuse_of_a_whole_protected_group_is_tier_1(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert {r.rule for r in verdict.reasons} & {"hate.generalisation", "hate.incitement"}


@pytest.mark.parametrize(
    "text",
    [
        "Send all asylum seekers back",
        "Ship all Polish home",
        "Kick them out, all of them",
        "Those filthy migrants should leave",
        "All these Romanians are the problem",
        "Go back to your own country",
    ],
)
def test_inciting_hatred_of_a_group_is_tier_1(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert "hate.incitement" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Not all Muslims are terrorists",
        "Muslims are not terrorists, stop it",
        "I hate women being ignored by their GP",
        "I hate old people being left on trolleys",
        "Homosexual men should get the HPV jab too",
        "Disabled people should be able to park at the hospital",
        "Black women are more likely to die in childbirth",
        "Someone posted that Muslims are vermin, which is vile",
        "Get rid of the disabled bays and see what happens",
        "We need to get rid of the elderly care backlog",
        "The way disabled people are treated makes me sick",
        "I have so much contempt for the way women are treated here",
        "I'd love to see older patients get seen faster",
        "Disabled people are worth more than this service gives them",
        "Black women were sterilised without consent, the inquiry found",
        "Polish people are dirt poor after the energy bills",
        "Fuck the elderly care backlog, my nan has waited a year",
        "Fuck cancer",
        'Whoever wrote "Muslims are vermin" on your page should be reported to the police',
        'Comments like "gay men are disgusting" have no place here, it is vile',
        'How can anyone say "disabled people should be put down"?',
        # Challenging someone else's belief, and quoting abuse to say it gets people banned.
        "You can't seriously believe that Romanians are lazy",
        "Do you honestly think refugees are a burden on society?",
        '"Travellers are vermin" is a dehumanising thing to write about anyone',
        'Posts like "disabled people are a drain" get you blocked here',
        'Hate like "Muslim lives don\'t matter" should get people banned',
        # Saying a service or a policy harms a group is criticism, not a call to harm it.
        "These cuts will kill the elderly",
        "Closing the stroke unit will kill disabled people round here",
        "Waiting lists kill the elderly, everyone knows it",
        "This government wants to kill off disabled people with these cuts",
        "I'm better off without men after what my ex did",
    ],
)
def test_naming_a_group_or_condemning_its_abuse_is_not_group_abuse(text: str) -> None:
    assert "hate.generalisation" not in {r.rule for r in ENGINE.classify(text).reasons}


def test_quoting_abuse_without_condemning_it_still_flags() -> None:
    verdict = ENGINE.classify('"Muslims are vermin" lol so true')
    assert "hate.generalisation" in {r.rule for r in verdict.reasons}
    for text in (
        "I'm telling you, immigrants are vermin",
        "I can't believe we let Romanians in, they are vermin",
    ):
        assert "hate.generalisation" in {r.rule for r in ENGINE.classify(text).reasons}, text


def test_comments_like_yours_is_aimed_at_the_reader_not_a_quotation() -> None:
    verdict = ENGINE.classify("Comments like yours are pathetic, you idiot")
    assert verdict.tier is Tier.HARMFUL


def test_a_quoted_threat_still_reaches_the_desk_as_a_safety_risk() -> None:
    # A threat someone received is the desk's business even when it is reported with disgust.
    verdict = ENGINE.classify('He wrote "I\'ll slit your throat" to my daughter, this is disgusting')
    assert verdict.tier is Tier.HARMFUL
    assert Route.SAFETY_RISK in verdict.routes
    assert verdict.urgent


@pytest.mark.parametrize(
    "text",
    [
        "I'll have to strangle that receptionist",
        "We will slit your throats",
        "I'm going to make those nurses suffer",
        "I'll snap the consultant's neck",
        "Someone should torture that GP",
        "I'll break your legs when I see you",
        "going to st4b him",
    ],
)
def test_threats_of_violence_are_urgent_safety_risks(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert Route.SAFETY_RISK in verdict.routes
    assert verdict.urgent


@pytest.mark.parametrize(
    "text",
    [
        "The cuts are going to make patients suffer",
        "I'm drowning in forms, I'll drown in them soon",
        "I'll break a leg at the fun run",
        "I'll need to slit the envelope open",
    ],
)
def test_violent_words_that_threaten_nobody_are_left(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize(
    "text",
    [
        "No Muslim nurse is touching my mother",
        "No gay doctor will ever treat my son",
        "no Asian carer comes near my dad",
        "No black paramedic's touching me",
        "I don't want a foreign doctor",
        "We won't accept any gay carers",
        "Not having a black GP thanks",
        "Muslim doctors should be banned from treating women",
        "Gay nurses shouldn't be allowed on the children's ward",
        "Jewish consultants should be kept away from our hospital",
    ],
)
def test_refusing_care_from_staff_for_who_they_are_is_tier_1(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert "hate.refusing_care" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "No female nurse please for my mum's smear",
        "No male doctor is examining my wife, she asked for a woman",
        "I don't want a male carer washing my nan",
        "No teenage student nurse is doing my bloods, I want someone experienced",
        "No pregnant nurse should be on a covid ward",
        "No young doctor is operating on me without a consultant there",
        "There's no Polish doctor at the surgery anymore, shame as she was great",
        "We have no black doctors in senior roles",
        "No Muslim nurse available on the ward tonight so we waited",
        "My brother said no Polish nurse would touch him, which is racist and I told him so",
        "Male doctors shouldn't be allowed to do intimate exams without a chaperone",
        "Polish nurses should be allowed to stay after Brexit",
        "Pregnant nurses should be kept away from the covid ward",
    ],
)
def test_fair_requests_and_talk_about_staff_are_not_refusals(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize("text", ["those muzzies again", "Typical yid", "spaz", "a batty boy"])
def test_slurs_are_tier_1_whatever_the_rest_says(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert "hate.slur" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "The consultant was an arrogant prick to be honest",
        "That receptionist is a nasty little cow",
        "The doctor was a total dick to my dad",
        "She's a right twat on the phone",
    ],
)
def test_calling_staff_a_name_with_any_description_is_a_personal_attack(text: str) -> None:
    assert "abuse.directed_insult" in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "The nurse is not an idiot, she was following the rules",
        "You are never a liar in my book",
        "Why are you trash talking the nurses?",
        "Don't you have a trash can in the waiting room?",
        "The porter was a great help",
    ],
)
def test_negations_and_other_senses_are_not_a_personal_attack(text: str) -> None:
    assert "abuse.directed_insult" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Newly qualified nurses earn £28,407 and you wonder why they leave",
        "Trusts make money from car parking charges, it's a scandal",
        "They just want to make money off sick people",
        "I earn £500 a week as a healthcare assistant and can't afford the bus",
        "Nurses earn £500 a week working twelve hour shifts, it's a disgrace",
        "Porters make £12 an hour with overtime and we wonder why they leave",
        "My mum earns £200 a week caring for my nan at home",
        # Pay set against something else, or a profession's pay, is a complaint even beside
        # "working from home".
        "Nurses earn £2,300 a month after tax and can't afford the car park, never mind working from home",
        "Junior doctors make £15 an hour, less than a barista,"
        " and you want them answering calls from their own home?",
        "My daughter earns £1,900 a month as a healthcare assistant and pays £80 to park,"
        " while the managers work from home",
        "I earn £12 an hour as a carer and I've been told I can't work from home, obviously",
        "My son makes £400 a week on nights at the hospital,"
        " he'd love to work from home but someone has to look after patients",
        "My wife made £30 a day less when she started working from home to look after her dad",
        "The receptionist earns £1,500 a month and gets abused on the phone all day while the"
        " partners work from home",
        "I used to earn £400 a week before my back operation, now I get nothing",
        # Numbers of people or signatures wanted are not likes farmed.
        "We need 10,000 signatures to get this debated in parliament",
        "We need 200 more nurses on this ward",
        "We need 2,000 more blood donors this winter",
        "This video has 5,000 views, can the trust answer the questions in the comments?",
        "Can you help us get to 100 signatures for the new GP surgery petition?",
    ],
)
def test_talk_of_pay_and_profit_is_not_a_money_making_offer(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize(
    "text",
    [
        "Make £3000 a week from home with this simple trick",
        "You can make money online, ask me how",
        "earn easy cash today",
        "My cousin makes $5000 a month and all she does is work from home on her laptop",
        "Earn $90 an hour online, message me",
        "My sister earns £3,000 a month,"
        " she started in March and now she does it all working from home on her laptop",
        "My neighbour makes $85 an hour, you can do it too, all she does is fill in surveys online",
        "Earn £500 a week taking surveys from your phone",
        "My aunt earns £250 a day from her phone, it changed her life",
    ],
)
def test_money_making_offers_are_spam(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize(
    "text",
    [
        "I know which car is yours in the staff car park",
        "Wait till I catch that receptionist outside after her shift",
        "Someone should teach that GP a lesson he won't forget",
        "I'm coming down there and somebody's getting hurt",
        "I'd happily run that consultant over",
        "Somebody needs to smack the receptionist",
        "Put a bullet in the chief executive",
        "I know where your kids go to school",
        "I will butcher the next paramedic who turns up late",
        "I'll kill that consultant when I see him",
        "I'm going to find out where you live",
        "I'll find your kids, receptionist",
        "I'm going to sit in the car park till that GP comes out and batter him",
        "I'll be bringing a machete next time, tell the manager",
        "Next time I see that nurse she's dead",
        "I know your reg, you know what's coming",
        "Stabbing a useless GP like him should be made legal",
        "Get cancer and die",
        "You deserve everything that's coming to you",
        "I hope your family suffers like mine did",
        "Somebody ought to torch that surgery with the receptionists still in it",
        "If anything happens to my dad I'm coming for all of you",
        "We're coming for that manager, tell him",
        "That paramedic deserves a good slap",
        "The receptionist wants her head kicking in",
        "There's a bomb in the outpatients car park, you have one hour",
        "I'm sat outside the ward and I've got a knife",
        "I've got your home address now, nurse",
        "Your days are numbered, doctor",
        "Sleep with one eye open tonight",
        "I'll stab the dinner lady if she serves my dad cold food again",
        "You will all hang for crimes against humanity",
        "Every nurse who gave the jab should be tried and hanged",
        "See you at the Nuremberg trials, vaccinators",
    ],
)
def test_threats_and_intimidation_of_staff_are_urgent(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes


@pytest.mark.parametrize(
    "text",
    [
        "I'd kill for a cup of tea after that wait",
        "I would hit the roof if that happened to my mum",
        "I'd punch the wall if I had to wait again",
        "Wait till I see the doctor tomorrow, I'll ask her",
        "Someone's getting hurt on those stairs, please fix the handrail",
        "If you don't fix this someone is going to get hurt.",
        "I'd happily shoot the breeze with the nurses any day",
        "I'd happily punch the air if they reopened the walk-in centre",
        "I hope your family is well",
        "Killing time in the waiting room should be allowed to count as exercise",
        "Shooting the breeze with patients should be encouraged",
        "I'll slaughter this marathon for the hospice, sponsor me",
        "We're going to kill it at the charity quiz tonight",
        "I'll murder a bacon sandwich after this night shift",
        "I'm going to find the PALS office and make a complaint",
        "We will find a dentist taking NHS patients eventually",
        "I'll hurt my back again lifting mum into the car",
        "I'll shoot you a message with the ward number",
        "Going to kill two birds with one stone and get both jabs",
        "I know your car park is always full, build a bigger one",
        "I'll bring a knife to cut the cake for the nurses on Friday",
        "I'm coming for the 3pm clinic, is it running late?",
        "We're coming for the open day at the new surgery",
        "The government needs a kick up the backside over dentistry",
        "The ward deserves a good clean and a lick of paint",
        "I'll torch my old sick notes, I'm finally well",
        "The hospital was evacuated after a bomb threat last night",
        "The ward looked like a bomb had gone off",
        "There's a device in the waiting room that checks your blood pressure",
        "I've got a knife wound that needs dressing, can the district nurse come?",
        "I have a hammer toe and the podiatry wait is a year",
        "I've got my blade fitted at the limb centre next week",
        "You will hang your coat in the cloakroom before you go in",
        "The staff will hang the Christmas decorations on Friday",
        "You should hang on for the 2pm slot, it's quieter",
        "The walk-in centre's days are numbered, they'll shut it by spring",
    ],
)
def test_figures_of_speech_and_safety_warnings_are_not_threats(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert not {"threat.violence", "threat.wish_harm"} & {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Fat ugly receptionist, no wonder she's miserable",
        "That smelly old git of a porter",
        "Ugly fat paramedic couldn't even lift my nan",
        "The carers are idiots, every last one",
        "You people are vermin",
        "Lazy immigrant nurses taking our jobs",
        "Filthy Travellers camped by the hospital again",
        "Go back to where you came from, foreign doctor",
        "The GP at Riverside Surgery is a lazy old cow",
        "The nurses on ward 9 are thick as mince",
        "Whoever runs this page is an absolute muppet",
        "The admin of this page is a pathetic little man",
        "You complete pillock",
        "That receptionist is a jumped-up little prat",
        "Murderers, the lot of you, injecting babies with poison",
        "Trans women on the wards? They're predators, all of them",
        "Send the immigrants back and we'd have no waiting lists",
        "Foreign doctors are killing our patients",
        "These migrants are draining our NHS dry",
        "Muslims are breeding like rabbits and clogging up maternity",
        "Old people are bed blockers who should just die",
    ],
)
def test_insults_about_looks_and_degrading_a_group_are_tier_1(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.HARMFUL


@pytest.mark.parametrize(
    "text",
    [
        "Fat people are ignored by doctors",
        "The ugly truth is we need more nurses",
        "My lazy eye has got worse since the op",
        "Dirty disabled toilets on ward 3, disgusting",
        "You people are heroes",
        "The GP at Riverside Surgery is a lovely man",
        "The admin at this surgery is a nightmare, three forms for one repeat prescription",
        "Whoever runs this page is doing a great job keeping us updated",
        "The Muppets Christmas Carol was on in the children's ward",
        "The cuts are killing our patients",
        "Young people who should know better are vaping at the entrance",
        "Black nurses are killing it on the leadership course",
        "My mum was called a bed blocker by a consultant, she's 91",
    ],
)
def test_plain_words_about_bodies_and_groups_are_not_insults(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize(
    "text",
    [
        "Vaccines are full of mercury and aluminium",
        "The covid jab rewrites your DNA",
        "The flu jab gives you the flu, every year without fail",
        "That HPV vaccine made my niece infertile",
        "Autism is caused by the MMR",
        "Turmeric cures cancer, look it up",
        "Homeopathy cured my asthma, bin the inhalers",
        "Doctors don't want you to know this one trick",
        "Antibiotics cure colds if you take them early",
        "Sunscreen causes skin cancer, not the sun",
        "Natural immunity is better than any vaccine",
        "It's not a myth that the MMR causes autism",
        "The government made covid so they could lock us all up",
        "Pretty sure Bill Gates engineered the coronavirus",
        "The pandemic was released on purpose",
        "Eating raw garlic protects you against covid",
        "Hand dryers kill the coronavirus, no need to wash",
        "Did you know garlic protects you against covid?",
        "The covid jab has killed more people than covid ever did",
        "The MMR gave my nephew autism, don't let them jab your kids",
        "Fluoride in the water is poisoning our kids",
        "Measles is harmless, it builds immunity naturally",
        "HIV doesn't cause AIDS",
        "Raw milk cures allergies",
        "Apple cider vinegar cures diabetes, bin the metformin",
        "Chemtrails are making everyone ill",
    ],
)
def test_well_known_health_myths_are_misinformation(text: str) -> None:
    assert "misinformation.health" in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "It's a myth that the MMR causes autism",
        "There is no evidence that the flu jab gives you the flu",
        "That's a lie that vaccines are full of mercury, please read the NHS page",
        "Do vaccines contain mercury?",
        "Antibiotics don't treat colds, please stop asking the GP",
        "My consultant told me to stop taking my statins before the operation",
        "The government made the pandemic worse for care homes",
        "They planned the covid vaccine rollout well in our area",
        "It's a lie that Bill Gates created the virus",
        "I had lemon water and a hot bath when I had covid, felt a bit better",
        "Does drinking hot water kill the coronavirus?",
        "Measles is not harmless, my cousin went deaf after it",
        "Flu is not harmless for older people, get your jab",
        "Covid has killed more people than the vaccine ever could",
        "The MMR does not cause autism, that study was fraud",
        "The jab gave my son a sore arm for two days",
        "Is it true that garlic protects you from covid?",
    ],
)
def test_denying_a_myth_or_asking_about_it_is_not_misinformation(text: str) -> None:
    assert "misinformation.health" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "A fake broker took my savings but Mr Grant recovered my funds, contact him on WhatsApp",
        "Invest £300 and get £3000 back in a week",
        "Guaranteed returns every month, ask me how",
        "Looking for a sugar mummy? Inbox me",
        "Lonely single ladies near you want to chat",
        "Cheap weight loss jabs without prescription, next day delivery",
        "Bad credit accepted, loans paid out today",
    ],
)
def test_scams_and_dating_and_drug_spam_are_tier_2(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize(
    "text",
    [
        "I need a loan to cover the parking charges at this rate",
        "I recovered my health thanks to the physio team, contact them if you can",
        "The pharmacy would not sell me ibuprofen without a prescription",
        "Please share: blood donors needed this week, book at https://www.blood.co.uk/",
        "The CQC rated the ward inadequate https://www.cqc.org.uk/location/1-234",
    ],
)
def test_money_talk_medicine_questions_and_health_bodies_links_are_not_spam(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize(
    "text",
    [
        "Romanians are without a doubt the stupidest people on earth",
        "Travellers can never be trusted",
        "Sikh lives are not worth saving",
        "No Pakistani man can ever be a valuable neighbour",
        "Disabled people will never be as capable as the rest of us",
    ],
)
def test_a_group_called_worthless_or_the_worst_is_tier_1(text: str) -> None:
    assert "hate.generalisation" in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        # Vices pinned on a whole group, as a fact.
        "Romanians are lazy.",
        "Asylum seekers are all thieves",
        "Somalis are so violent and cruel",
        "Polish nurses are basically dishonest, every one",
        # A burden, a danger, not belonging, lives worth nothing.
        "Disabled people are a drain on the NHS",
        "Travellers are a menace to this country",
        "Muslims being in power is a danger to our way of life",
        "Refugees do not belong in this country",
        "Jewish lives don't matter",
        "Gay lives are worth less than nothing",
        "Pakistani lives shouldn't be important to anybody",
        # Feelings aimed at the whole group.
        "Sick and tired of Muslims.",
        "Fed up and sick of being around immigrants like you!",
        "Trans people like you make me livid",
        "The loathing I have for refugees is real",
        "I feel utter scorn for Sikhs",
        "Never let another migrant live.",
        "Those kinds of Romanians are thieves",
        "Young men are violent.",
        "Disabled people are just a waste of oxygen",
        "Extermination is the final answer to the Roma",
        "Death to all Sikhs!",
        "Death to the Jews, every one of them",
        "The contempt I feel for you immigrants",
        "Travellers should all be dead",
        # Sex and age are protected too, and one of a group can stand for all through a pronoun.
        "Female paramedics are filthy",
        "Male lives are worth nothing",
        "Teenage mums are scroungers",
        "Don't send a Romanian carer round again, they're all thieves",
        "I refuse to see an Indian GP, they are disgusting",
        "No male midwife is delivering my baby, they're perverts",
    ],
)
def test_vices_burdens_and_feelings_pinned_on_a_whole_group_are_tier_1(text: str) -> None:
    assert "hate.generalisation" in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Men are useless at booking appointments, get your prostate checked",
        "Women are stupidly underdiagnosed with ADHD",
        "Older people are a danger to themselves on icy pavements, check on your neighbours",
        "Disabled people being discharged too early is a danger to their health",
        "Elderly patients don't belong on trolleys in corridors",
        "I'm sick of women being fobbed off about endometriosis",
        "Pregnant women are so tired of being ignored.",
        "Seeing disabled people treated like this makes me so angry",
        "Black lives matter and black mothers' lives are worth saving",
        "Migrant nurses are the reason this ward is still open, let them stay and live here",
        # The group is not the subject: what is said is said of the services.
        "The female ward was filthy and nobody cleaned the toilets",
        "A Polish nurse looked after dad, they're so kind on that ward",
        "Death to the disabled parking fines, finally scrapped!",
        "Mental health services for young men are a disgrace",
        "Beds for the elderly are a disgrace in this county",
        "Waiting lists for autistic people are pathetic",
    ],
)
def test_talk_about_how_a_group_is_treated_is_not_group_abuse(text: str) -> None:
    assert "hate.generalisation" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Black lives matter",
        "Women can never get an appointment at this surgery",
        "Older patients are the most vulnerable to flu",
        "Elderly patients can't stop themselves falling without help",
        "Disabled people can never be sure the lift will work",
    ],
)
def test_plain_statements_about_a_group_are_not_abuse(text: str) -> None:
    assert "hate.generalisation" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Travellers? They are vermin",
        "I've nothing against Pakistanis but most of them are filthy",
        "Asylum seekers will never change, we should get rid of them",
        "Somalis keep moving in round here. They should all be shot",
    ],
)
def test_a_group_abused_through_a_pronoun_is_tier_1(text: str) -> None:
    assert "hate.generalisation" in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Refugees fled war, they are not terrorists",
        "Disabled people are ignored and they are treated like animals",
        "Immigrant nurses keep this place running, they are the backbone of the ward",
        "Muslim women are waiting longer for screening and they deserve better",
    ],
)
def test_a_group_then_a_pronoun_is_not_abuse_by_itself(text: str) -> None:
    assert "hate.generalisation" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Does the MMR jab cause autism?",
        "My son is due his MMR, does the MMR cause autism? Worried mum",
        "Can the covid vaccine change your DNA?",
        "Is the flu jab safe in pregnancy?",
    ],
)
def test_a_parents_question_about_a_vaccine_is_answered_not_hidden(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.LEAVE
    assert Route.MEDICAL_QUESTION in verdict.routes


@pytest.mark.parametrize(
    "text",
    [
        "Did you know the MMR causes autism?",
        "The MMR causes autism. Why won't they admit it?",
        "Vaccines cause autism, does anyone else see it?",
    ],
)
def test_a_claim_dressed_as_a_question_is_still_misinformation(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.MISINFORMATION_OR_SPAM


@pytest.mark.parametrize(
    "text",
    [
        "What are the side effects of this government's cuts? Misery",
        "Can my son get an appointment this week?",
        "How long does it take to get a GP appointment round here?",
    ],
)
def test_questions_about_services_are_not_medical_questions(text: str) -> None:
    assert Route.MEDICAL_QUESTION not in ENGINE.classify(text).routes


@pytest.mark.parametrize(
    "text",
    [
        "NHS is hiring! Work from home £450 a day, message me for details",
        "Claim your NHS thank-you voucher here bit.ly/nhs-thanks",
        "You are owed a tax refund, reply with your bank details",
        "Weight loss jabs for sale, DM me",
        "I can get you seen privately next week, message me for prices",
        "I am Dr Williams from UN, I want to be your friend",
        "Get your covid pass without the jab, fully legit",
        "Earn £3000 weekly as a mystery shopper",
    ],
)
def test_scams_that_follow_nhs_pages_are_spam(text: str) -> None:
    """MSE Appendix B: spam and advertising; the scams people are warned about on NHS pages."""
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM
    assert "spam.advertising" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Can I get Mounjaro on the NHS? My GP says no",
        "I work from home so £12 parking every visit hurts",
        "Claim your travel costs back through the hospital scheme",
        "You are owed an apology from the trust",
        "Botox for migraines changed my life, ask your neurologist",
        "Please don't send your bank details to anyone who messages you about an NHS refund",
        "Is this text fully legit? It says to click a link to book my booster",
        "Claim your free flu jab at any pharmacy this month",
        "You are due a free NHS Health Check if you're over 40",
        "Message me for my number and I'll add you to the carers' WhatsApp group",
    ],
)
def test_talk_of_medicines_refunds_and_bank_details_is_not_a_scam(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE


@pytest.mark.parametrize(
    "text",
    [
        "My partner hits me and I'm scared to go home",
        "My stepdad touches me and I don't know who to tell",
        "I think the kids next door are being hurt, I hear screaming every night",
        "My husband won't let me see the GP alone",
        "My nan is being taken advantage of, her carer takes her pension",
        "I'm being abused at home and nobody believes me",
        "He said he'd kill me if I told anyone",
        "My friend is being forced to marry someone abroad",
        "He hit me with a belt last night",
    ],
)
def test_safeguarding_disclosures_are_urgent(text: str) -> None:
    """MSE 7.2.9, 7.2.11: abuse, neglect or exploitation told of is reported at once."""
    verdict = ENGINE.classify(text)
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes
    assert "safety.safeguarding" in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    "text",
    [
        "The receptionist won't let me see the GP without a call back",
        "My son hits his head when he's upset, he's autistic, can anyone help?",
        "She touched me on the shoulder to wake me for my obs",
        "Forced marriage awareness training for all staff today",
        "Domestic abuse services in our area are underfunded",
        "He hit me with the door by accident, no harm done",
        "She hit me up on WhatsApp about the appointment",
        "He beat me to it, the pharmacy had already closed",
    ],
)
def test_talk_of_services_accidents_and_slang_is_not_a_disclosure(text: str) -> None:
    assert "safety.safeguarding" not in {r.rule for r in ENGINE.classify(text).reasons}


@pytest.mark.parametrize(
    "text",
    [
        "Remember, call 999 if your baby is floppy or unresponsive",
        "Signs of meningitis include a rash that doesn't fade under a glass",
        "If a child swallowed a button battery, go straight to A&E",
        "Look out for blue lips and call 999",
    ],
)
def test_emergency_advice_passed_on_is_not_an_escalation(text: str) -> None:
    """The advice names the emergencies the patient-safety rule escalates, about nobody in particular."""
    assert Route.SAFETY_RISK not in ENGINE.classify(text).routes


def test_an_exempt_match_does_not_hide_a_later_one() -> None:
    """Only the first match of a rule used to be read: advice, then a real report, went unseen."""
    text = "When you're bleeding heavily after birth they should come at once, but nobody came for my wife"
    verdict = ENGINE.classify(text)
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes
    assert [r.matched for r in verdict.reasons if r.rule == "safety.patient"] == ["nobody came"]
    quoted = 'He wrote "you are a stupid cow", which is vile. And you are a stupid cow too'
    insults = [r for r in ENGINE.classify(quoted).reasons if r.rule == "abuse.directed_insult"]
    assert [quoted[r.start : r.end] for r in insults] == ["you are a stupid cow"]
    assert insults[0].start > quoted.index("vile")


@pytest.mark.parametrize(
    "text",
    [
        "You'll pay for what you did to my mother",
        "you will pay for this",
        "They'll pay for what they've done to our dad",
        "Drag the managers out and string them up",
        "String them all up, every last one",
        "Go and die you worthless nurse",
        "why don't you just go die",
    ],
)
def test_vengeance_lynching_and_being_told_to_die_are_urgent(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL and verdict.urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "You will pay for parking at the new hospital",
        "You'll pay for it later if you don't get your teeth checked",
        "They'll pay for what they've done at the ballot box",
        "You'll pay for this at the next election",
        "Bought fairy lights, we'll string them up on the ward tomorrow",
        "String the lights up across the ward for Christmas",
        "They sent my dad home to go and die",
        "He went to the hospice to go and die in peace",
    ],
)
def test_bills_elections_decorations_and_dying_at_home_are_not_threats(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert not {"threat.violence", "threat.wish_harm"} & {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "These foreigners are ruining our hospitals",
        "Immigrants are taking over the NHS",
        "Deport every illegal leeching off our NHS",
        "Asylum seekers sponging off the NHS again",
        "Send them all back on the next boat",
        "Gays shouldn't be allowed to give blood, they spread disease",
        "Muslims shouldn't work in the NHS",
        "Women shouldn't be surgeons",
        "Female surgeons are a liability.",
        "Jews control the pharmaceutical industry",
        "The GP is a thick mong",
        "Retarded receptionist couldn't book a simple appointment",
    ],
)
def test_groups_barred_blamed_or_slurred_are_tier_1(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.HARMFUL, text


@pytest.mark.parametrize(
    "text",
    [
        "Older people are a liability on the roads, my dad shouldn't be driving",
        "Young people are ruining their health with vapes",
        "Foreign nurses are keeping our hospitals running",
        "Women shouldn't be made to wait years for an endometriosis diagnosis",
        "Disabled people shouldn't have to live in poverty",
        "Pregnant women shouldn't work on covid wards",
        "Disabled staff should be allowed to work from home",
        "Jewish patients can request kosher meals",
        "Mosquitoes spread disease, so cover up abroad",
        "Nurses spread infection when they don't wash their hands",
        "We should deport foreign criminals who commit serious crimes",
        "Send them all back to the manufacturer, the masks are faulty",
        "Hong Kong's Mong Kok district has a clinic",
        "She's among those waiting for a new hip",
    ],
)
def test_talk_of_groups_work_and_disease_is_not_hate(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE, text


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Calpol causes asthma in kids, the NHS hides it", Tier.MISINFORMATION_OR_SPAM),
        ("Midazolam was used to kill old people in care homes in 2020", Tier.MISINFORMATION_OR_SPAM),
        ("They were killed with midazolam, wake up", Tier.MISINFORMATION_OR_SPAM),
        ("Does Calpol cause asthma?", Tier.LEAVE),
        ("Midazolam is used in end of life care to ease distress", Tier.LEAVE),
        ("Calpol is fine for kids with a fever", Tier.LEAVE),
        ("Apple cider vinegar won't cure diabetes, please don't bin your metformin", Tier.LEAVE),
        ("Never throw away your insulin without advice", Tier.LEAVE),
        ("Bin your metformin, cinnamon works better", Tier.MISINFORMATION_OR_SPAM),
    ],
)
def test_medicine_myths_and_the_right_advice_about_them(text: str, tier: Tier) -> None:
    assert ENGINE.classify(text).tier is tier, text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("I've taken 30 paracetamol and I'm scared", "safety.self_harm"),
        ("She's swallowed a whole packet of her sleeping pills", "safety.self_harm"),
        ("Everyone would be better off if I wasn't around", "safety.self_harm"),
        ("I can't cope anymore, I'm done with everything", "safety.self_harm"),
        ("My neighbour's kids are left alone all night and they look hungry", "safety.safeguarding"),
        ("The children next door always look starving", "safety.safeguarding"),
        ("There's a man with a knife in A&E waiting room right now", "safety.patient"),
        ("Someone is being attacked in the car park, send help", "safety.patient"),
    ],
)
def test_overdoses_neglect_and_violence_happening_now_are_urgent(text: str, rule: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.urgent and Route.SAFETY_RISK in verdict.routes, text
    assert rule in {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "I've taken 2 paracetamol and the headache is still there",
        "I've taken 20 years of abuse from this surgery",
        "My mum has taken 12 tablets a day for years, is that safe?",
        "I've taken loads of photos of the damp in the ward",
        "I'm done with everything this trust says",
        "I'm done with everything. Can someone just call me back about the referral.",
        "Everyone would be better off if the car park was free",
        "The kids are left alone in the play area while parents see the GP",
        "My kids look starving after school, any healthy snack ideas?",
        "There's a man with a knife sharpening stall at the market",
        "There's someone with a knife wound in bay 3 who's been waiting hours",
        "Someone is being attacked by ransomware on the NHS servers",
    ],
)
def test_doses_photos_snacks_and_stalls_are_not_escalated(text: str) -> None:
    assert not ENGINE.classify(text).urgent, text


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("Reporter from the Guardian here, please DM me re the maternity review", Route.MEDIA_REQUEST),
        ("How long should I wait after covid before getting my booster?", Route.MEDICAL_QUESTION),
        ("The reporter from the BBC got it completely wrong", None),
        ("Can I get the covid booster at my local chemist?", None),
        ("Black doctors are more likely to be referred to the GMC, that must change", None),
    ],
)
def test_reporters_introducing_themselves_and_vaccine_timing(text: str, route: Route | None) -> None:
    routes = ENGINE.classify(text).routes
    assert (route in routes) if route is not None else not routes, text


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Congratulations you've been selected for a free health check voucher", Tier.MISINFORMATION_OR_SPAM),
        ("Enter your bank details to claim it", Tier.MISINFORMATION_OR_SPAM),
        ("You've been selected for a follow-up scan, the letter says", Tier.LEAVE),
        ("You are owed an apology from the ward manager", Tier.LEAVE),
        ("Please enter your NHS number on the form", Tier.LEAVE),
    ],
)
def test_prize_and_bank_details_scams(text: str, tier: Tier) -> None:
    assert ENGINE.classify(text).tier is tier, text


def test_a_spelt_out_address_is_personal_data_not_a_link_to_a_site() -> None:
    """The mail host in "jane [at] gmail.com" is part of an address: no spam flag for a link."""
    for text in ("my email is jane.smith [at] gmail.com", "email me jane dot smith at gmail dot com"):
        verdict = ENGINE.classify(text)
        assert verdict.tier is Tier.LEAVE and Route.PERSONAL_DATA in verdict.routes, text
        assert not any(r.rule.startswith("spam.") for r in verdict.reasons), text


@pytest.mark.parametrize(
    "text",
    [
        "The HPV jab paralyses girls, don't let your daughter have it",
        "The flu jab is full of mercury",
        "The whooping cough vaccine for pregnant women is unsafe and untested",
        "Unvaccinated people are healthier, look at the data",
        "Measles parties are the natural way to build immunity",
        "Antidepressants are just a big pharma con, come off them",
        "Statins cause dementia, stop taking them",
        "Paracetamol in pregnancy causes autism",
        "Autism is caused by bad parenting",
        "The pill causes infertility forever",
        "Vaping is completely harmless, safer than fresh air",
        "Shaking babies calms them down",
        "You can't get pregnant on your period",
        "Antibiotics will sort out your cold",
        "Sunscreen is more dangerous than the sun",
        "Mask wearing causes bacterial pneumonia",
        "Hydrogen peroxide nebulising kills covid",
        "Spinal manipulation cures colic",
        "Type 2 diabetes can be reversed by drinking lemon water",
    ],
)
def test_myths_the_nhs_answers_on_its_own_pages_are_misinformation(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.MISINFORMATION_OR_SPAM, text
    assert "misinformation.health" in {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "The HPV jab doesn't paralyse anyone, it prevents cancer",
        "Is the HPV jab unsafe for girls with allergies?",
        "Does the pill cause infertility?",
        "The live vaccine is unsafe in pregnancy, so it's given after the baby is born",
        "The nurse said the vaccine is untested in children under 5 so they don't offer it",
        "The flu jab is not full of mercury",
        "Vaping is not harmless but it's far safer than smoking",
        "Vaping is completely harmless compared to smoking? Not quite",
        "Never shake a baby, it can cause brain damage",
        "You can get pregnant on your period",
        "Antibiotics will sort out your UTI usually",
        "Statins cause a small rise in diabetes risk",
        "Type 2 diabetes can be reversed by losing weight, my GP said",
        "Measles parties are dangerous, please vaccinate",
        "Unvaccinated children are at risk of measles",
        "Health officials caution against hydroxychloroquine to treat covid",
    ],
)
def test_the_facts_a_question_or_a_myth_denied_are_not_misinformation(text: str) -> None:
    assert "misinformation.health" not in {r.rule for r in ENGINE.classify(text).reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "I was cured of herpes by a herbal doctor, contact him on WhatsApp",
        "I recommend Dr Bello, he cured my diabetes with natural roots",
        "Thanks to Dr Ayo for curing my HIV, email him for his herbs",
        "My husband came back to me thanks to the spell caster",
        "Do you want to be a member of the illuminati?",
        "Buy sick notes online, no questions asked",
        "Fit notes for sale, 100% genuine, DM",
        "Get your driving licence without test, contact us",
        "Need a loan? Contact Mrs Sarah on WhatsApp",
        "I invested £500 with Mr James and got £5000 in a week",
        "Get paid £25 an hour to take surveys, link in bio",
        "Hello, I'm a US army doctor on a peace mission",
        "Hi dear, you look lovely, can we be friends?",
        "Check my profile for the diet that cured my arthritis",
        "I lost 3 stone with keto pills, ask me how",
    ],
)
def test_scams_that_follow_health_posts_are_spam(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.MISINFORMATION_OR_SPAM, text


@pytest.mark.parametrize(
    "text",
    [
        "Dr Khan cured my cancer, what a team at the Christie",
        "My eczema was cured by the dermatology team, I'd never have believed it",
        "I was cured of hepatitis C on the NHS, amazing drugs, contact your GP",
        "Herbal remedies can interact with your medication, tell your pharmacist",
        "Spell check your letters please, my name was wrong again",
        "You can get a fit note online through the NHS app",
        "Need a loan to pay for dental treatment now, it's a disgrace",
        "The hospital charity invested £5000 with the council in the new garden",
        "I lost 2 stone on the NHS weight programme, highly recommend",
        "Link in bio for the petition to save our A&E",
        "Hi dear, thank you for looking after my mum",
    ],
)
def test_thanks_for_a_cure_and_talk_of_notes_loans_and_petitions_are_left(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE, text


@pytest.mark.parametrize(
    "text",
    [
        "I know where you work",
        "I know where she works and what time she finishes",
        "You'll regret this, I know where the surgery is",
        "I'll be waiting for you in the car park after your shift",
        "Your family isn't safe",
        "Accidents happen to people like you",
        "Wait and see what happens to you",
        "Something bad is going to happen to you",
        "If my mum dies, you're all dead",
        "You're dead meat",
        "You're a dead man walking, doctor",
        "I'll make you pay",
        "I'll get you for this",
        "I'm going to smash the place up",
        "I'm going to kick off at reception tomorrow and someone will get hurt",
        "I'd love to see this hospital burn",
        "I hope someone throws acid in her face",
        "I'm going to come in and stab someone",
    ],
)
def test_intimidation_and_veiled_threats_are_urgent(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.tier is Tier.HARMFUL and verdict.urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "I know where you work, I've seen you at the Oak Lane surgery, you were lovely",
        "I know what time they finish, the clinic shuts at 6",
        "You'll regret it if you don't get the jab, I know where the clinic is if you need it",
        "I'll be waiting for you in the car park mum",
        "I'll be waiting for her after her shift to give her flowers, she saved my life",
        "Your family isn't safe if you smoke indoors",
        "Your kids aren't safe from measles without the MMR",
        "Something bad will happen to you if you ignore chest pain",
        "You're dead right about the waiting times",
        "If you eat that you're dead, it's got peanuts",
        "I'll make you pay for the parking if you're late",
        "I'll get you for this one, it's my round",
        "I'd love to see this hospital thrive",
        "I hope someone stabs the bottle with a straw",
        "I'm going to come in and see someone about my back",
        "Accidents happen, don't worry about it",
    ],
)
def test_warnings_jokes_and_kindness_are_not_threats(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert not verdict.urgent and verdict.tier is Tier.LEAVE, text


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("What's the dose of Calpol for a 2 year old?", Route.MEDICAL_QUESTION),
        ("Can you get the shingles jab if you've had shingles?", Route.MEDICAL_QUESTION),
        ("My mole has changed shape, do I need to see someone?", Route.MEDICAL_QUESTION),
        ("How do I know if my son has sepsis?", Route.MEDICAL_QUESTION),
        ("I've been having chest pains on and off, is that normal?", Route.MEDICAL_QUESTION),
        ("I've got a lump in my breast and I'm scared", Route.MEDICAL_QUESTION),
        ("Could my tiredness be my thyroid?", Route.MEDICAL_QUESTION),
        ("Please can someone tell me if I can take co-codamol with sertraline", Route.MEDICAL_QUESTION),
        ("I want to request all emails between the chief exec and NHS England", Route.FOI_REQUEST),
        ("How much did the ICB spend on the rebrand? I'd like the figures", Route.FOI_REQUEST),
        ("Please disclose the number of agency nurses used last year", Route.FOI_REQUEST),
        ("I'll see you in court", Route.COMPLAINT_OR_LEGAL),
        ("I'd like to speak to someone about a complaint, who do I contact?", Route.COMPLAINT_OR_LEGAL),
        ("I'm a student journalist, could someone answer some questions?", Route.MEDIA_REQUEST),
        ("Can I quote this post in my newspaper article?", Route.MEDIA_REQUEST),
    ],
)
def test_doses_symptoms_figures_court_and_student_journalists_are_routed(text: str, route: Route) -> None:
    assert route in ENGINE.classify(text).routes, text


@pytest.mark.parametrize(
    "text",
    [
        "What's the dose of reality the managers need? A big one",
        "Could this service be any worse?",
        "How do I know if my referral has been received?",
        "The pain of waiting 6 months for a scan, is that normal for the NHS now?",
        "12 hours in A&E, is that normal?",
        "There's a lump of concrete in the car park",
        "I have a lump in my throat reading this, thank you nurses",
        "Can you get the bus if you're going to the hospital?",
        "Do I need to see someone at reception to book?",
        "I'd like the figures to go up for staff pay",
        "Please confirm the number of my appointment, the letter was smudged",
        "I heard about a complaint on the radio about this trust",
        "My newspaper article about my mum's care was published, thank you to the ward",
        "I'll see you in court on Tuesday, I'm on jury service",
        "I'm a news junkie and this made the papers",
        "shoulda told her yeah if I can take you home",
    ],
)
def test_sarcasm_idioms_and_service_questions_are_not_routed(text: str) -> None:
    assert ENGINE.classify(text).routes == (), text


@pytest.mark.parametrize(
    "text",
    [
        "That nurse in the video is fit, I'd give her one",
        "The blonde receptionist can examine me any time ;)",
        "I'd love to get my hands on that midwife",
        "Nice tits on the one on the left",
        "Get your tits out for the lads",
        "Sit on my face nurse",
        "Send nudes",
        "I want to have sex with the paramedic",
        "Show us your legs love",
        "The female GP needs a good seeing to",
        "You'd be prettier if you lost weight, doctor",
        "What a slag, she's been with half the ward",
        "Make me a sandwich and get back to the kitchen",
        "Women doctors should stick to nursing",
        "Men can't be nurses, it's a woman's job",
        "She's too old and ugly to be on the posters",
        "The doctor should smile more, miserable cow",
        "Shut up you silly old cow",
    ],
)
def test_sexual_harassment_and_sexist_abuse_of_staff_are_tier_1(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.HARMFUL, text


@pytest.mark.parametrize(
    "text",
    [
        "I'd do the night shift if they paid more",
        "I'd love to get my hands on that report",
        "I'd do her job for a week and see how hard it is",
        "The car needs a good seeing to",
        "The nurse can check me any time I'm worried, she said",
        "The doctor can examine me any time if I'm worried, she said",
        "Nice legs on the new hospital chairs, very sturdy",
        "Show us your working, how did you get those figures?",
        "What a cow of a day, three hours on hold",
        "Men should be in the kitchen more, my husband cooks",
        "Women can't be nurses in some countries, so glad we're not like that",
        "She's too old to be waiting 14 hours on a trolley",
        "Sit on my knee, said my grandson, what a sweetheart",
        "The rude receptionist was having a bad day I suppose",
        "Stop playing that old trash game",
    ],
)
def test_chores_reports_chairs_and_idioms_are_not_harassment(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE, text


def test_harassment_reported_in_order_to_condemn_it_is_not_flagged() -> None:
    verdict = ENGINE.classify('A man shouted "nice tits" at the nurse in front of patients, disgusting')
    assert "abuse.sexual_harassment" not in {r.rule for r in verdict.reasons}


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("buy at cheapmeds dot com", Tier.MISINFORMATION_OR_SPAM),
        ("find us at ourshop dot com", Tier.MISINFORMATION_OR_SPAM),
        ("The dot com era is over", Tier.LEAVE),
        ("The first dot com boom", Tier.LEAVE),
    ],
)
def test_a_shop_spelt_out_stays_a_link_and_history_is_not_one(text: str, tier: Tier) -> None:
    """ "buy at X dot com" is a shop, not a person's address; "the dot com era" names no site."""
    verdict = ENGINE.classify(text)
    assert verdict.tier is tier, text
    assert Route.PERSONAL_DATA not in verdict.routes, text


@pytest.mark.parametrize(
    "text",
    [
        "My friend posted a goodbye message on Facebook and isn't answering",
        "She keeps talking about ending it",
        "I want to disappear forever",
        "Nobody would miss me if I was gone",
        "I've got nothing left to live for",
        "I'm going to walk into the sea",
        "My partner has locked himself in the bathroom with pills",
    ],
)
def test_risk_to_life_in_everyday_words_is_urgent(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.urgent and "safety.self_harm" in {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "Nobody would miss me if I was gone from the waiting list, they'd just give my slot away",
        "The retiring ward manager posted a goodbye message, not answering any more emails",
        "They keep talking about ending it, the walk-in centre contract I mean",
        "I've got nothing left to say to this trust",
        "I want to disappear forever from this phone queue",
        "The toddler locked himself in the bathroom with his toys",
        "We talked about ending the IVF after three rounds",
    ],
)
def test_queues_contracts_and_retirements_are_not_risk_to_life(text: str) -> None:
    assert not ENGINE.classify(text).urgent, text


@pytest.mark.parametrize(
    "text",
    [
        "Polish people are a pest on this country.",
        "Get that Muslim vermin out of our hospital.",
        "You're just gay filth, nothing more.",
        "Trans lives aren't worth shit.",
        "Immigrant lives are worthless.",
        "Swarms of migrants are infesting our towns.",
        "There is nothing worse than a Muslim doctor.",
        "Disgusted by all the immigrants in this waiting room.",
        "Muslims are the worst.",
        "Gay people in charge are a threat to civilisation.",
        "It's in a Muslim's nature to be uncivilised.",
        "Disabled people really are brainless without exception.",
        "Only Muslims can be that backward.",
        "My dog is cleverer than any immigrant.",
        "I care more about my cat than about disabled people.",
        "We are going to put an end to all Muslims.",
        "I want to end every immigrant's life.",
        "What if we just killed all the immigrants?",
        "How about we shoot every Muslim?",
        "Why don't we just gas the disabled?",
        "I wish all gay people would be shot.",
        "In a just world, immigrants like you would all be dead.",
        "If only trans people like you had their throats slit.",
        "Trans people like you do not deserve to live.",
        "Immigrants are not worthy of living among us.",
        "Human rights should not apply to Muslims.",
        "There is no place on this earth for any gay person like you.",
        "I find all Muslims disgusting.",
        "I think it's typical of women to be that stupid.",
        "Immigrants can go fuck themselves.",
        "All Muslims are such massive scumbags.",
        "Trans people are seriously fucked in the head.",
        "I've met plenty of Muslims and I hate every one of them.",
        "Some immigrants become nurses. They're still just common trash to me.",
        "Black people are human I suppose. They just behave like animals.",
        "Too many rapefugees in this town.",
    ],
)
def test_a_group_dehumanised_denied_its_worth_or_wished_dead_is_tier_1(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.HARMFUL, text


@pytest.mark.parametrize(
    "text",
    [
        "Raping a woman like you shouldn't be illegal.",
        "Killing disabled people shouldn't be a crime.",
    ],
)
def test_violence_said_to_be_no_crime_is_an_urgent_threat(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.urgent and "threat.violence" in {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "Pigeons are a pest on the hospital roof.",
        "Black mould is infesting the ward bathroom.",
        "Immigrants are the worst affected by these charges.",
        "Women are the absolute best midwives, thank you.",
        "There's nothing worse than a woman in labour being left alone.",
        "Disgusted by the way the disabled patients were treated.",
        "Disgusted by disabled people being turned away.",
        "Only women can be so strong through labour.",
        "It's in a midwife's nature to be caring.",
        "My dog is smarter than any doctor I've seen.",
        "We are going to put an end to the elderly care backlog.",
        "I want to end every child's suffering.",
        "What if we killed all the germs with a better cleaning rota?",
        "Why don't we just shoot the breeze after the meeting?",
        "I hope all Muslims get the support they need during Ramadan.",
        "I pray that all the immigrants on that boat were safe.",
        "In a just world, disabled people would all be properly cared for.",
        "If only black women were listened to.",
        "Disabled people do not deserve to be treated like this.",
        "Human rights should apply to all immigrants.",
        "There is no place for racism in the NHS.",
        "No room in the country for nurses to park, it's ridiculous.",
        "I find older people are often lonely after discharge.",
        "It's typical of women to be ignored in A&E.",
        "Immigrant nurses work so hard, I hate them being treated like this.",
        "I've met lots of gay people at the clinic and I love every one of them.",
        "The strike will cripple the NHS.",
        "Killing time in the waiting room, three hours now.",
    ],
)
def test_pests_mould_worst_affected_and_kind_wishes_are_not_hate(text: str) -> None:
    assert ENGINE.classify(text).tier is Tier.LEAVE, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Gay scum is what they shouted at my son, it's a hate crime and I've told the police.", False),
        ("Stupid cow was what he called the nurse.", False),
        ("You stupid cow, that's what I think of you, it is what I said.", True),
    ],
)
def test_abuse_reported_before_who_said_it_is_not_flagged(text: str, flagged: bool) -> None:
    """The words first, then who said them; not when the speaker owns them."""
    assert (ENGINE.classify(text).tier is Tier.HARMFUL) is flagged, text


@pytest.mark.parametrize(
    "text",
    [
        "I've seen your car, nice reg.",
        "Saw your car in the staff car park, nice reg number.",
        "You won't be safe walking home tonight.",
        "You'd better watch out, nurse.",
        "Lovely kids you have, it would be a shame if something happened to them.",
        "Nice house you've got on Mill Lane, shame if anything happened to it.",
        "I know what school your kids go to.",
    ],
)
def test_veiled_threats_to_staff_at_home_and_on_the_way_are_urgent(text: str) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.urgent and "threat.violence" in {r.rule for r in verdict.reasons}, text


@pytest.mark.parametrize(
    "text",
    [
        "You'd better watch out for the ice on the hospital steps.",
        "You'd better watch out for scam texts, love.",
        "You won't be safe to drive after the procedure.",
        "Mum won't be safe walking home from the ward on her own.",
        "I've seen your car park charges, a disgrace.",
        "Lovely nurses you've got, it would be a shame if something happened to the ward funding.",
        "It would be a shame if the clinic closed.",
        "I know what school the vaccination team is visiting next.",
    ],
)
def test_warnings_about_ice_driving_and_closures_are_not_threats(text: str) -> None:
    assert not ENGINE.classify(text).urgent, text


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("She only got the job because she's pretty.", True),
        ("He only got the job because he's black.", True),
        ("That receptionist only got hired because she's a woman.", True),
        ("She only got the job because she's the best qualified.", False),
        ("He only got promoted because he's worked here 20 years.", False),
    ],
)
def test_a_post_said_to_be_won_by_looks_sex_or_race_is_tier_1(text: str, flagged: bool) -> None:
    assert (ENGINE.classify(text).tier is Tier.HARMFUL) is flagged, text


@pytest.mark.parametrize(
    ("text", "routed"),
    [
        ("I've had a headache for a week, what could it be?", True),
        ("My son has had a rash since Monday, should we be worried?", True),
        ("She's had a cough for three weeks now, any ideas?", True),
        (
            "I've had a pain in the neck of a manager for years, what could it be like to have a good one?",
            False,
        ),
        ("I've had enough of this trust, what should I do?", False),
    ],
)
def test_a_lasting_symptom_asked_about_is_a_medical_question(text: str, routed: bool) -> None:
    assert (Route.MEDICAL_QUESTION in ENGINE.classify(text).routes) is routed, text


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Trans people should be burned at the stake.", Tier.HARMFUL),
        ("I wish all immigrants were set on fire.", Tier.HARMFUL),
        ("The old records should be burned.", Tier.LEAVE),
        ("Patients were burnt by the faulty heater.", Tier.LEAVE),
        ("Covid symptoms are caused by 5G.", Tier.MISINFORMATION_OR_SPAM),
        ("5G masts spread the virus.", Tier.MISINFORMATION_OR_SPAM),
        ("Does 5G spread covid?", Tier.LEAVE),
        ("Pictures of empty hospitals prove the pandemic is a fake crisis.", Tier.MISINFORMATION_OR_SPAM),
        ("The new wing stood as an empty hospital for a year, what a waste.", Tier.LEAVE),
        ("Steam inhalation kills the coronavirus.", Tier.MISINFORMATION_OR_SPAM),
        ("Tonic water protects you from covid.", Tier.MISINFORMATION_OR_SPAM),
        ("Steam inhalation helps with a blocked nose.", Tier.LEAVE),
    ],
)
def test_burning_wished_on_a_group_and_5g_empty_wards_and_steam_myths(text: str, tier: Tier) -> None:
    assert ENGINE.classify(text).tier is tier, text


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Elderly patients left on trolleys all night, they are a disgrace at that hospital.", Tier.LEAVE),
        ("Disabled patients waited six hours and the managers, they are pathetic.", Tier.LEAVE),
        ("Muslim patients weren't given halal food, honestly they are a disgrace.", Tier.LEAVE),
        ("Muslims? They are disgusting.", Tier.HARMFUL),
        ("Immigrants come here and they are a disgrace.", Tier.HARMFUL),
        ("Some immigrants become nurses. They're still just common trash to me.", Tier.HARMFUL),
    ],
)
def test_they_after_a_group_that_was_failed_is_whoever_failed_them(text: str, tier: Tier) -> None:
    """Words also said of a trust count against a group only if nothing else "they" could be
    comes between; dehumanising words count whatever comes between."""
    assert ENGINE.classify(text).tier is tier, text


@pytest.mark.parametrize(
    ("text", "urgent"),
    [
        ("Disabled people were left without care, the managers who did it should die.", True),
        ("Black women are ignored in maternity and the managers who let it happen should rot.", True),
        ("Elderly patients are left to die on trolleys, the government might as well shoot them.", False),
        ("The board should die of shame.", False),
        ("Staff should hang up the phone if callers are abusive.", False),
        ("The managers should be sacked.", False),
    ],
)
def test_death_wished_on_whoever_is_blamed_is_urgent_and_sarcasm_about_a_group_failed_is_not_hate(
    text: str, urgent: bool
) -> None:
    verdict = ENGINE.classify(text)
    assert verdict.urgent is urgent, text
    assert "hate.generalisation" not in {r.rule for r in verdict.reasons}, text
