"""Hand annotation of the bundled "us-mexico-2023" transcript: claims and relations.

This file is the reviewable source of the ``claims`` and ``relations`` shipped in
``src/debatekit/data/us-mexico-2023/transcript.json``. Edit it, then run
``python tools/annotate_us_mexico.py`` to regenerate the JSON (the test suite checks
that the two agree). The rules applied are in ``docs/annotation-guidelines.md``.

Each :func:`claim` quotes its span exactly as it stands in the turn; the generator
finds the quote in the turn's text and fails if it is absent or occurs more than once
(pass ``occurrence``, counted from 1, to pick one). Claim ids are ``c<turn number>.<mnemonic>``.
Each :func:`rel` reads "``source`` *kind* ``target``".
"""

from __future__ import annotations

from typing import TypedDict


class ClaimSpec(TypedDict):
    """One claim as annotated: where it is and what it says."""

    id: str
    turn_id: str
    quote: str
    kind: str
    topics: tuple[str, ...]
    proposition: str
    stance: str | None
    stance_on: str | None
    note: str | None
    occurrence: int | None


class RelationSpec(TypedDict):
    """One relation as annotated: ``source`` *kind* ``target``."""

    kind: str
    source: str
    target: str
    note: str | None


CLAIMS: list[ClaimSpec] = []
RELATIONS: list[RelationSpec] = []


def claim(
    turn_id: str,
    id_: str,
    quote: str,
    kind: str,
    topics: str,
    proposition: str,
    *,
    stance: str | None = None,
    on: str | None = None,
    note: str | None = None,
    occurrence: int | None = None,
) -> None:
    """Add a claim; ``topics`` is space-separated, ``on`` names what ``stance`` is about."""
    CLAIMS.append(
        {
            "id": id_,
            "turn_id": turn_id,
            "quote": quote,
            "kind": kind,
            "topics": tuple(topics.split()),
            "proposition": proposition,
            "stance": stance,
            "stance_on": on,
            "note": note,
            "occurrence": occurrence,
        }
    )


def rel(kind: str, source: str, target: str, note: str | None = None) -> None:
    """Add a relation: ``source`` *kind* ``target``."""
    RELATIONS.append({"kind": kind, "source": source, "target": target, "note": note})


MILITARY = "U.S. military action against the cartels in Mexico"
FTO = "designating Mexican cartels as foreign terrorist organizations"
INTEGRATION = "deeper U.S.-Mexico economic integration"
PRIORITY = "putting less priority on migration in U.S. policy toward Mexico"
INVESTMENT = "Chinese investment in Mexico"

# ---------------------------------------------------------------------------------
# u1 Tino Cuéllar (introduction)
# ---------------------------------------------------------------------------------
T = "u1"
claim(
    T,
    "c1.outsized",
    "Mexico and the United States are both enormous and intricate countries with outsized "
    "stories and importance beyond their own borders",
    "claim",
    "bilateral-relations",
    "Mexico and the United States are both enormous and intricate countries whose stories and "
    "importance reach far beyond their own borders.",
)
claim(
    T,
    "c1.us-pillar",
    "The United States is a major pillar of what was once often referred to as the rules-based "
    "international order, and its massive economic and cultural influence are felt in nearly "
    "every corner of the world",
    "premise",
    "bilateral-relations",
    "The United States is a major pillar of the rules-based international order, and its "
    "economic and cultural influence is felt in nearly every corner of the world.",
)
claim(
    T,
    "c1.mexico-looms",
    "there’s Mexico, which looms large in a Latin American region of nearly 700 million people "
    "and has in myriad ways been a major part of the story of the United States itself",
    "premise",
    "bilateral-relations",
    "Mexico looms large in a Latin American region of nearly 700 million people and has in "
    "many ways been a major part of the story of the United States.",
)
claim(
    T,
    "c1.important",
    "The relationship with Mexico is among America’s most important",
    "claim",
    "bilateral-relations",
    "The relationship with Mexico is among the most important relationships of the United States.",
)
claim(
    T,
    "c1.narrowed",
    "the global shocks of recent years from the coronavirus pandemic to the war in Ukraine to "
    "the ongoing Middle East crisis have turned attentions elsewhere and narrowed the public "
    "conversations on this relationship to challenges at their nearly 2,000-mile-long border "
    "all too often",
    "claim",
    "bilateral-relations migration",
    "Recent global shocks (the coronavirus pandemic, the war in Ukraine, the Middle East "
    "crisis) have turned U.S. attention elsewhere and too often narrowed public conversation "
    "about the U.S.-Mexico relationship to challenges at the border.",
)
claim(
    T,
    "c1.border-challenges",
    "the two countries faced significant shared challenges at the border, including irregular "
    "migration, trafficking, and organized crime",
    "concession",
    "migration drugs rule-of-law",
    "The United States and Mexico face significant shared challenges at their border, "
    "including irregular migration, trafficking and organized crime.",
)
claim(
    T,
    "c1.interconnected",
    "there’s also a story of interconnectedness",
    "claim",
    "bilateral-relations",
    "The U.S.-Mexico relationship is also a story of interconnectedness, not only of border "
    "problems.",
)
claim(
    T,
    "c1.commuters",
    "In states like California and Texas, hundreds of thousands of people commute across the "
    "border each day to work, to attend school, to visit family members, to take part in daily "
    "life",
    "evidence",
    "bilateral-relations",
    "In states such as California and Texas, hundreds of thousands of people cross the "
    "U.S.-Mexico border every day to work, attend school, visit family and take part in daily "
    "life.",
)
claim(
    T,
    "c1.top-partner",
    "Earlier this year, Mexico became America’s largest trading partner, surpassing China",
    "evidence",
    "trade china",
    "In 2023 Mexico overtook China as the largest trading partner of the United States.",
)
claim(
    T,
    "c1.trade-share",
    "Bilateral trade during the first four months of 2023 represented over 15 percent of all "
    "the goods exported and imported by the United States",
    "evidence",
    "trade",
    "U.S.-Mexico trade in the first four months of 2023 was over 15 percent of all goods the "
    "United States exported and imported.",
)
claim(
    T,
    "c1.nearshoring",
    "Mexico is a site for American companies to invest, for global firms to move production, as "
    "part of a growing trend toward nearshoring",
    "claim",
    "trade",
    "Mexico is a destination for American companies' investment and for global firms moving "
    "production, as part of a growing trend toward nearshoring.",
)
claim(
    T,
    "c1.400-companies",
    "Mexico’s economy minister said that some 400 companies were interested in relocating "
    "facilities from Asia to Mexico",
    "evidence",
    "trade",
    "According to Mexico's economy minister, some 400 companies were interested in relocating "
    "facilities from Asia to Mexico.",
)
claim(
    T,
    "c1.beyond-border",
    "Nor can we ignore the shared challenges these countries face in a broad range of areas "
    "well beyond the border",
    "claim",
    "bilateral-relations",
    "The United States and Mexico share challenges in a broad range of areas well beyond the "
    "border, and these cannot be ignored.",
)
claim(
    T,
    "c1.climate",
    "The climate crisis and extreme weather were affecting agricultural productivity, "
    "livelihoods, and coastlines in both countries",
    "evidence",
    "climate",
    "The climate crisis and extreme weather are affecting agricultural productivity, "
    "livelihoods and coastlines in both the United States and Mexico.",
)
claim(
    T,
    "c1.inflation",
    "Global shocks have had serious effects on the cost of living in both countries, and "
    "there’s an urgent need to control inflation",
    "premise",
    "economy",
    "Global shocks have seriously raised the cost of living in both countries, and both "
    "urgently need to control inflation.",
)
claim(
    T,
    "c1.democracy",
    "both countries face serious domestic challenges in their democracies",
    "premise",
    "democracy",
    "Both the United States and Mexico face serious domestic challenges to their democracies.",
)
claim(
    T,
    "c1.strategic",
    "today’s conversation about a more strategic approach to the U.S.-Mexico relationship is "
    "particularly important",
    "claim",
    "bilateral-relations",
    "A conversation about a more strategic U.S. approach to the U.S.-Mexico relationship is "
    "particularly important now.",
)
rel("supports", "c1.us-pillar", "c1.outsized")
rel("supports", "c1.mexico-looms", "c1.outsized")
rel("supports", "c1.outsized", "c1.important")
rel("attacks", "c1.border-challenges", "c1.narrowed", "concession: the border problems are real")
rel("supports", "c1.interconnected", "c1.narrowed")
rel("supports", "c1.commuters", "c1.interconnected")
rel("supports", "c1.top-partner", "c1.important")
rel("supports", "c1.trade-share", "c1.important")
rel("supports", "c1.nearshoring", "c1.important")
rel("supports", "c1.400-companies", "c1.nearshoring")
rel("supports", "c1.climate", "c1.beyond-border")
rel("supports", "c1.inflation", "c1.beyond-border")
rel("supports", "c1.democracy", "c1.beyond-border")
rel("supports", "c1.important", "c1.strategic", "“For all these reasons”")
rel("supports", "c1.narrowed", "c1.strategic")
rel("supports", "c1.beyond-border", "c1.strategic")

