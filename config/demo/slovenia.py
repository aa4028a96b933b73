"""Seed 001, Slovenia. The document describes a project of NGOs and schools on career education and names no
organisation; the network name and all three organisations are ours.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import DEMO_NOTE, OUTPUT_NOTE, OUTPUT_NOTES, illustrative, illustrative_text, people

D = datetime.date
PROJECT = "model-sodelovanja"
# The document calls them "MVI" / "Ministry of Education" and "urad za mladino" / "Office for Youth"; the
# ministry's full name expands its acronym.
MVI, URAD = "Ministrstvo za vzgojo in izobraževanje", "Urad za mladino"
# Result 4 of the project, which the official proposal is.
PROPOSAL_RESULT = (
    "Uradni predlog za MVI in urad za mladino z jasnimi smernicami za vključevanje NVO v sistem karierne vzgoje."
)

SEED = {
    "network": {
        "name": "Partnerstvo NVO in šol za karierno vzgojo",
        "acronym": "",
        "slug": "karierna-vzgoja",
        "countries": ["SI"],
        "languages": ["sl", "en"],
        "language": "sl",
        "colour": "#2e7d32",
        # The document gives its text in Slovenian and then in English: the Slovenian is the original.
        "description": {
            "sl": (
                "Projekt se osredotoča na prepoznavanje in odpravljanje sistemske spregledanosti NVO v "
                "izobraževalnem okolju. To se zgodi zaradi nekritično izbranega ponudnika, hitro odločanje o "
                "ponudnikov, slabe promocije NVO, ki delujejo na kariernem svetovanju ali nenačrtno "
                "spregledanosti delovanja NVO na tem področju. Ključne aktivnosti vključujejo izvedbo "
                'raziskave o "diskriminatornih" oz. slabih praksah, usposabljanju NVO za spremljanje in '
                "poročanje, kampanjo ozaveščanja za šole in lokalno skupnost ter ciljno usmerjene "
                "zagovorniške aktivnosti. Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, "
                "ki temelji na človekovih pravicah, vključevanju in vrednotah demokracije.\n"
                "\n"
                "Projekt bo tako prispeval k večjemu razumevanju družbene vrednosti nevladnih organizacij "
                "ter krepitvi njihove vloge kot ključnih nosilcev demokracije, enakosti in aktivnega "
                "državljanstva v vzgojno-izobraževalnem prostoru."
            ),
            "en": (
                "The project focuses on identifying and addressing the systemic neglect of CSOs within the "
                "educational environment. This happens due to the uncritical selection of service providers, "
                "rushed decision-making processes, weak promotion of CSOs active in career counselling, or "
                "the unintentional overlooking of their role in this field.\n"
                "\n"
                "Key activities include conducting a study on “discriminatory” or poor practices, providing "
                "training for CSOs on monitoring and reporting, running an awareness campaign targeting "
                "schools and local communities, and implementing targeted advocacy activities. The ultimate "
                "goal is to establish a cooperation model between schools and CSOs based on human rights, "
                "inclusion, and democratic values.\n"
                "\n"
                "The project will contribute to greater recognition of the social value of civil society "
                "organisations and strengthen their role as key actors in promoting democracy, equality, and "
                "active citizenship within the educational space."
            ),
        },
        "founding_statement": "",
    },
    # One objective, in both languages: the Slovenian original and its English version.
    "objectives": [
        {
            "sl": "Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, ki temelji na človekovih "
            "pravicah, vključevanju in vrednotah demokracije.",
            "en": "The ultimate goal is to establish a cooperation model between schools and CSOs based on "
            "human rights, inclusion, and democratic values.",
        }
    ],
    "tasks": [],
    "organisations": [
        {
            "name": "Demo coordinator NGO (Karierna vzgoja)",
            "kind": "ngo",
            "country": "SI",
            "description": DEMO_NOTE + "a coordinator account (the document names no organisation).",
            "role": "coordinator",
            "login": {
                "email": "coordinator@karierna-vzgoja.demo.partnera.org",
                "full_name": "Karierna vzgoja Coordinator",
            },
        },
        {
            "name": "Demo member school (Karierna vzgoja)",
            "kind": "general_school",
            "country": "SI",
            "description": DEMO_NOTE + "a member account (the document names no organisation).",
            "role": "member",
            "login": {
                "email": "member@karierna-vzgoja.demo.partnera.org",
                "full_name": "Karierna vzgoja Member",
            },
        },
        {
            "name": "Demo observer organisation (Karierna vzgoja)",
            "kind": "ngo",
            "description": DEMO_NOTE + "an observer account.",
            "role": "observer",
            "login": {
                "email": "observer@karierna-vzgoja.demo.partnera.org",
                "full_name": "Karierna vzgoja Observer",
            },
        },
    ],
    # The project the document describes, with its Slovenian text and the English one. The document has
    # no title: the demo uses the words naming its ultimate goal ("modela sodelovanja med šolami in NVO"
    # / "a cooperation model between schools and CSOs"). No dates, budget or partners are given, so the
    # status is the model's default ("planned"). The key activities are the four listed in the
    # summary, as headings (Slovenian in the nominative; the sentence itself stays in the summary).
    "projects": [
        {
            "title": {"sl": "Model sodelovanja med šolami in NVO", "en": "Cooperation model between schools and CSOs"},
            "slug": "model-sodelovanja",
            "countries": ["SI"],
            "language": "sl",
            "summary": {
                "sl": (
                    "Projekt se osredotoča na prepoznavanje in odpravljanje sistemske spregledanosti NVO v "
                    "izobraževalnem okolju. To se zgodi zaradi nekritično izbranega ponudnika, hitro odločanje "
                    "o ponudnikov, slabe promocije NVO, ki delujejo na kariernem svetovanju ali nenačrtno "
                    "spregledanosti delovanja NVO na tem področju. Ključne aktivnosti vključujejo izvedbo "
                    'raziskave o "diskriminatornih" oz. slabih praksah, usposabljanju NVO za spremljanje in '
                    "poročanje, kampanjo ozaveščanja za šole in lokalno skupnost ter ciljno usmerjene "
                    "zagovorniške aktivnosti. Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, "
                    "ki temelji na človekovih pravicah, vključevanju in vrednotah demokracije.\n"
                    "\n"
                    "Projekt bo tako prispeval k večjemu razumevanju družbene vrednosti nevladnih organizacij "
                    "ter krepitvi njihove vloge kot ključnih nosilcev demokracije, enakosti in aktivnega "
                    "državljanstva v vzgojno-izobraževalnem prostoru."
                ),
                "en": (
                    "The project focuses on identifying and addressing the systemic neglect of CSOs within the "
                    "educational environment. This happens due to the uncritical selection of service "
                    "providers, rushed decision-making processes, weak promotion of CSOs active in career "
                    "counselling, or the unintentional overlooking of their role in this field.\n"
                    "\n"
                    "Key activities include conducting a study on “discriminatory” or poor practices, providing "
                    "training for CSOs on monitoring and reporting, running an awareness campaign targeting "
                    "schools and local communities, and implementing targeted advocacy activities. The "
                    "ultimate goal is to establish a cooperation model between schools and CSOs based on human "
                    "rights, inclusion, and democratic values.\n"
                    "\n"
                    "The project will contribute to greater recognition of the social value of civil society "
                    "organisations and strengthen their role as key actors in promoting democracy, equality, "
                    "and active citizenship within the educational space."
                ),
            },
            "objectives": {
                "overall": [
                    {
                        "text": {
                            "sl": "Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, ki temelji na "
                            "človekovih pravicah, vključevanju in vrednotah demokracije.",
                            "en": "The ultimate goal is to establish a cooperation model between "
                            "schools and CSOs based on human rights, inclusion, and democratic values.",
                        },
                    },
                ],
            },
            "components": [
                {
                    "kind": "key_activity",
                    "title": {
                        "sl": 'Izvedba raziskave o "diskriminatornih" oz. slabih praksah',
                        "en": "Conducting a study on “discriminatory” or poor practices",
                    },
                },
                {
                    "kind": "key_activity",
                    "title": {
                        "sl": "Usposabljanje NVO za spremljanje in poročanje",
                        "en": "Providing training for CSOs on monitoring and reporting",
                    },
                },
                {
                    "kind": "key_activity",
                    "title": {
                        "sl": "Kampanja ozaveščanja za šole in lokalno skupnost",
                        "en": "Running an awareness campaign targeting schools and local communities",
                    },
                },
                {
                    "kind": "key_activity",
                    "title": {
                        "sl": "Ciljno usmerjene zagovorniške aktivnosti",
                        "en": "Implementing targeted advocacy activities",
                    },
                },
            ],
            # "Kaj bomo dosegli" / "Expected results", in order. The levels are ours: the document does
            # not classify them (the model and the official proposal are products, the rest changes).
            "results": [
                {
                    "level": "outcome",
                    "title": {
                        "sl": "Večje razumevanje in priznanje vloge NVO v karierni vzgoji s strani šol.",
                        "en": "Increased understanding and recognition by schools of the role of "
                        "CSOs in career guidance.",
                    },
                },
                {
                    "level": "outcome",
                    "title": {
                        "sl": "Okrepljene zagovorniške in komunikacijske kapacitete NVO; s tem povečana "
                        "pripravljenost šolskih institucij za sodelovanje z NVO pri vsebinah karierne vzgoje.",
                        "en": "Strengthened advocacy and communication capacities of CSOs, "
                        "resulting in greater willingness among schools to collaborate with CSOs in the field of "
                        "career education.",
                    },
                },
                {
                    "level": "output",
                    "title": {
                        "sl": "Jasno definiran model sodelovanja med šolami in NVO, Vzpostavljen model "
                        "sodelovanja med NVO in šolami na področju karierne vzgoje, ki vključuje sistemske "
                        "rešitev.",
                        "en": "A clearly defined and operational model of cooperation between "
                        "schools and CSOs in the field of career guidance, including systemic solutions.",
                    },
                },
                {
                    "level": "output",
                    "title": {
                        "sl": "Uradni predlog za MVI in urad za mladino z jasnimi smernicami za vključevanje "
                        "NVO v sistem karierne vzgoje.",
                        "en": "An official proposal for the Ministry of Education and the Office "
                        "for Youth with clear guidelines for integrating CSOs into the career guidance system.",
                    },
                },
                {
                    "level": "outcome",
                    "title": {
                        "sl": "Opolnomočene NVO za kakovostno sodelovanje s šolami ter za sistemsko "
                        "zagovorništvo in šole za bolj enakovredno sodelovanje.",
                        "en": "Empowered CSOs for quality collaboration with schools, as well as "
                        "empowered schools for more equal partnership with CSOs.",
                    },
                },
            ],
        },
    ],
    # The two institutions the official proposal (result 4) is addressed to: addressed institutions of the
    # proposal, not partners of the project (the document names no partner). Records the network typed in
    # (members.services.organisation_register: nobody administers them), their notes on their profiles.
    "institutions": [
        {
            "name": MVI,
            "acronym": "MVI",
            "kind": "ministry",
            "country": "SI",
            "description": "Naslovnik uradnega predloga (MVI) / Addressee of the official proposal (Ministry of "
            "Education); the document does not name it a partner.",
        },
        {
            "name": URAD,
            "kind": "government_agency",
            "country": "SI",
            "description": "Naslovnik uradnega predloga / Addressee of the official proposal (Office for Youth); "
            "the document does not name it a partner.",
        },
    ],
    # The study and the official proposal the document names (a key activity, result 4). Their titles and
    # summaries are the document's words; the rest, and the submissions of the proposal, are illustrative.
    "outputs": [
        {
            "kind": "study_or_survey",
            "language": "sl",
            "title": {
                "sl": 'Raziskava o "diskriminatornih" oz. slabih praksah',
                "en": "Study on “discriminatory” or poor practices",
            },
            "summary": {
                "sl": 'Ključne aktivnosti vključujejo izvedbo raziskave o "diskriminatornih" oz. slabih praksah.',
                "en": "Key activities include conducting a study on “discriminatory” or poor practices.",
            },
            "body": {
                "sl": "<p>" + OUTPUT_NOTES["sl"] + "vprašalnik za šole o tem, kako izbirajo zunanje izvajalce "
                "karierne vzgoje, in njegove ugotovitve.</p>",
                "en": "<p>" + OUTPUT_NOTE + "a questionnaire to schools on how they choose outside providers of "
                "career education, and its findings.</p>",
            },
            "visibility": "public",
            "project": PROJECT,
            "authors": ["Demo coordinator NGO (Karierna vzgoja)"],
        },
        {
            "kind": "policy_proposal",
            "language": "sl",
            "title": {
                "sl": "Uradni predlog za MVI in urad za mladino",
                "en": "Official proposal for the Ministry of Education and the Office for Youth",
            },
            "summary": {
                "sl": PROPOSAL_RESULT + " Naslovnika: " + MVI + " (MVI) in " + URAD + ".",
                "en": "An official proposal for the Ministry of Education and the Office for Youth with clear "
                "guidelines for integrating CSOs into the career guidance system. Addressed to the Ministry of "
                "Education (MVI) and the Office for Youth.",
            },
            "visibility": "public",
            "project": PROJECT,
            "result": PROPOSAL_RESULT,
            "authors": ["Demo coordinator NGO (Karierna vzgoja)"],
            "institutions": [MVI, URAD],
            "recommendations": [
                {
                    "text": illustrative_text(
                        sl="V smernice za karierno vzgojo v šolah vključiti sodelovanje z NVO.",
                        en="Include cooperation with CSOs in the guidelines for career education in schools.",
                    ),
                    "institution": MVI,
                },
                {
                    "text": illustrative_text(
                        sl="Pri izbiri zunanjih izvajalcev karierne vzgoje uvesti pregledna merila.",
                        en="Introduce transparent criteria for choosing outside providers of career education.",
                    ),
                    "institution": MVI,
                },
                {
                    "text": illustrative_text(
                        sl="Podpreti usposabljanje NVO za spremljanje in poročanje o slabih praksah.",
                        en="Support training for CSOs on monitoring and reporting poor practices.",
                    ),
                    "institution": URAD,
                },
            ],
            "submissions": [
                {
                    "institution": MVI,
                    "submitted_on": D(2026, 3, 16),
                    "channel": "letter",
                    "response_due": D(2026, 5, 15),
                    "response": {
                        "responded_on": D(2026, 4, 8),
                        "outcome": "acknowledged",
                        "response_text": illustrative_text(
                            sl="ministrstvo je predlog prejelo in ga bo obravnavalo.",
                            en="the ministry received the proposal and will consider it.",
                        ),
                    },
                },
                {
                    "institution": URAD,
                    "submitted_on": D(2026, 3, 16),
                    "channel": "letter",
                    "response": {
                        "responded_on": D(2026, 5, 5),
                        "outcome": "under_consideration",
                        "response_text": illustrative_text(
                            sl="urad predlog preučuje skupaj s svetom za mladino.",
                            en="the office is studying the proposal with the youth council.",
                        ),
                    },
                },
            ],
        },
    ],
    # The activity log: illustrative entries, not facts (the document reports no activity), in Slovenian and
    # English as the document is. The project's four key activities are headings, not numbered activities,
    # so the entries belong to the project without a planned activity. The demo coordinator NGO logs for the
    # project; the demo member school, not one of its partners, logs network-level work. One waits for the
    # coordinator, one is a draft.
    "entries": [
        {
            "project": PROJECT,
            "kind": "study_or_survey",
            "by": "coordinator",
            "language": "sl",
            "title": {
                "sl": "Raziskava o slabih praksah pri izbiri ponudnikov karierne vzgoje",
                "en": "Study on poor practices in choosing career education providers",
            },
            "description": illustrative(
                sl="vprašalnik za šole o tem, kako izbirajo zunanje izvajalce karierne vzgoje; udeleženci so "
                "anketiranci.",
                en="a questionnaire to schools on how they choose outside providers of career education; the "
                "participants are the respondents.",
            ),
            "start_date": D(2025, 2, 3),
            "end_date": D(2025, 4, 30),
            "place": "Online",
            "country": "SI",
            **people(48, women=39, ages=(0, 3, 44, 1)),
        },
        {
            "project": PROJECT,
            "kind": "training",
            "by": "coordinator",
            "language": "sl",
            "title": {
                "sl": "Usposabljanje NVO za spremljanje in poročanje",
                "en": "Training for NGOs on monitoring and reporting",
            },
            "description": illustrative(
                sl="dva dneva o tem, kako NVO spremljajo in poročajo o slabih praksah.",
                en="two days on how NGOs monitor and report poor practices.",
            ),
            "start_date": D(2025, 6, 10),
            "end_date": D(2025, 6, 11),
            "place": "Ljubljana",
            "country": "SI",
            **people(21, women=15, other=1, ages=(0, 6, 15, 0)),
        },
        {
            "kind": "campaign_action",
            "by": "member",
            "language": "sl",
            "title": {
                "sl": "Dan odprtih vrat: NVO predstavijo karierno vzgojo učencem",
                "en": "Open day: NGOs present career education to pupils",
            },
            "description": illustrative(
                sl="štiri NVO so učencem zadnjih razredov predstavile svoje programe karierne vzgoje.",
                en="four NGOs presented their career education programmes to pupils of the last grades.",
            ),
            "start_date": D(2025, 10, 16),
            "end_date": D(2025, 10, 16),
            "place": "Demo member school",
            "country": "SI",
            **people(95, women=47, other=2, ages=(88, 0, 7, 0), disabilities=3),
        },
        {
            "project": PROJECT,
            "kind": "advocacy_meeting",
            "by": "coordinator",
            "language": "sl",
            "title": {
                "sl": "Sestanek z MVI o vključevanju NVO v karierno vzgojo",
                "en": "Meeting with the Ministry of Education on including NGOs in career education",
            },
            "description": illustrative(
                sl="predstavitev prvih ugotovitev raziskave in osnutka smernic.",
                en="the study's first findings and the draft guidelines presented.",
            ),
            "start_date": D(2026, 1, 20),
            "end_date": D(2026, 1, 20),
            "place": "Ljubljana",
            "country": "SI",
            **people(8, women=5, ages=(0, 0, 8, 0)),
        },
        {
            "kind": "workshop",
            "by": "member",
            "language": "sl",
            "status": "submitted",
            "title": {
                "sl": "Delavnica za učitelje o sodelovanju z NVO",
                "en": "Workshop for teachers on working with NGOs",
            },
            "description": illustrative(
                sl="kako šola načrtuje karierno vzgojo skupaj z NVO.",
                en="how a school plans career education together with NGOs.",
            ),
            "start_date": D(2026, 3, 12),
            "end_date": D(2026, 3, 12),
            "place": "Demo member school",
            "country": "SI",
            **people(18, women=14, ages=(0, 2, 16, 0)),
        },
        {
            "project": PROJECT,
            "kind": "campaign_action",
            "by": "coordinator",
            "language": "sl",
            "status": "draft",
            "title": {
                "sl": "Kampanja ozaveščanja v lokalni skupnosti",
                "en": "Awareness campaign in the local community",
            },
            "description": illustrative(
                sl="načrt kampanje; udeleženci še niso vpisani.",
                en="the campaign's plan; no participants entered yet.",
            ),
            "start_date": D(2026, 5, 4),
            "end_date": D(2026, 5, 29),
            "place": "Ljubljana",
            "country": "SI",
            **people(0, women=0),
        },
    ],
}
