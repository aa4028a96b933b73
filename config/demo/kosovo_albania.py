"""Seed 003, Kosovo and Albania. An Erasmus+ Capacity Building in VET project (101183414); its consortium is the
network. Partner names exactly as the document lists them.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import DEMO_NOTE, EUROPEAN_UNION, illustrative, people

D = datetime.date
KAMEZ = "SHKOLLA E MESME PROFESIONALE KAMEZ"
AGENCY_XK = "Agency for Vocational Education and Training and Adult Education"
MINISTRY_XK = "Ministry of Education Science Technology and Innovation in Republic of Kosovo"
SKILLS_AL = "SHOQATES ALBANIAN SKILLS- NATIONALASSOCIATION FOR SKILLS COMPETITIONS"
MANAGERS, TEACHERS, PROVIDERS = "Mobilities Managers", "VET Teachers/Trainers and Staff", "VET Providers"
LEARNERS = "VET Learners"
AUTHORITIES = "Public authorities (Ministries of Education, local administration etc.)"
POLICYMAKERS = "Regional/EU/WB policymakers in the field of VET"
MOOC = "MOOC Platform"
GUIDEBOOK = "Guidebook for Set-Up and Operation of the International Offices"
METHODOLOGY = "Comprehensive Methodology for Project Management, R&D, and International Networking & Cooperation"

SEED = {
    "network": {
        "name": "Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
        "acronym": "ALLIANCE",
        "slug": "alliance",
        "countries": ["XK", "AL", "SK", "GR", "DE"],
        "languages": ["en", "sq"],
        "colour": "#003399",
        "description": (
            "ALLIANCE project aims to the creation of Offices for Projects and International Cooperation "
            "in beneficiary VET schools in Kosovo and Albania. This will allow us to utilize at a full "
            "scale the tools and training material for mobility managers that have been developed under "
            "the framework of previous pilot projects, where partners of our project have been involved."
        ),
        "founding_statement": "",
    },
    # "Objectives of the project".
    "objectives": [
        "Building Capacity of VET Providers for Stakeholder Cooperation: The project seeks to establish "
        "Offices for Project Management and International Cooperation in VET schools",
        "Improving Quality and Responsiveness of VET: The project’s focus on enhancing the alignment of "
        "VET curricula with European and international standards and providing upskilling training for "
        "VET staff in project management, R&D, and international networking directly contributes to "
        "improving the quality and responsiveness of VET education.",
        "Alignment VET Provision with Development Strategies: The proposal contributes national "
        "development strategies of the beneficiary countries. For instance, it supports Kosovo’s "
        "Strategy of Education 2022 20269 and more specifically the specific objectives 3.3. & 3.5 that "
        "foresee actions to increase the internationalization of VET institutions and programs.",
    ],
    "tasks": [],
    "organisations": [
        {
            "name": "EVBB",  # hosts the project's e-learning platform (e learning.evbb.eu)
            "kind": "ngo",
            "role": "coordinator",
            "login": {
                "email": "coordinator@alliance.demo.partnera.org",
                "full_name": "ALLIANCE Coordinator",
            },
        },
        {"name": "AKMI", "kind": "vet_school", "country": "GR", "role": "member"},
        {"name": "BK CONSULT GmbH", "kind": "business", "role": "member"},
        # "O.E." is a Greek general partnership.
        {"name": "K MILIOS AND SIA OE", "kind": "business", "country": "GR", "role": "member"},
        # "SH.P.K." is used in both Kosovo and Albania: country left blank.
        {"name": "KPT SHPK", "kind": "business", "role": "member"},
        {
            "name": "SHOQATES ALBANIAN SKILLS- NATIONALASSOCIATION FOR SKILLS COMPETITIONS",
            "kind": "ngo",
            "country": "AL",
            "role": "member",
        },
        {
            "name": "SHKOLLA E MESME PROFESIONALE KAMEZ",
            "kind": "vet_school",
            "country": "AL",
            "city": "Kamëz",
            "role": "member",
            "login": {"email": "member@alliance.demo.partnera.org", "full_name": "ALLIANCE Member"},
        },
        {
            "name": "AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE",
            "kind": "government_agency",
            "country": "XK",
            "role": "member",
        },
        {
            # Kosovo's agency (AAAPARR); Albania's VET agency has another name.
            "name": "Agency for Vocational Education and Training and Adult Education",
            "kind": "government_agency",
            "country": "XK",
            "role": "member",
        },
        {
            "name": "Ministry of Education Science Technology and Innovation in Republic of Kosovo",
            "kind": "ministry",
            "country": "XK",
            "role": "member",
        },
        {
            "name": "Demo observer organisation (ALLIANCE)",
            "kind": "ngo",
            "description": DEMO_NOTE + "an observer account.",
            "role": "observer",
            "login": {"email": "observer@alliance.demo.partnera.org", "full_name": "ALLIANCE Observer"},
        },
    ],
    # The project itself. The document gives months, not days ("1/2025 - 12/2027 (36 Months)"): it runs
    # from the first day of its first month to the last day of its last, which gives its 36 months. The
    # countries are the three the document lists (not Kosovo and Albania, where the schools are). The
    # programme is the action the document names; Erasmus+ and the European Union, the programme and
    # funder of that action, are implied by the grant number and the "E+ Results Platform". EVBB, listed
    # first and hosting the course, is the lead. Running in 2025–2027: active.
    "projects": [
        {
            "title": "Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
            "acronym": "ALLIANCE",
            "slug": "alliance",
            "programme": "Capacity Building in VET",
            "reference": "101183414",
            "status": "active",
            "start_date": datetime.date(2025, 1, 1),
            "end_date": datetime.date(2027, 12, 31),
            "budget_amount": "399542.28",
            "budget_currency": "EUR",
            "countries": ["SK", "GR", "DE"],
            "language": "en",
            "summary": (
                "ALLIANCE project aims to the creation of Offices for Projects and International Cooperation "
                "in beneficiary VET schools in Kosovo and Albania. This will allow us to utilize at a full "
                "scale the tools and training material for mobility managers that have been developed "
                "under the framework of previous pilot projects, where partners of our project have been "
                "involved.\n"
                "\n"
                "The ALLIANCE project contributes to the call’s objectives as following:"
            ),
            "funding_chain": [
                {"kind": "funder", "name": "European Union"},
                {"kind": "programme", "name": "Erasmus+"},
            ],
            "objectives": {
                "specific": [
                    "Building Capacity of VET Providers for Stakeholder Cooperation: The project seeks to "
                    "establish Offices for Project Management and International Cooperation in VET schools",
                    "Improving Quality and Responsiveness of VET: The project’s focus on enhancing the "
                    "alignment of VET curricula with European and international standards and providing "
                    "upskilling training for VET staff in project management, R&D, and international "
                    "networking directly contributes to improving the quality and responsiveness of VET "
                    "education.",
                    "Alignment VET Provision with Development Strategies: The proposal contributes national "
                    "development strategies of the beneficiary countries. For instance, it supports Kosovo’s "
                    "Strategy of Education 2022 20269 and more specifically the specific objectives 3.3. & "
                    "3.5 that foresee actions to increase the internationalization of VET institutions and "
                    "programs.",
                ],
            },
            "results": [
                {
                    "level": "deliverable",
                    "title": "MOOC Platform",
                    "description": "The training course will be embedded in EVBB’s online training platform "
                    "(e learning.evbb.eu) and will be more probably maintained beyond the 5-year-period. A "
                    "link to ALLIANCE Training Course within EVBB’s platform will be provided in E+ Results "
                    "Platform.",
                    # Ours, not the document's (it names no indicator): two computed from the illustrative
                    # activity log, so the project page shows what the log feeds (approved trainings only).
                    "indicators": [
                        {
                            "name": "Illustrative: people trained on the ALLIANCE training course and its modules",
                            "unit": "people",
                            "source": "log",
                            "measure": "participants",
                            "entry_kind": "training",
                        },
                        {
                            "name": "Illustrative: women among them",
                            "unit": "women",
                            "source": "log",
                            "measure": "participants",
                            "entry_kind": "training",
                            "breakdown": "women",
                        },
                    ],
                },
                {
                    "level": "deliverable",
                    "title": "Guidebook for Set-Up and Operation of the International Offices",
                    "description": "This guidebook can be mainstreamed through the advocation of its adoption "
                    "by VET schools planning to establish their own International Offices. Additionally, it "
                    "could be used as a standard by national VET coordinating bodies when setting up "
                    "international cooperation frameworks within the VET system",
                },
                {
                    "level": "deliverable",
                    "title": "Comprehensive Methodology for Project Management, R&D, and International "
                    "Networking & Cooperation",
                    "description": "To mainstream this methodology, it can be incorporated into the curriculum "
                    "of VET teacher training programs and management training sessions for VET school "
                    "administrators.",
                },
            ],
            "needs": [
                "Necessary to support mobilities through institutional building activities, allowing mobility "
                "managers to operate in a structured environment that will allow them to fully deploy their "
                "potentials.",
                "Need to avoid disproportional development between Kosovo and Albania, allowing both "
                "countries to participate in mobilities in an equal way.",
                "Need to organize basic pedagogical training for all VET teachers and instructors.",
                "Need to boost continuing professional development (CPD) systems in Western Balkans",
                "Need to promote quality jobs and skills opportunities for all Albanian and Kosovo citizens "
                "throughout their lives",
                "Need for enhanced collaboration between educational providers and industry",
                "Need to implement the objectives of the EU Council Recommendation on VET of November 2020 "
                "and of the Osnabruck Declaration",
                "Need to establish monitoring and evaluation mechanisms for the implementation and impact of "
                "mobilities in the partnering countries",
            ],
            "target_groups": [
                "Mobilities Managers",
                "VET Teachers/Trainers and Staff",
                "VET Providers",
                "VET Learners",
                "Public authorities (Ministries of Education, local administration etc.)",
                "Regional/EU/WB policymakers in the field of VET",
            ],
            # The European Union, funder of the action (see the programme above), is its funder partner: the same
            # record as VET for the Future's (config.demo.common.SHARED_ORGANISATIONS).
            "partners": [
                {"organisation": "EVBB", "role": "lead"},
                {"organisation": "AKMI", "role": "partner"},
                {"organisation": "BK CONSULT GmbH", "role": "partner"},
                {"organisation": "K MILIOS AND SIA OE", "role": "partner"},
                {"organisation": "KPT SHPK", "role": "partner"},
                {
                    "organisation": "SHOQATES ALBANIAN SKILLS- NATIONALASSOCIATION FOR SKILLS COMPETITIONS",
                    "role": "partner",
                },
                {"organisation": "SHKOLLA E MESME PROFESIONALE KAMEZ", "role": "partner"},
                {"organisation": "AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE", "role": "partner"},
                {
                    "organisation": "Agency for Vocational Education and Training and Adult Education",
                    "role": "partner",
                },
                {
                    "organisation": "Ministry of Education Science Technology and Innovation in Republic of Kosovo",
                    "role": "partner",
                },
                {"organisation": EUROPEAN_UNION, "role": "funder"},
            ],
        },
    ],
    # The project's three deliverables as advocacy outputs, each the expected result it is, public: the guidebook,
    # the methodology and the training course on the MOOC platform ("ALLIANCE Training Course"). Titles and
    # summaries are the document's words; written by EVBB, the lead. Nothing is submitted to an institution yet.
    "outputs": [
        {
            "kind": "guidebook",
            "language": "en",
            "title": GUIDEBOOK,
            "summary": "This guidebook can be mainstreamed through the advocation of its adoption by VET schools "
            "planning to establish their own International Offices. Additionally, it could be used as a standard "
            "by national VET coordinating bodies when setting up international cooperation frameworks within "
            "the VET system",
            "visibility": "public",
            "project": "alliance",
            "result": GUIDEBOOK,
            "authors": ["EVBB"],
        },
        {
            "kind": "methodology",
            "language": "en",
            "title": METHODOLOGY,
            "summary": "To mainstream this methodology, it can be incorporated into the curriculum of VET teacher "
            "training programs and management training sessions for VET school administrators.",
            "visibility": "public",
            "project": "alliance",
            "result": METHODOLOGY,
            "authors": ["EVBB"],
        },
        {
            "kind": "training_course",
            "language": "en",
            "title": "ALLIANCE Training Course",
            "summary": "The training course will be embedded in EVBB’s online training platform (e learning.evbb.eu) "
            "and will be more probably maintained beyond the 5-year-period. A link to ALLIANCE Training Course "
            "within EVBB’s platform will be provided in E+ Results Platform.",
            "visibility": "public",
            "project": "alliance",
            "result": MOOC,
            "authors": ["EVBB"],
        },
    ],
    # The activity log: illustrative entries, not facts (the document reports no activity). The document
    # lists no work packages or numbered activities, so the entries belong to the project without a planned
    # activity; they follow its needs and expected results and name its target groups. Logged by EVBB's demo
    # coordinator or the Kamëz school's demo member; the places are ours. Mostly approved; two wait for the
    # coordinator, one was returned with a reason, one is a draft.
    "entries": [
        {
            "project": "alliance",
            "kind": "meeting",
            "by": "coordinator",
            "title": "Kick-off meeting of the ALLIANCE consortium",
            "description": illustrative(
                en="the partners agreed the work plan, the roles and the dates of the first year."
            ),
            "start_date": D(2025, 2, 12),
            "end_date": D(2025, 2, 13),
            "place": "Online",
            **people(24, women=13, ages=(0, 2, 22, 0)),
            "partners": [
                "AKMI",
                "BK CONSULT GmbH",
                "K MILIOS AND SIA OE",
                "KPT SHPK",
                SKILLS_AL,
                KAMEZ,
                "AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE",
                AGENCY_XK,
                MINISTRY_XK,
            ],
            "target_groups": [PROVIDERS],
        },
        {
            "project": "alliance",
            "kind": "study_or_survey",
            "by": "coordinator",
            "title": "Survey of VET schools' needs for international cooperation",
            "description": illustrative(
                en="an online questionnaire to VET schools in Kosovo and Albania on "
                "their experience with mobilities and EU projects; the participants "
                "are the respondents."
            ),
            "start_date": D(2025, 3, 3),
            "end_date": D(2025, 4, 30),
            "place": "Online",
            **people(87, women=49, other=3, ages=(0, 9, 76, 2)),
            "target_groups": [PROVIDERS, MANAGERS],
        },
        {
            "project": "alliance",
            "kind": "training",
            "by": "coordinator",
            "title": "Training of mobility managers in project management (module 1)",
            "description": illustrative(en="three days on planning, budgeting and reporting a mobility project."),
            "start_date": D(2025, 5, 20),
            "end_date": D(2025, 5, 22),
            "place": "Kamëz",
            "country": "AL",
            **people(18, women=11, ages=(0, 4, 14, 0)),
            "partners": [KAMEZ, "AKMI"],
            "target_groups": [MANAGERS, TEACHERS],
        },
        {
            "project": "alliance",
            "kind": "workshop",
            "by": "member",
            "title": "Workshop on setting up the Office for Projects and International Cooperation",
            "description": illustrative(
                en="the school's management and teachers planned the office's tasks, staff and first calls."
            ),
            "start_date": D(2025, 6, 17),
            "end_date": D(2025, 6, 17),
            "place": "Kamëz",
            "country": "AL",
            **people(15, women=9, ages=(0, 3, 12, 0)),
            "target_groups": [MANAGERS, PROVIDERS],
        },
        {
            "project": "alliance",
            "kind": "training",
            "by": "coordinator",
            "title": "Pilot run of the ALLIANCE training course on the MOOC platform",
            "description": illustrative(
                en="VET staff of the beneficiary schools took the first run of the online course and rated each module."
            ),
            "outcomes": "Illustrative: the modules rated lowest are revised before the course opens to all.",
            "start_date": D(2025, 9, 1),
            "end_date": D(2025, 10, 31),
            "place": "Online",
            **people(64, women=38, ages=(0, 12, 51, 1), disabilities=1),
            "target_groups": [TEACHERS, MANAGERS],
        },
        {
            "project": "alliance",
            "kind": "workshop",
            "by": "coordinator",
            "title": "Workshop on the guidebook for international offices with Kosovo VET schools",
            "description": illustrative(
                en="a draft of the guidebook tested with directors and mobility managers of Kosovo VET schools."
            ),
            "start_date": D(2025, 10, 8),
            "end_date": D(2025, 10, 8),
            "place": "Prishtina",
            "country": "XK",
            **people(22, women=10, ages=(0, 2, 20, 0)),
            "partners": [AGENCY_XK],
            "target_groups": [MANAGERS, PROVIDERS],
        },
        {
            "project": "alliance",
            "kind": "meeting",
            "by": "coordinator",
            "title": "Second meeting of the ALLIANCE consortium",
            "description": illustrative(en="progress of the offices, the course and the methodology."),
            "start_date": D(2025, 11, 18),
            "end_date": D(2025, 11, 19),
            "place": "Online",
            **people(21, women=12, ages=(0, 1, 20, 0)),
            "partners": ["AKMI", "BK CONSULT GmbH", KAMEZ, AGENCY_XK],
        },
        {
            "project": "alliance",
            "kind": "conference",
            "by": "coordinator",
            "title": "Dissemination event with public authorities and policymakers",
            "description": illustrative(
                en="the beneficiary schools presented their offices for projects and "
                "international cooperation to ministries and agencies."
            ),
            "start_date": D(2026, 3, 25),
            "end_date": D(2026, 3, 25),
            "place": "Tirana",
            "country": "AL",
            **people(70, women=36, other=1, ages=(0, 8, 60, 2)),
            "partners": [SKILLS_AL, MINISTRY_XK],
            "target_groups": [AUTHORITIES, POLICYMAKERS],
        },
        {
            "project": "alliance",
            "kind": "mobility",
            "by": "member",
            "status": "submitted",
            "title": "Job shadowing of mobility managers at a partner VET school in Greece",
            "description": illustrative(en="a week with the international office of the host school."),
            "start_date": D(2026, 4, 13),
            "end_date": D(2026, 4, 17),
            "place": "AKMI (host)",
            "country": "GR",
            **people(8, women=5, ages=(0, 2, 6, 0)),
            "partners": ["AKMI"],
            "target_groups": [MANAGERS],
        },
        {
            "project": "alliance",
            "kind": "training",
            "by": "member",
            "status": "submitted",
            "title": "Basic pedagogical training for VET teachers and instructors",
            "description": illustrative(en="two days for instructors who came to teaching from companies."),
            "start_date": D(2026, 5, 6),
            "end_date": D(2026, 5, 7),
            "place": "Kamëz",
            "country": "AL",
            **people(26, women=14, ages=(0, 6, 20, 0)),
            "target_groups": [TEACHERS],
        },
        {
            "project": "alliance",
            "kind": "meeting",
            "by": "member",
            "status": "returned",
            "title": "Meeting with local employers on learners' work placements",
            "description": illustrative(en="the school's office met companies offering placements to its learners."),
            "start_date": D(2026, 6, 9),
            "end_date": D(2026, 6, 9),
            "place": "Kamëz",
            "country": "AL",
            **people(12, women=0, other=12, ages=(0, 2, 10, 0)),
            "target_groups": [LEARNERS],
            "returned_reason": "Please give the participants by sex (all 12 are “other or not given” now) and "
            "say in the description which companies took part.",
        },
        {
            "project": "alliance",
            "kind": "workshop",
            "by": "member",
            "status": "draft",
            "title": "Review of the first year of the Office for Projects and International Cooperation",
            "description": illustrative(en="what the office did in its first year; to be completed."),
            "start_date": D(2026, 10, 20),
            "end_date": D(2026, 10, 20),
            "place": "Kamëz",
            "country": "AL",
            **people(10, women=6, ages=(0, 0, 0, 0)),
            "target_groups": [MANAGERS],
        },
    ],
}