# ---------------------------------------------------------------------------------
# u2 Christopher S. Chivvis (moderator)
# ---------------------------------------------------------------------------------
T = "u2"
claim(
    T,
    "c2.too-focused",
    "with the implicit view that U.S. policy toward Mexico is too focused on migration",
    "reported",
    "migration bilateral-relations",
    "Felbab-Brown's recent articles imply that U.S. policy toward Mexico is too focused on "
    "migration.",
)
claim(
    T,
    "c2.not-unimportant",
    "Not that it’s not important",
    "concession",
    "migration",
    "In Felbab-Brown's view, migration is nonetheless important.",
)
claim(
    T,
    "c2.debilitated",
    "the way that the United States has approached Mexico has debilitated its capacity to "
    "address issues such as drug trafficking and fentanyl",
    "reported",
    "migration drugs bilateral-relations",
    "In Felbab-Brown's view, the migration-focused way the United States has approached Mexico "
    "has weakened the United States' capacity to address drug trafficking and fentanyl.",
)
claim(
    T,
    "c2.q-priority",
    "Would you put less priority on migration than most people in the United States do right now?",
    "question",
    "migration",
    "Would Felbab-Brown give migration less priority than most people in the United States "
    "currently do?",
)
rel("supports", "c2.debilitated", "c2.too-focused")
rel("attacks", "c2.not-unimportant", "c2.too-focused", "concession inside the reported view")

# ---------------------------------------------------------------------------------
# u3 Vanda Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u3"
claim(
    T,
    "c3.important",
    "Migration is important to very many people",
    "concession",
    "migration",
    "Migration is an important issue to very many people in the United States.",
)
claim(
    T,
    "c3.not-downgrade",
    "the issue is not to downgrade it",
    "claim",
    "migration",
    "U.S. policy should not downgrade migration as an issue.",
    stance="con",
    on=PRIORITY,
)
claim(
    T,
    "c3.separate",
    "not to sacrifice other national interests and to be able to separate it from other issues "
    "where we need to have tough conversations with the Mexican government",
    "proposal",
    "migration bilateral-relations",
    "The United States should not sacrifice its other national interests to migration and "
    "should separate migration from the other issues on which it needs tough conversations "
    "with the Mexican government.",
)
claim(
    T,
    "c3.deflect",
    "what has happened since President Donald Trump’s administration is that successive Mexican "
    "governments, especially the current government, have learned that as long as they control "
    "the migration spigot and cooperate with the United States, but also allow migration flows "
    "to take place, they can deflect pressure from other issues such as cooperation on fentanyl, "
    "the collapse of rule of law in Mexico, and the way the criminal groups are really taking "
    "over the country",
    "premise",
    "migration drugs rule-of-law bilateral-relations",
    "Since the Trump administration, successive Mexican governments, especially the López "
    "Obrador government, have learned that by controlling migration flows in cooperation with "
    "the United States they can deflect U.S. pressure on fentanyl cooperation, the collapse of "
    "the rule of law in Mexico and criminal groups taking over the country.",
)
claim(
    T,
    "c3.velvet-gloves",
    "All of that is handled with velvet gloves because the migration issue so dominates the agenda",
    "premise",
    "migration drugs rule-of-law bilateral-relations",
    "The United States handles fentanyl, the rule of law and criminal groups in Mexico with "
    "velvet gloves because migration dominates the bilateral agenda.",
)
claim(
    T,
    "c3.straitjacket",
    "Essentially, it puts the United States in a straitjacket",
    "claim",
    "migration bilateral-relations",
    "The dominance of migration on the agenda puts the United States in a straitjacket in its "
    "dealings with Mexico.",
)
claim(
    T,
    "c3.reform",
    "What I would really love to see is a robust migration reform at home that will allow the "
    "United States to have regularized flows of migrants so that it is not in this bind",
    "proposal",
    "migration",
    "The United States should pass a robust domestic migration reform that allows regularized "
    "flows of migrants, so that it is no longer in this bind with Mexico.",
    stance="pro",
    on="U.S. migration reform",
)
rel("supports", "c3.important", "c3.not-downgrade")
rel("attacks", "c3.important", "c3.separate", "concession: migration does matter to voters")
rel("supports", "c3.deflect", "c3.velvet-gloves")
rel("supports", "c3.velvet-gloves", "c3.straitjacket")
rel("supports", "c3.straitjacket", "c3.separate")
rel("supports", "c3.straitjacket", "c3.reform")
rel("supports", "c3.reform", "c3.separate", "reform at home is what makes the separation possible")
rel("answers", "u3", "c2.q-priority")
rel(
    "agrees",
    "c3.deflect",
    "c2.debilitated",
    "confirms the view Chivvis attributes to her: the migration focus costs leverage on fentanyl",
)
rel(
    "disagrees",
    "c3.not-downgrade",
    "c2.q-priority",
    "rejects the question's premise that the alternative is giving migration less priority",
)
rel("agrees", "c3.velvet-gloves", "c1.narrowed", "both: the border/migration crowds out the rest")
rel(
    "agrees", "c3.important", "c2.not-unimportant", "she confirms the caveat Chivvis voices for her"
)

# ---------------------------------------------------------------------------------
# u4 Chivvis
# ---------------------------------------------------------------------------------
claim(
    "u4",
    "c4.q-interests",
    "How do you think about U.S. interests in Mexico, Shannon?",
    "question",
    "national-security bilateral-relations",
    "How does O'Neil think about U.S. interests in Mexico?",
)

