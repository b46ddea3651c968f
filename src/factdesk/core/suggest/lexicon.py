"""The words suggestions know: titles, roles, and capitalised words that are never names."""

from __future__ import annotations

import re


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


MALE_TITLES = _words("mr sir lord king prince father baron sheikh councilman")
FEMALE_TITLES = _words("mrs ms miss dame lady baroness queen princess sister councilwoman")
NEUTRAL_TITLES = _words(
    """
    dr prof professor cllr councillor president judge justice rev senator sen rep gen general
    mayor chancellor minister governor gov commissioner inspector insp detective det sergeant
    sgt superintendent supt constable pc dc captain capt coach bishop archbishop chief premier
    speaker ambassador envoy secretary mp mep msp lt col maj cmdr adm hon
    """
)
TITLES = MALE_TITLES | FEMALE_TITLES | NEUTRAL_TITLES
# knights and dames are called by their given name ("Sir Keir", "Dame Frances")
GIVEN_NAME_TITLES = _words("sir dame")
# what a title makes someone, so a later "the peer" or "the senator" can mean them
TITLE_ROLES = {
    "lord": "peer", "baroness": "peer", "cllr": "councillor", "councillor": "councillor",
    "councilman": "councilman", "councilwoman": "councilwoman", "sen": "senator",
    "senator": "senator", "rep": "representative", "dr": "doctor", "prof": "professor",
    "professor": "professor", "det": "detective", "sgt": "sergeant", "insp": "inspector",
    "supt": "superintendent", "judge": "judge", "mayor": "mayor", "president": "president",
    "gov": "governor", "bishop": "bishop", "archbishop": "archbishop", "rev": "reverend",
}  # fmt: skip
# roles of more than one word, and the role each is known by
COMPOUND_ROLES = {
    "prime minister": "prime minister", "pm": "prime minister", "premier": "prime minister",
    "chief executive": "chief executive", "ceo": "chief executive",
    "first minister": "first minister", "chief constable": "chief constable",
    "foreign secretary": "foreign secretary", "home secretary": "home secretary",
    "health secretary": "health secretary", "defence secretary": "defence secretary",
    "chancellor of the exchequer": "chancellor",
}  # fmt: skip
ROLE_WORDS = _words(
    """
    prime minister pm president chancellor secretary leader mayor spokesman spokeswoman
    spokesperson executive chairman chairwoman chair chairperson director governor judge
    senator councillor cllr councilman councilwoman mp mep msp head boss commissioner chief
    officer superintendent inspector detective sergeant constable professor doctor coach
    manager captain envoy ambassador premier speaker general king queen editor correspondent
    founder owner member deputy shadow vice lead peer minister ceo cfo coo presenter host
    anchor reporter journalist teacher headteacher head-teacher principal nurse surgeon
    physician consultant paramedic midwife pharmacist assistant engineer worker driver pilot
    pupil student parent mother father grandmother grandfather daughter son wife husband
    friend neighbour neighbor colleague source insider official aide adviser advisor analyst
    economist lawyer barrister solicitor prosecutor attorney researcher scientist
    glaciologist author campaigner activist organiser organizer resident witness victim
    partner trustee volunteer fan supporter shopkeeper trader farmer fisherman patient
    passenger commuter voter landlord tenant representative spokesmen spokeswomen
    businessman businesswoman chairman striker midfielder defender goalkeeper player
    referee umpire runner athlete manager investor banker regulator ombudsman auditor
    inspector coroner magistrate sheriff deputy bishop archbishop vicar priest rabbi imam
    cardinal pope governor premier senator congressman congresswoman representative man
    woman boy girl child teenager pensioner person granddaughter grandson sister brother
    cousin aunt uncle nephew niece relative predecessor successor colleague caller listener
    viewer reader customer client user employee staffer protester demonstrator spectator
    plumber electrician mechanic chef cleaner carer clerk accountant architect actor actress
    musician writer novelist poet playwright composer photographer designer firefighter
    soldier veteran postman widow widower landlady publican vet dentist retiree graduate
    lecturer academic historian entrepreneur comedian star winger forward batsman jockey
    cyclist swimmer golfer mum dad gp
    pal mate onlooker bystander shopper diner punter regular motorist pedestrian rider
    villager islander evacuee survivor holidaymaker tourist visitor worshipper parishioner
    expert observer commentator critic fellow classmate schoolmate teammate flatmate
    artist painter sculptor potter singer dancer
    """
)
# a role with one of these in front is still that role: "co-presenter", "vice-chair"
_ROLE_PREFIXES = ("co-", "vice-", "ex-", "deputy-", "joint-", "assistant-")


