"""Seed 003, Kosovo and Albania. An Erasmus+ Capacity Building in VET project (101183414); its consortium is the
network. Partner names exactly as the document lists them.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import DEMO_NOTE

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
            ],
        },
    ],
}