# ---------------------------------------------------------------------------------
# u5 Shannon O'Neil
# ---------------------------------------------------------------------------------
T = "u5"
claim(
    T,
    "c5.supply-chains",
    "I look at U.S. national security policy and its evolution in recent years, particularly "
    "the growing concern with the economy in national security and securing critical supply "
    "chains, whether it’s semiconductors, large-capacity batteries, electric vehicle batteries, "
    "critical minerals, or pharmaceuticals",
    "premise",
    "national-security trade",
    "U.S. national security policy has evolved in recent years toward a growing concern with "
    "the economy and with securing critical supply chains (semiconductors, batteries, critical "
    "minerals, pharmaceuticals).",
)
claim(
    T,
    "c5.most-viable",
    "As the United States looks around the world, Mexico provides the most viable commercial "
    "solution to those challenges",
    "claim",
    "trade national-security",
    "Of all countries, Mexico offers the United States the most viable commercial solution to "
    "its supply-chain security challenges.",
    stance="pro",
    on=INTEGRATION,
)
claim(
    T,
    "c5.rq-access",
    "How do you secure access to medicines, technologies, critical minerals?",
    "rhetorical-question",
    "trade national-security",
    "The United States needs a way to secure access to medicines, technologies and critical "
    "minerals.",
)
claim(
    T,
    "c5.big-part",
    "Mexico is a big part of that solution",
    "claim",
    "trade national-security",
    "Mexico is a big part of the solution to securing U.S. access to medicines, technologies "
    "and critical minerals.",
)
claim(
    T,
    "c5.drug-issue",
    "There’s the drug issue",
    "concession",
    "drugs",
    "Drug trafficking from Mexico is a problem for the United States.",
)
claim(
    T,
    "c5.safer-mexico",
    "a safer and more economically vibrant Mexico is incredibly important for U.S. national "
    "security",
    "claim",
    "national-security bilateral-relations",
    "A safer and more economically vibrant Mexico is incredibly important for U.S. national "
    "security.",
)
claim(
    T,
    "c5.reverberates",
    "it reverberates into the United States across all of these dimensions",
    "premise",
    "national-security bilateral-relations",
    "Mexico's security and economic conditions reverberate into the United States across all "
    "these dimensions.",
)
rel("supports", "c5.supply-chains", "c5.most-viable")
rel("rephrases", "c5.big-part", "c5.most-viable")
rel("answers", "c5.big-part", "c5.rq-access", "she answers her own rhetorical question")
rel("attacks", "c5.drug-issue", "c5.big-part", "concession: Mexico is also seen as a problem")
rel("supports", "c5.reverberates", "c5.safer-mexico")
rel("answers", "u5", "c4.q-interests")
rel("agrees", "c5.most-viable", "c1.nearshoring")

# ---------------------------------------------------------------------------------
# u6 Chivvis
# ---------------------------------------------------------------------------------
claim(
    "u6",
    "c6.q-deeper",
    "How do you see the promise of an even deeper economic relationship with Mexico?",
    "question",
    "trade",
    "How does Felbab-Brown see the promise of an even deeper U.S. economic relationship with "
    "Mexico?",
)

# ---------------------------------------------------------------------------------
# u7 Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u7"
claim(
    T,
    "c7.nearshoring",
    "We are already seeing deglobalization and the movement to nearshoring or friendshoring, "
    "which accounts for the fact that Mexico is now the number one U.S. trading partner",
    "concession",
    "trade",
    "Deglobalization and the move to nearshoring or friendshoring are already under way, and "
    "they explain why Mexico is now the largest U.S. trading partner.",
)
claim(
    T,
    "c7.collapsed-rol",
    "Mexico also suffers from enormous challenges—the most significant and fundamental one is "
    "the collapsed rule of law",
    "claim",
    "rule-of-law",
    "Mexico suffers from enormous challenges, the most significant and fundamental of which is "
    "the collapse of the rule of law.",
)
claim(
    T,
    "c7.daily-presence",
    "Criminal groups have a daily presence and impact on the lives of many Mexicans",
    "evidence",
    "rule-of-law",
    "Criminal groups are present in, and affect, the daily lives of many Mexicans.",
)
claim(
    T,
    "c7.territory",
    "They are essentially ruling larger and larger parts of Mexican territory",
    "evidence",
    "rule-of-law",
    "Mexican criminal groups are in effect ruling larger and larger parts of Mexico's territory.",
)
claim(
    T,
    "c7.elections",
    "They are deeply implicated in manipulating elections",
    "evidence",
    "rule-of-law democracy",
    "Mexican criminal groups are deeply implicated in manipulating Mexican elections.",
)
claim(
    T,
    "c7.legal-economies",
    "They are taking over legal economies in Mexico",
    "claim",
    "rule-of-law trade",
    "Mexican criminal groups are taking over legal economies in Mexico.",
)
claim(
    T,
    "c7.avocado",
    "It’s kind of notorious that if you buy an avocado in the United States from Mexico, you "
    "have paid money to a cartel",
    "evidence",
    "rule-of-law trade",
    "Buying a Mexican avocado in the United States notoriously means paying money to a cartel.",
)
claim(
    T,
    "c7.corn-citrus",
    "You can extend that to corn and citrus too",
    "evidence",
    "rule-of-law trade",
    "Buying Mexican corn and citrus likewise means paying money to cartels.",
)
claim(
    T,
    "c7.water",
    "Water distribution to Mexican citizens is deeply penetrated by Mexican criminal groups",
    "evidence",
    "rule-of-law",
    "Mexican criminal groups have deeply penetrated the distribution of water to Mexican citizens.",
)
claim(
    T,
    "c7.state-domains",
    "very many domains of what the state should be in charge of are, at minimum, interfered "
    "with and sometimes outright controlled by vicious criminal groups",
    "claim",
    "rule-of-law",
    "In Mexico, very many domains the state should be in charge of are at least interfered "
    "with, and sometimes outright controlled, by vicious criminal groups.",
)
claim(
    T,
    "c7.requires-rol",
    "For the two countries to deeply integrate economically requires rule of law in Mexico, and "
    "we have the opposite of it",
    "claim",
    "trade rule-of-law",
    "Deep economic integration of the United States and Mexico requires the rule of law in "
    "Mexico, and Mexico currently has the opposite of it.",
    stance="con",
    on=INTEGRATION,
)
rel(
    "attacks",
    "c7.nearshoring",
    "c7.requires-rol",
    "concession: nearshoring is real and has made Mexico the top trading partner",
)
rel("supports", "c7.collapsed-rol", "c7.requires-rol")
rel("supports", "c7.daily-presence", "c7.collapsed-rol")
rel("supports", "c7.territory", "c7.state-domains")
rel("supports", "c7.elections", "c7.state-domains")
rel("supports", "c7.legal-economies", "c7.state-domains")
rel("supports", "c7.avocado", "c7.legal-economies")
rel("supports", "c7.corn-citrus", "c7.legal-economies")
rel("supports", "c7.water", "c7.state-domains")
rel("supports", "c7.state-domains", "c7.collapsed-rol")
rel("answers", "u7", "c6.q-deeper")
rel("agrees", "c7.nearshoring", "c1.top-partner")
rel(
    "disagrees",
    "c7.requires-rol",
    "c5.most-viable",
    "partial: without the rule of law Mexico is not yet the solution O'Neil describes",
)

# ---------------------------------------------------------------------------------
# u8 Chivvis
# ---------------------------------------------------------------------------------
claim(
    "u8",
    "c8.q-that",
    "Shannon, what do you think about that?",
    "question",
    "trade rule-of-law",
    "What does O'Neil think of Felbab-Brown's view that the collapsed rule of law in Mexico "
    "stands in the way of deeper economic integration?",
)