# an age said as a role: "the 41-year-old", "the nine-year-old"
AGE_ROLE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old"
# a scientist by field: "the neurologist", "the epidemiologist"
_FIELD_ROLE = r"[a-z]+ologist"


_AGE_OR_FIELD = re.compile(rf"{AGE_ROLE}|{_FIELD_ROLE}")


def is_role_word(key: str) -> bool:
    """A folded word that names a role, also with a prefix ("co-presenter", "ex-minister"),
    an age ("41-year-old") or a field of science ("neurologist")."""
    if key in ROLE_WORDS or _AGE_OR_FIELD.fullmatch(key):
        return True
    prefix = next((p for p in _ROLE_PREFIXES if key.startswith(p)), None)
    return prefix is not None and key[len(prefix) :] in ROLE_WORDS


# roles seldom used as a second name for someone just named: the anonymous voices
ANONYMOUS_ROLES = _words(
    """
    spokesman spokeswoman spokesperson spokesmen spokeswomen source insider official aide
    witness caller listener viewer reader
    """
)
# "the minister" can mean a secretary of state or the chancellor
ROLE_HYPERNYMS = {
    "minister": frozenset({"secretary", "chancellor", "prime minister", "first minister"}),
    "politician": frozenset({"minister", "secretary", "mp", "senator", "councillor"}),
}
# the role words as a regular-expression alternation, longest first
ROLE_ALTERNATION = "|".join([AGE_ROLE, _FIELD_ROLE, *sorted(ROLE_WORDS, key=len, reverse=True)])
MALE_ROLES = _words(
    """
    spokesman chairman king prince businessman father grandfather son husband congressman
    councilman fisherman spokesmen
    """
)
FEMALE_ROLES = _words(
    """
    spokeswoman chairwoman queen princess businesswoman mother grandmother daughter wife
    congresswoman councilwoman spokeswomen
    """
)
# capitalised words that start sentences or name things, never a person's name
NOT_NAMES = _words(
    """
    the a an and but or if in on at for to of by with from as after before when while however
    meanwhile this that these those it its he she they we i you his her their our my your
    there here what who why how where speaking asked writing today yesterday tomorrow last
    next earlier later monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december read image
    photo picture credit government council parliament downing street house commons lords
    labour conservative conservatives tory tories reform liberal democrats democrat democratic
    republican republicans party ministry department office court city county university
    hospital school police bbc itv sky news times nato eu uk us usa un european britain
    british england english america american france french germany german russia russian
    ukraine ukrainian china chinese europe white kremlin also both all some many one two
    river lake loch lough mount cape
    three several no not now then so yet still even only just mps ministers officials
    sources critics residents figures data analysis according under over during despite
    since until amid about state federal national local state's former acting interim
    senior junior new old former armed forces
    """
)
# what "a …" or "one …" before a speech verb is when it is no one: "a report said"
NOT_PEOPLE = _words(
    """
    statement letter message report email post note study survey document paper poll review
    analysis leaflet notice sign
    """
)
# the last word of an organisation's or a place's name, never a person's
ORG_HEADS = _words(
    """
    conference council committee union agency party office department ministry institute
    group association commission bank fund foundation trust service services forces force
    times news post guardian telegraph mail express mirror sun herald echo journal review
    gazette tribune street road square bridge house hall centre center hospital university
    college school court police states kingdom republic nations east west north south club
    fc united city county borough authority board network company corporation ltd plc inc
    airport station parliament assembly senate congress cabinet treasury alliance
    organisation organization programme program project campaign festival awards museum
    gallery library press media tv radio channel show summit treaty act bill report inquiry
    survey index institution ngo primary academy water energy rovers athletic cooperative
    co-operative co-op society partnership charity homes developments holdings industries
    air airline airlines airways railway railways motors foods farms studios federation
    confederation league lines partners capital systems technologies pharmaceuticals labs
    insurance logistics shipping telecom healthcare chamber coalition guild collective
    """
)
# what an organisation is called when it is not named: "the company said", "bike maker X"
ORG_NOUNS = _words(
    """
    company firm group business maker carmaker manufacturer retailer chain carrier airline
    lender bank insurer operator developer housebuilder broadcaster publisher charity club
    union federation league association body regulator supermarket brand startup conglomerate
    giant provider supplier utility owner operator
    """
)
# words a capitalised run can start with that belong to no name: "In a statement, The Trust"
RUN_OPENERS = _words(
    """
    the a an and but or if in on at for to of by with from as after before when while however
    meanwhile this that these those it its their our my your his her yesterday today
    """
)
# the small words a title leaves in lower case ("Learning from Falls on Hollins Ward")
TITLE_SMALL_WORDS = _words(
    "a an the of for and or but nor in on to at with by from into onto over under after about "
    "as via vs per up"
)
PARTICLES = _words("de van von der den da di du le la bin al")