# ---------------------------------------------------------------------------------
# u9 O'Neil
# ---------------------------------------------------------------------------------
T = "u9"
claim(
    T,
    "c9.rol-huge",
    "The rule of law is a huge issue, especially as you move down these supply chains",
    "claim",
    "rule-of-law trade",
    "The lack of rule of law in Mexico is a huge issue for nearshoring, especially further "
    "down the supply chains.",
)
claim(
    T,
    "c9.multinationals",
    "The big multinationals can pay for security or get the attention of the governors and the "
    "like in order to deal with some of the challenges they face",
    "premise",
    "rule-of-law trade security-policy",
    "Big multinationals in Mexico can pay for security or get the attention of governors and "
    "other officials to deal with some of their challenges.",
)
claim(
    T,
    "c9.suppliers",
    "the suppliers that are often smaller, down the tiers of the supply chain, often have "
    "significant challenges",
    "premise",
    "rule-of-law trade",
    "Smaller suppliers further down the tiers of the supply chain often face significant "
    "security challenges in Mexico.",
)
claim(
    T,
    "c9.energy",
    "Another challenge is access to energy, particularly clean energy",
    "claim",
    "energy trade",
    "Access to energy, particularly clean energy, is another challenge for nearshoring to Mexico.",
)
claim(
    T,
    "c9.climate-promises",
    "Many of these companies have made climate promises, and not having access to clean energy "
    "in manufacturing might be a no-go for shareholders",
    "premise",
    "energy climate trade",
    "Many companies considering Mexico have made climate promises, so lack of access to clean "
    "energy for manufacturing there might be a no-go for their shareholders.",
)
claim(
    T,
    "c9.infrastructure",
    "There are also infrastructure challenges in Mexico",
    "claim",
    "infrastructure trade",
    "Mexico also has infrastructure challenges for nearshoring.",
)
claim(
    T,
    "c9.underinvested",
    "It hasn’t invested in the kinds of infrastructure that would really allow the "
    "manufacturing boom you’re seeing in some other places, particularly in Asia",
    "evidence",
    "infrastructure trade",
    "Mexico has not invested in the kinds of infrastructure that would allow a manufacturing "
    "boom like those seen elsewhere, particularly in Asia.",
)
rel("supports", "c9.multinationals", "c9.rol-huge", "by contrast with the smaller suppliers")
rel("supports", "c9.suppliers", "c9.rol-huge")
rel("supports", "c9.climate-promises", "c9.energy")
rel("supports", "c9.underinvested", "c9.infrastructure")
rel("answers", "u9", "c8.q-that")
rel("agrees", "c9.rol-huge", "c7.collapsed-rol")

# ---------------------------------------------------------------------------------
# u10 Chivvis
# ---------------------------------------------------------------------------------
T = "u10"
claim(
    T,
    "c10.aumf",
    "Some members of the U.S. Congress have discussed the possibility of an authorization for "
    "the use of military force against the cartels",
    "background",
    "military-action",
    "Some members of the U.S. Congress have discussed authorizing the use of U.S. military "
    "force against the Mexican cartels.",
)
claim(
    T,
    "c10.fto",
    "There’s been talk about designating them as foreign terrorist organizations",
    "background",
    "security-policy rule-of-law",
    "There has been talk in the United States of designating the Mexican cartels as foreign "
    "terrorist organizations.",
)
claim(
    T,
    "c10.q-pros-cons",
    "What do you think are the pros and cons of that kind of an approach to Mexico?",
    "question",
    "military-action security-policy",
    "What are the pros and cons of military force against the cartels, or of designating them "
    "as foreign terrorist organizations?",
)

# ---------------------------------------------------------------------------------
# u11 Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u11"
claim(
    T,
    "c11.no-pros",
    "I think there really are no significant pros to military action into Mexico",
    "claim",
    "military-action",
    "U.S. military action in Mexico has no significant advantages.",
    stance="con",
    on=MILITARY,
)
claim(
    T,
    "c11.targets",
    "whether this would be the use of drones, for example, or special operations forces, one can "
    "imagine a set of targets",
    "concession",
    "military-action",
    "With drones or special operations forces, the United States could find a set of targets "
    "in Mexico.",
)
claim(
    T,
    "c11.limited",
    "they will be very limited in what they can actually accomplish",
    "premise",
    "military-action",
    "U.S. strikes with drones or special operations forces in Mexico would accomplish very little.",
    stance="con",
    on=MILITARY,
)
claim(
    T,
    "c11.lab",
    "They will be able to take down a lab or a certain amount of cartel members—none of which "
    "really have a significant impact",
    "premise",
    "military-action drugs",
    "U.S. strikes could take down a drug lab or a number of cartel members, none of which "
    "would have a significant impact.",
)
claim(
    T,
    "c11.sovereignty",
    "What we need is for Mexico to find the will to start taking back its sovereignty",
    "proposal",
    "rule-of-law",
    "Mexico needs to find the will to start taking back its sovereignty from the criminal groups.",
)
claim(
    T,
    "c11.gringos",
    "Mexico is often complaining about the imperialist gringos undermining its sovereignty",
    "reported",
    "bilateral-relations",
    "The Mexican government often complains that the United States (“imperialist gringos”) "
    "undermines Mexico's sovereignty.",
)
claim(
    T,
    "c11.taken-away",
    "the reality is that the criminal groups have taken Mexican sovereignty away from the "
    "Mexican people",
    "claim",
    "rule-of-law",
    "In reality it is the criminal groups, not the United States, that have taken Mexican "
    "sovereignty away from the Mexican people.",
)
claim(
    T,
    "c11.realize",
    "The Mexican people and government need to realize that for their own reasons they need to "
    "be moving against the cartels",
    "proposal",
    "rule-of-law",
    "The Mexican people and government need to recognize that they must move against the "
    "cartels for their own reasons.",
)
claim(
    T,
    "c11.not-set-off",
    "this is not what’s going to be set off by any kind of U.S. military action into Mexico",
    "claim",
    "military-action rule-of-law",
    "No kind of U.S. military action in Mexico will prompt the Mexican people and government "
    "to move against the cartels.",
    stance="con",
    on=MILITARY,
)
claim(
    T,
    "c11.worsened",
    "that agenda, in my view would, be worsened",
    "claim",
    "military-action rule-of-law",
    "U.S. military action in Mexico would set back the agenda of Mexico moving against the "
    "cartels.",
    stance="con",
    on=MILITARY,
    note="the comma after “would” is in the source",
)
claim(
    T,
    "c11.frustrated",
    "There are Mexican law enforcement officials, military officials, and people who are "
    "enormously frustrated by how the cartels are undermining their lives",
    "evidence",
    "rule-of-law security-policy",
    "Some Mexican law enforcement officials, military officials and citizens are enormously "
    "frustrated by how the cartels undermine their lives.",
)
claim(
    T,
    "c11.want-cooperation",
    "They would like to see far more robust cooperation, and they would like to see far "
    "smarter security policies in Mexico",
    "evidence",
    "security-policy bilateral-relations",
    "These frustrated Mexican officials and citizens want far more robust cooperation with the "
    "United States and far smarter security policies in Mexico.",
)
claim(
    T,
    "c11.hampered",
    "even those voices would be hampered in the ability to embrace cooperating with the United "
    "States if we had U.S. military action",
    "claim",
    "military-action security-policy bilateral-relations",
    "U.S. military action in Mexico would make it harder even for these pro-cooperation "
    "Mexicans to embrace cooperation with the United States.",
    stance="con",
    on=MILITARY,
)
claim(
    T,
    "c11.fto-complex",
    "The issue of designating criminal groups as foreign terrorist entities is a more complex one",
    "claim",
    "security-policy rule-of-law",
    "Designating Mexican criminal groups as foreign terrorist organizations is a more complex "
    "question than military action.",
)
claim(
    T,
    "c11.explosive",
    "The negative is this is enormously politically explosive in Mexico, and we would likely "
    "see some retaliation of Mexican policy",
    "premise",
    "security-policy bilateral-relations",
    "A terrorist designation of Mexican criminal groups would be enormously politically "
    "explosive in Mexico and would likely provoke some retaliation in Mexican policy.",
    stance="con",
    on=FTO,
)
claim(
    T,
    "c11.downside",
    "The big downside would be the economic implications",
    "claim",
    "security-policy trade",
    "The biggest downside of a terrorist designation of Mexican criminal groups would be its "
    "economic implications.",
    stance="con",
    on=FTO,
)
claim(
    T,
    "c11.infiltrated",
    "Mexican criminal groups are deeply infiltrated into many legal economies in Mexico",
    "premise",
    "rule-of-law trade",
    "Mexican criminal groups are deeply infiltrated into many legal economies in Mexico.",
)
claim(
    T,
    "c11.extortion",
    "Paying extortion fees might be necessary for survival for the business",
    "concession",
    "rule-of-law trade",
    "For businesses in Mexico, paying extortion fees to criminal groups may be necessary to "
    "survive.",
)
claim(
    T,
    "c11.material-support",
    "it’s certainly in violation of material support clauses",
    "premise",
    "security-policy trade",
    "Once the groups are designated as terrorist organizations, paying them extortion fees "
    "would violate material support clauses.",
)
claim(
    T,
    "c11.penalties",
    "Those clauses carry very significant penalties in the United States, and they carry "
    "penalties for U.S. businesses engaging with those who provide material support",
    "premise",
    "security-policy trade",
    "Material support clauses carry very significant U.S. penalties, including for U.S. "
    "businesses that deal with those who provide material support.",
)
claim(
    T,
    "c11.jeopardize",
    "you could jeopardize trade, outsourcing, and nearshoring",
    "claim",
    "trade security-policy",
    "Designating Mexican criminal groups as terrorist organizations could jeopardize trade, "
    "outsourcing and nearshoring with Mexico.",
    stance="con",
    on=FTO,
)
claim(
    T,
    "c11.intel-boost",
    "One of the advantages is the designation would significantly boost the priority that the "
    "United States accords to intelligence gathering in Mexico",
    "claim",
    "security-policy",
    "An advantage of the designation is that it would significantly raise the priority the "
    "United States gives to intelligence gathering in Mexico.",
    stance="pro",
    on=FTO,
)
claim(
    T,
    "c11.killing",
    "The cartels and the fentanyl smuggling are killing more Americans than any other issue",
    "evidence",
    "drugs rule-of-law",
    "The Mexican cartels and fentanyl smuggling kill more Americans than any other issue.",
)
claim(
    T,
    "c11.expect-priority",
    "you think Mexico would have high prioritization on national intelligence collection",
    "premise",
    "security-policy",
    "One would expect Mexico to be a high priority for U.S. national intelligence collection.",
)
claim(
    T,
    "c11.china-russia",
    "collecting intelligence on China and Russia, both of which are players in Mexico, is far "
    "more important than collecting on the cartels",
    "evidence",
    "security-policy china",
    "In U.S. intelligence priorities for Mexico, collecting on China and Russia, both players "
    "in Mexico, ranks far above collecting on the cartels.",
)
claim(
    T,
    "c11.wide-actors",
    "Designation would allow a wide set of actors to collect intelligence as well as engage in "
    "operations",
    "premise",
    "security-policy",
    "A terrorist designation would allow a wide set of U.S. agencies to collect intelligence "
    "on the cartels and to conduct operations against them.",
    stance="pro",
    on=FTO,
)
claim(
    T,
    "c11.whole-of-gov",
    "It would really enable a far greater rule-of-government approach",
    "claim",
    "security-policy",
    "A terrorist designation would enable a far greater whole-of-government U.S. approach to "
    "the cartels.",
    stance="pro",
    on=FTO,
    note="“rule-of-government” in the source; read as “whole-of-government”",
)
rel("attacks", "c11.targets", "c11.no-pros", "concession")
rel("supports", "c11.limited", "c11.no-pros")
rel("supports", "c11.lab", "c11.limited")
rel("attacks", "c11.taken-away", "c11.gringos")
rel("supports", "c11.taken-away", "c11.sovereignty")
rel("supports", "c11.realize", "c11.sovereignty")
rel("supports", "c11.not-set-off", "c11.no-pros")
rel("supports", "c11.worsened", "c11.no-pros")
rel("supports", "c11.frustrated", "c11.hampered")
rel("supports", "c11.want-cooperation", "c11.hampered")
rel("supports", "c11.hampered", "c11.worsened")
rel("supports", "c11.explosive", "c11.fto-complex")
rel("supports", "c11.downside", "c11.fto-complex")
rel("supports", "c11.infiltrated", "c11.jeopardize")
rel("attacks", "c11.extortion", "c11.material-support", "concession")
rel("supports", "c11.material-support", "c11.jeopardize")
rel("supports", "c11.penalties", "c11.jeopardize")
rel("supports", "c11.jeopardize", "c11.downside")
rel("supports", "c11.intel-boost", "c11.fto-complex")
rel("supports", "c11.killing", "c11.expect-priority")
rel("supports", "c11.expect-priority", "c11.intel-boost")
rel("supports", "c11.china-russia", "c11.intel-boost", "the priority is low today")
rel("supports", "c11.wide-actors", "c11.intel-boost")
rel("supports", "c11.whole-of-gov", "c11.fto-complex")
rel("rephrases", "c11.infiltrated", "c7.legal-economies")
rel("answers", "u11", "c10.q-pros-cons")
rel("agrees", "c11.intel-boost", "c10.fto", "an advantage of the option raised in the question")
rel("disagrees", "c11.downside", "c10.fto", "the big downside of the option raised in the question")
rel(
    "disagrees",
    "c11.no-pros",
    "c10.aumf",
    "rejects the military option raised in the question",
)

# ---------------------------------------------------------------------------------
# u12 O'Neil
# ---------------------------------------------------------------------------------
T = "u12"
claim(
    T,
    "c12.spending",
    "One of the biggest challenges is that Mexico spends less than 1 percent of its GDP on "
    "security writ large",
    "claim",
    "security-policy",
    "One of the biggest security challenges is that Mexico spends less than 1 percent of its "
    "GDP on security.",
)
claim(
    T,
    "c12.cant-secure",
    "You just can’t make a country secure if you’re only spending that amount of money",
    "premise",
    "security-policy",
    "A country cannot be made secure on less than 1 percent of GDP spent on security.",
)
claim(
    T,
    "c12.militarized",
    "as we’ve seen over this last Mexican administration, there has been a move away from "
    "relying on state and local police officers and building up those civilian forces to a "
    "focus on the military",
    "claim",
    "security-policy",
    "Another challenge is that under the López Obrador administration Mexico has moved from "
    "relying on and building up state and local civilian police toward a focus on the "
    "military.",
)
claim(
    T,
    "c12.surgical",
    "You don’t solve a problem like this by surgical strikes into communities and pulling back",
    "claim",
    "security-policy military-action",
    "Criminal violence like Mexico's is not solved by surgical strikes into communities "
    "followed by withdrawal.",
    stance="con",
    on=MILITARY,
)
claim(
    T,
    "c12.community",
    "You need community policing, you need to know who are the people who are participating in "
    "these networks, and then you need to find a way to bring rule of law through community by "
    "community",
    "proposal",
    "security-policy rule-of-law",
    "Mexico needs community policing, knowledge of who participates in the criminal networks, "
    "and a way to restore the rule of law community by community.",
)
claim(
    T,
    "c12.streets",
    "Mexico has seen successful cases where communities have taken back their streets from these "
    "criminal organizations, at least in large part",
    "claim",
    "rule-of-law security-policy",
    "In some Mexican communities, people have successfully taken back their streets, at least "
    "in large part, from the criminal organizations.",
)
claim(
    T,
    "c12.juarez-2010s",
    "In the early 2010s, Ciudad Juárez, which is across the border from El Paso, was the most "
    "dangerous city in the world",
    "evidence",
    "rule-of-law",
    "In the early 2010s Ciudad Juárez, across the border from El Paso, was the most dangerous "
    "city in the world.",
)
claim(
    T,
    "c12.not-safest",
    "It’s still not the safest place in the world",
    "concession",
    "rule-of-law",
    "Ciudad Juárez is still not one of the safest places in the world.",
)
claim(
    T,
    "c12.much-better",
    "it’s so much better",
    "evidence",
    "rule-of-law",
    "Ciudad Juárez is much safer now than in the early 2010s.",
)
claim(
    T,
    "c12.came-together",
    "partly that was because local police, local community business leaders, and civil society "
    "really came together",
    "premise",
    "rule-of-law security-policy",
    "Ciudad Juárez improved partly because local police, local business leaders and civil "
    "society came together.",
)
claim(
    T,
    "c12.monterrey",
    "You’ve seen a similar thing in Monterrey, which is the hub for all of this nearshoring "
    "that’s happening in Mexico today",
    "evidence",
    "rule-of-law trade",
    "Monterrey, the hub of Mexico's nearshoring, has seen a similar improvement in security.",
)
claim(
    T,
    "c12.brinks",
    "They had moments that were incredibly difficult in terms of security and violence, and "
    "they’ve been able to move back from some of those brinks",
    "evidence",
    "rule-of-law",
    "Monterrey went through incredibly difficult moments of insecurity and violence and has "
    "moved back from some of those brinks.",
)
claim(
    T,
    "c12.not-hopeless",
    "This is not a hopeless problem that can’t be solved",
    "claim",
    "rule-of-law security-policy",
    "Insecurity in Mexico is not a hopeless problem; it can be solved.",
)
claim(
    T,
    "c12.difficult",
    "it is going to be incredibly difficult",
    "concession",
    "rule-of-law security-policy",
    "Solving insecurity in Mexico is going to be incredibly difficult.",
)
rel("supports", "c12.cant-secure", "c12.spending")
rel("supports", "c12.surgical", "c12.community")
rel("supports", "c12.surgical", "c12.militarized", "why the military focus is a challenge")
rel("supports", "c12.streets", "c12.community", "community approaches have worked")
rel("supports", "c12.juarez-2010s", "c12.much-better")
rel("attacks", "c12.not-safest", "c12.much-better", "concession")
rel("supports", "c12.much-better", "c12.streets")
rel("supports", "c12.came-together", "c12.streets")
rel("supports", "c12.monterrey", "c12.streets")
rel("supports", "c12.brinks", "c12.monterrey")
rel("supports", "c12.streets", "c12.not-hopeless")
rel("attacks", "c12.difficult", "c12.not-hopeless", "concession")
rel("answers", "u12", "c10.q-pros-cons")
rel("agrees", "c12.surgical", "c11.limited", "both: strikes achieve little")
rel(
    "agrees", "c12.community", "c11.sovereignty", "both: Mexico itself must restore the rule of law"
)

# ---------------------------------------------------------------------------------
# u13 Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u13"
claim(
    T,
    "c13.not-sustained",
    "in many of the places where progress was achieved, it was not sustained",
    "claim",
    "rule-of-law security-policy",
    "In many Mexican places where security improved, the progress was not sustained.",
)
claim(
    T,
    "c13.juarez",
    "Ciudad Juárez is a prime example",
    "evidence",
    "rule-of-law",
    "Ciudad Juárez is a prime example of a place where security progress was not sustained.",
)
claim(
    T,
    "c13.narco-peace",
    "The advantage that the temporary narco peace brought to those communities has really not "
    "been sustained to improve law enforcement and policing",
    "premise",
    "rule-of-law security-policy",
    "The calm of a temporary narco peace in those communities was not used to build up lasting "
    "law enforcement and policing.",
)
claim(
    T,
    "c13.amlo",
    "this has now been compounded under President Andrés Manuel López Obrador’s administration "
    "by a willful policy on the part of the federal government not to support any efforts to "
    "resist the cartels",
    "claim",
    "rule-of-law security-policy",
    "Under López Obrador, the Mexican federal government has made things worse with a willful "
    "policy of not supporting any efforts to resist the cartels.",
)
claim(
    T,
    "c13.six-weeks",
    "I was in Mexico for six weeks in the summer, and I heard from local officials and people "
    "about the security challenges",
    "evidence",
    "rule-of-law security-policy",
    "Felbab-Brown spent six weeks in Mexico in summer 2023 and heard from local officials and "
    "people about the security challenges.",
)
claim(
    T,
    "c13.no-backup",
    "the key theme was, “We have no backup from the federal government. How do we resist the "
    "cartels if we have no backup to take them on?”",
    "evidence",
    "rule-of-law security-policy",
    "Local officials and people told Felbab-Brown that they have no backup from the Mexican "
    "federal government and so cannot resist the cartels.",
)
claim(
    T,
    "c13.confront",
    "that is what Mexico needs to confront",
    "proposal",
    "rule-of-law security-policy",
    "Mexico needs to confront the federal government's failure to back local resistance to the "
    "cartels.",
)
rel("supports", "c13.juarez", "c13.not-sustained")
rel("supports", "c13.narco-peace", "c13.juarez")
rel("supports", "c13.amlo", "c13.not-sustained")
rel("supports", "c13.six-weeks", "c13.no-backup")
rel("supports", "c13.no-backup", "c13.amlo")
rel("supports", "c13.amlo", "c13.confront")
rel(
    "rebuts",
    "c13.juarez",
    "c12.streets",
    "O'Neil's own example, Ciudad Juárez, is her counter-example: the progress did not last",
)
rel("disagrees", "c13.not-sustained", "c12.streets")
rel(
    "agrees",
    "c13.amlo",
    "c12.militarized",
    "both blame the López Obrador administration's security policy",
)
rel(
    "disagrees",
    "c13.narco-peace",
    "c12.came-together",
    "the calm was a temporary narco peace, not lasting community-built security",
)

# ---------------------------------------------------------------------------------
# u14 Chivvis
# ---------------------------------------------------------------------------------
T = "u14"
claim(
    T,
    "c14.q-precursors",
    "How should we be thinking about China’s relationship with Mexico, in particular as a "
    "provider of precursor chemicals for fentanyl?",
    "question",
    "china drugs",
    "How should the United States think about China's relationship with Mexico, in particular "
    "China's role as the supplier of precursor chemicals for fentanyl?",
)
claim(
    T,
    "c14.q-investment",
    "What would it mean if China were to invest much more heavily in the Mexican economy?",
    "question",
    "china trade",
    "What would it mean for the United States if China invested much more heavily in the "
    "Mexican economy?",
)

# ---------------------------------------------------------------------------------
# u15 Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u15"
claim(
    T,
    "c15.supplier",
    "China has been the principal supplier of precursor chemicals for fentanyl and for "
    "amphetamine, both of which are manufactured overwhelmingly in Mexico",
    "evidence",
    "china drugs",
    "China has been the main supplier of precursor chemicals for fentanyl and amphetamine, "
    "both of which are overwhelmingly manufactured in Mexico.",
)
claim(
    T,
    "c15.no-cooperation",
    "over the past three years, and very intensely so over the past eighteen months, the United "
    "States has had no meaningful law enforcement cooperation at all [with either Mexico or "
    "China]",
    "claim",
    "drugs security-policy china bilateral-relations",
    "For the past three years, and especially the past eighteen months, the United States has "
    "had no meaningful law enforcement cooperation with either Mexico or China.",
    note="the span includes the editor's insertion “[with either Mexico or China]”",
)
claim(
    T,
    "c15.mexico-some",
    "The Mexican government would act on some U.S. enforcement efforts and desires",
    "concession",
    "drugs security-policy bilateral-relations",
    "The Mexican government did act on some U.S. law enforcement requests.",
)
claim(
    T,
    "c15.zero-china",
    "it was zero with China",
    "evidence",
    "drugs security-policy china",
    "China did not act on any U.S. law enforcement requests.",
)
claim(
    T,
    "c15.different-view",
    "China has a very different view of law enforcement than President Joe Biden’s "
    "administration and the United States",
    "premise",
    "china security-policy",
    "China views law enforcement cooperation very differently from the Biden administration "
    "and the United States.",
)
claim(
    T,
    "c15.us-separate",
    "The United States would like to see law enforcement cooperation be separated from the "
    "geostrategic relationship",
    "premise",
    "china security-policy",
    "The United States wants law enforcement cooperation with China kept separate from the "
    "geostrategic relationship.",
)
claim(
    T,
    "c15.tanked",
    "which obviously has tanked",
    "evidence",
    "china",
    "The U.S.-China geostrategic relationship has clearly collapsed.",
)
claim(
    T,
    "c15.subordinates",
    "China subordinates law enforcement cooperation to the geostrategic relationship",
    "premise",
    "china security-policy",
    "China makes law enforcement cooperation with the United States depend on the geostrategic "
    "relationship.",
)
claim(
    T,
    "c15.pulled-back",
    "as the U.S.-China geostrategic relationships and competition ramped up in very many "
    "different domains, China pulled back from cooperating",
    "claim",
    "china drugs security-policy",
    "As U.S.-China geostrategic competition intensified across many domains, China stopped "
    "cooperating with the United States on law enforcement.",
)
claim(
    T,
    "c15.floor",
    "in both Washington and Beijing there has been an effort to put a floor underneath the "
    "collapse of the relationship, and that has paid off in the recent summit between Biden and "
    "Chinese President Xi Jinping",
    "claim",
    "china",
    "Washington and Beijing have both tried to put a floor under the collapsing U.S.-China "
    "relationship, and the effort paid off at the recent Biden–Xi summit.",
)
claim(
    T,
    "c15.xi-committed",
    "Xi has again committed himself to cooperating on stopping the flow of precursors from China",
    "evidence",
    "china drugs",
    "Xi Jinping has again committed to cooperate on stopping the flow of fentanyl precursors "
    "from China.",
)
claim(
    T,
    "c15.holding-breath",
    "I am not holding my breath as to how robust and how long-lasting that will be",
    "concession",
    "china drugs",
    "Felbab-Brown doubts that China's renewed cooperation on precursors will be robust or "
    "long-lasting.",
)
claim(
    T,
    "c15.better-than-zero",
    "any cooperation for some months is absolutely better than zero cooperation",
    "claim",
    "china drugs security-policy",
    "Even a few months of Chinese cooperation on precursors is better than no cooperation.",
)
claim(
    T,
    "c15.actions",
    "China has already taken some actions",
    "evidence",
    "china drugs",
    "China has already taken some actions against precursor flows.",
)
claim(
    T,
    "c15.notices",
    "It has sent out notices across the Chinese chemical industries that it’ll start cracking "
    "down on precursor flows",
    "evidence",
    "china drugs",
    "China has notified its chemical industries that it will start cracking down on precursor "
    "flows.",
)
claim(
    T,
    "c15.indicted",
    "It has acted on some of the companies—entities that the United States has indicted",
    "evidence",
    "china drugs",
    "China has acted against some of the companies the United States has indicted.",
)
claim(
    T,
    "c15.hope-mexico",
    "I hope that we can get to far more cooperation with Mexico and that the cooperation will "
    "not be reduced to these occasional high-value target arrests",
    "proposal",
    "drugs security-policy bilateral-relations",
    "The United States should seek far more law enforcement cooperation with Mexico, beyond "
    "occasional arrests of high-value targets.",
)
rel("attacks", "c15.mexico-some", "c15.no-cooperation", "concession, at odds with “either”")
rel("supports", "c15.zero-china", "c15.no-cooperation")
rel("supports", "c15.different-view", "c15.zero-china")
rel("supports", "c15.us-separate", "c15.different-view")
rel("supports", "c15.subordinates", "c15.different-view")
rel("supports", "c15.tanked", "c15.pulled-back")
rel("supports", "c15.subordinates", "c15.pulled-back")
rel("supports", "c15.pulled-back", "c15.zero-china")
rel("supports", "c15.xi-committed", "c15.floor")
rel(
    "supports",
    "c15.supplier",
    "c15.better-than-zero",
    "China is the main source of precursors, so any cooperation counts",
)
rel("attacks", "c15.holding-breath", "c15.better-than-zero", "concession")
rel("supports", "c15.actions", "c15.floor")
rel("supports", "c15.notices", "c15.actions")
rel("supports", "c15.indicted", "c15.actions")
rel("supports", "c15.no-cooperation", "c15.hope-mexico")
rel("answers", "u15", "c14.q-precursors")

# ---------------------------------------------------------------------------------
# u16 Chivvis
# ---------------------------------------------------------------------------------
claim(
    "u16",
    "c16.q-chinese-firms",
    "To what extent should we be thinking about Chinese investment in Mexico and having much of "
    "the production that we’re importing from Mexico simply be Chinese firms and production "
    "simply in Mexico?",
    "question",
    "china trade national-security",
    "How concerned should the United States be about Chinese investment in Mexico, with much "
    "of what it imports from Mexico being made by Chinese firms producing there?",
)
rel("rephrases", "c16.q-chinese-firms", "c14.q-investment", "the moderator returns to his question")

# ---------------------------------------------------------------------------------
# u17 O'Neil
# ---------------------------------------------------------------------------------
T = "u17"
claim(
    T,
    "c17.depends",
    "I think it depends what the nearshoring is for",
    "claim",
    "china trade national-security",
    "Whether Chinese investment in Mexico is a concern depends on what the investment is for.",
)
claim(
    T,
    "c17.unlike-south-america",
    "historically, for Mexico and China’s relationship, Mexico was unlike other South American "
    "nations, where their economies were complements",
    "evidence",
    "china trade",
    "Historically, unlike South American economies, which complemented China's, Mexico's "
    "economy did not complement China's.",
)
claim(
    T,
    "c17.commodity-booms",
    "These South American nations had huge booms in commodity sales because China was using up "
    "iron ore, copper, soy, and beef and sending back manufactured goods",
    "evidence",
    "china trade",
    "South American countries had commodity booms because China bought their iron ore, copper, "
    "soy and beef and sold them manufactured goods.",
)
claim(
    T,
    "c17.competitor",
    "Mexico has always been a bit of a competitor",
    "claim",
    "china trade",
    "Mexico has always been something of an economic competitor to China.",
)
claim(
    T,
    "c17.same-things",
    "It made the same kinds of things: shoes and toys and electronics",
    "evidence",
    "china trade",
    "Mexico made the same kinds of goods as China: shoes, toys and electronics.",
)
claim(
    T,
    "c17.china-shock",
    "We talk here in the United States about the China shock and the jobs lost",
    "premise",
    "china trade",
    "In the United States people talk about the “China shock” and the jobs lost to China.",
)
claim(
    T,
    "c17.lost-more",
    "Mexico lost more jobs per capita for sure, if not in absolute terms, because of China’s rise",
    "evidence",
    "china trade",
    "Because of China's rise, Mexico lost more jobs per capita than the United States, if not "
    "more in absolute terms.",
)
claim(
    T,
    "c17.direct-competition",
    "because the two countries were in direct competition over so many of those jobs in the "
    "early 2000s",
    "premise",
    "china trade",
    "In the early 2000s Mexico and China competed directly for many of the same jobs.",
)
claim(
    T,
    "c17.little-investment",
    "for many years there wasn’t much Chinese investment in Mexico",
    "evidence",
    "china trade",
    "For many years there was little Chinese investment in Mexico.",
)
claim(
    T,
    "c17.growing",
    "you have started to see just in the last few years that it’s growing",
    "evidence",
    "china trade",
    "In the last few years Chinese investment in Mexico has started to grow.",
)
claim(
    T,
    "c17.question-is",
    "I think the question for U.S. national security interests is: what are they investing in?",
    "claim",
    "china trade national-security",
    "For U.S. national security, what matters is what Chinese firms invest in in Mexico.",
)
claim(
    T,
    "c17.rq-washing-machines",
    "Do we really care if it’s Chinese investment in, say, Mexico-made washing machines or Nike "
    "shoes?",
    "rhetorical-question",
    "china trade national-security",
    "The United States need not care about Chinese investment in Mexican production of washing "
    "machines or Nike shoes.",
    stance="pro",
    on=INVESTMENT,
)
claim(
    T,
    "c17.rq-huawei",
    "if Huawei technology goes into Mexico’s telecommunication grids, especially those near the "
    "border, does that matter?",
    "rhetorical-question",
    "china national-security",
    "Huawei technology in Mexico's telecommunication grids, especially near the border, would "
    "matter for U.S. national security.",
    stance="con",
    on=INVESTMENT,
)
claim(
    T,
    "c17.matters",
    "So I think it really matters what the investment is",
    "claim",
    "china trade national-security",
    "What Chinese investment in Mexico goes into really matters for the United States.",
)
claim(
    T,
    "c17.not-all",
    "Not all investment is a threat to U.S. national security",
    "claim",
    "china trade national-security",
    "Not all Chinese investment in Mexico is a threat to U.S. national security.",
    stance="pro",
    on=INVESTMENT,
)
claim(
    T,
    "c17.sectors",
    "there are specific sectors",
    "claim",
    "china national-security",
    "Chinese investment in Mexico in specific sectors is a threat to U.S. national security.",
    stance="con",
    on=INVESTMENT,
)
rel("supports", "c17.commodity-booms", "c17.unlike-south-america")
rel("supports", "c17.unlike-south-america", "c17.competitor")
rel("supports", "c17.same-things", "c17.competitor")
rel("supports", "c17.china-shock", "c17.lost-more", "the U.S. comparison")
rel("supports", "c17.direct-competition", "c17.lost-more")
rel("supports", "c17.lost-more", "c17.competitor", "the jobs went to a direct competitor")
rel("rephrases", "c17.direct-competition", "c17.competitor")
rel("supports", "c17.competitor", "c17.little-investment", "“So”")
rel("rephrases", "c17.question-is", "c17.depends")
rel("supports", "c17.growing", "c17.question-is")
rel("supports", "c17.rq-washing-machines", "c17.not-all")
rel("supports", "c17.rq-huawei", "c17.sectors")
rel("rephrases", "c17.matters", "c17.depends")
rel("supports", "c17.not-all", "c17.matters")
rel("supports", "c17.sectors", "c17.matters")
rel("answers", "u17", "c16.q-chinese-firms")

# ---------------------------------------------------------------------------------
# u18 Felbab-Brown
# ---------------------------------------------------------------------------------
T = "u18"
claim(
    T,
    "c18.indifferent",
    "the current Mexican administration has been indifferent about, for example, accepting "
    "highly sensitive Chinese technologies with the potential for backdoor spying along the "
    "U.S.-Mexico border",
    "claim",
    "china national-security",
    "The López Obrador administration has been indifferent to accepting highly sensitive "
    "Chinese technologies that could allow backdoor spying along the U.S.-Mexico border.",
    stance="con",
    on=INVESTMENT,
)
claim(
    T,
    "c18.criminal-nearshoring",
    "Mexican criminal groups are also nearshoring into Mexico",
    "claim",
    "china rule-of-law",
    "Criminal groups, most likely Chinese ones, are also “nearshoring” into Mexico.",
    note="the source says “Mexican”; the next sentence suggests Chinese criminal groups are meant",
)
claim(
    T,
    "c18.chinese-groups",
    "There is a rise and intensification of the presence of Chinese criminal groups that are "
    "engaged in a variety of highly complex relationships beyond drugs with the Mexican cartels",
    "evidence",
    "china rule-of-law drugs",
    "Chinese criminal groups are increasingly present in Mexico and have complex relationships "
    "with the Mexican cartels that go beyond drugs.",
)
claim(
    T,
    "c18.officials",
    "Many Chinese criminal networks are also apparently connected to Chinese government officials",
    "evidence",
    "china rule-of-law",
    "Many Chinese criminal networks appear to be connected to Chinese government officials.",
)
claim(
    T,
    "c18.tool",
    "China regularly uses criminal actors as a systematic tool in its foreign policy, from "
    "espionage and intelligence to punishing and controlling the diaspora",
    "claim",
    "china national-security",
    "China regularly and systematically uses criminal actors as a foreign policy tool, from "
    "espionage and intelligence to punishing and controlling the Chinese diaspora.",
)
claim(
    T,
    "c18.laundering",
    "in the U.S.-Mexico context, we are seeing a big growth of the role of Chinese money "
    "laundering actors on both sides of the border",
    "evidence",
    "china rule-of-law drugs",
    "Chinese money-laundering actors play a fast-growing role on both sides of the U.S.-Mexico "
    "border.",
)
rel("supports", "c18.chinese-groups", "c18.criminal-nearshoring")
rel("supports", "c18.laundering", "c18.criminal-nearshoring")
rel("supports", "c18.officials", "c18.tool")
rel("answers", "u18", "c16.q-chinese-firms")
rel(
    "agrees",
    "c18.indifferent",
    "c17.rq-huawei",
    "O'Neil's hypothetical about Chinese telecom technology near the border is already happening",
)
rel("agrees", "c18.indifferent", "c17.sectors")
