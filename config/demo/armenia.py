"""Seed 000, Armenia. The coalition document names the network itself.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import DEMO_NOTE, illustrative, people

D = datetime.date
PROJECT = "social-partnership-and-education"
SAEC, ALLL = "Sisian Adult Education Center Foundation", "Armenian Lifelong Learning League Union of Legal Entities"

SEED = {
    "network": {
        "name": "Partnership for Education Promotion Network",
        "acronym": "PEP",
        "slug": "pep",
        "countries": ["AM"],
        "languages": ["hy", "en"],
        "language": "en",  # the texts below are the English ones
        "colour": "#1f5f8b",
        "description": (
            "The Coalition of “Partnership for Education Promotion” civil society organizations is "
            "implementing the “Social Partnership and Education: Community-based Opportunities for Young "
            "People” project funded by the “Commitment to Constructive Dialogue” project financed by the "
            "European Union.\n"
            "Members of Coalition are Partnership and Teaching/P&T NGO, Global Development "
            "Foundation/GDF, «Sisian Adult Education Center Foundation /SAEC, Armenian Lifelong Learning "
            "League Union of Legal Entities/ ALLL"
        ),
        "founding_statement": (
            "- Highlighting the reforms and development issues in the field of education in Armenia,\n"
            "- With a view to promoting the involvement of organizations in decision-making processes "
            "through the development of cooperation with local self-government bodies and government "
            "agencies,\n"
            "- Being convinced that this participation will contribute to the formation of a unified "
            "position of organizations on the solution of educational issues,\n"
            "- Emphasizing the priorities of public policy development, advocacy and public "
            "participation in the education sector,\n"
            "Have considered advisable to come up with network collaboration and create Partnership for "
            "Education Promotion Network."
        ),
    },
    # "OBJECTIVES AND TASKS OF THE NETWORK", in the document's order.
    "objectives": [
        "Promote the role of CSOs in education as key actors in policy-making and dialogue-making "
        "processes on education reform",
        "To form a Social Partnership aimed at improving the career counseling system in the primary and "
        "secondary vocational education and training (VET) and labor market (LM) communication and "
        "general education schools in Armenia’s enlarged communities",
        "To contribute to the strengthening of VET and LM communication by forming a dialogue aimed at "
        "improving the career counseling system at community, regional and national levels at secondary "
        "schools",
        "To contribute to the development of mechanisms aimed at targeted and effective involvement of "
        "social partners and employers in the VET sector",
        "To assist in the establishment of network collaboration of VET institutions",
        "To support the further development of public-private partnership based on VET institutions and "
        "production training centers",
        "Assist in the development of a person’s professional orientation and career management system "
        "and relevant services",
        "To contribute to the introduction and development of professional orientation and career "
        "services in general education schools",
        "Develop cooperation between the LG and the state institutions and organizations to ensure the "
        "examination of normative legal acts, monitoring, surveys, surveys, and provision of them to the "
        "LG bodies and government agencies",
        "Develop recommendations package for VET reforms.",
    ],
    "tasks": [],
    "organisations": [
        {
            # The document does not say who coordinates; the first-listed member does in the demo.
            "name": "Partnership and Teaching",
            "acronym": "P&T",
            "kind": "ngo",
            "country": "AM",
            "role": "coordinator",
            "login": {"email": "coordinator@pep.demo.partnera.org", "full_name": "PEP Coordinator"},
        },
        {
            "name": "Global Development Foundation",
            "acronym": "GDF",
            "kind": "foundation",
            "country": "AM",
            "role": "member",
            "login": {"email": "member@pep.demo.partnera.org", "full_name": "PEP Member"},
        },
        {
            "name": "Sisian Adult Education Center Foundation",
            "acronym": "SAEC",
            "kind": "foundation",
            "country": "AM",
            "city": "Sisian",
            "role": "member",
        },
        {
            "name": "Armenian Lifelong Learning League Union of Legal Entities",
            "acronym": "ALLL",
            "kind": "ngo",
            "country": "AM",
            "role": "member",
        },
        {
            "name": "Demo observer organisation (PEP)",
            "kind": "ngo",
            "description": DEMO_NOTE + "an observer account.",
            "role": "observer",
            "login": {"email": "observer@pep.demo.partnera.org", "full_name": "PEP Observer"},
        },
    ],
    # The project the coalition implements. The document gives no dates, budget or objectives of the
    # project itself (the objectives above are the network's); "is implementing": active.
    "projects": [
        {
            "title": "Social Partnership and Education: Community-based Opportunities for Young People",
            "slug": "social-partnership-and-education",
            "status": "active",
            "countries": ["AM"],
            "language": "en",
            "summary": (
                "The Coalition of “Partnership for Education Promotion” civil society organizations is "
                "implementing the “Social Partnership and Education: Community-based Opportunities for "
                "Young People” project funded by the “Commitment to Constructive Dialogue” project "
                "financed by the European Union."
            ),
            # From the origin of the money down to this project.
            "funding_chain": [
                {"kind": "funder", "name": "European Union"},
                {"kind": "intermediary", "name": "Commitment to Constructive Dialogue"},
            ],
            # The four coalition members. The document names no lead, so all four are partners.
            "partners": [
                {"organisation": "Partnership and Teaching", "role": "partner"},
                {"organisation": "Global Development Foundation", "role": "partner"},
                {"organisation": "Sisian Adult Education Center Foundation", "role": "partner"},
                {"organisation": "Armenian Lifelong Learning League Union of Legal Entities", "role": "partner"},
            ],
        },
    ],
    # The activity log: illustrative entries, not facts (the document reports no activity). The project has
    # no numbered activities; the entries follow the network's objectives (career counselling, social
    # partnership, cooperation with local self-government). Logged by P&T's demo coordinator or GDF's demo
    # member; the places are ours. One waits for the coordinator, one is a draft.
    "entries": [
        {
            "project": PROJECT,
            "kind": "meeting",
            "by": "coordinator",
            "title": "Meeting with the local self-government of Sisian on career counselling in schools",
            "description": illustrative(
                en="the community's education department and school directors "
                "discussed a career counselling service for the enlarged community."
            ),
            "start_date": D(2025, 3, 14),
            "end_date": D(2025, 3, 14),
            "place": "Sisian",
            "country": "AM",
            **people(14, women=8, ages=(0, 1, 12, 1)),
            "partners": [SAEC],
        },
        {
            "project": PROJECT,
            "kind": "training",
            "by": "member",
            "title": "Training for career counsellors of general education schools",
            "description": illustrative(
                en="two days on guidance interviews and on the local labour market for teachers who counsel pupils."
            ),
            "start_date": D(2025, 4, 22),
            "end_date": D(2025, 4, 23),
            "place": "Yerevan",
            "country": "AM",
            **people(25, women=21, ages=(0, 4, 21, 0)),
            "partners": [ALLL],
        },
        {
            "project": PROJECT,
            "kind": "study_or_survey",
            "by": "coordinator",
            "title": "Survey of career services in secondary schools",
            "description": illustrative(
                en="a questionnaire to school directors and counsellors; the participants are the respondents."
            ),
            "start_date": D(2025, 5, 5),
            "end_date": D(2025, 6, 30),
            "place": "Online",
            "country": "AM",
            **people(120, women=88, other=2, ages=(0, 11, 104, 5)),
            "partners": ["Global Development Foundation", ALLL],
        },
        {
            "project": PROJECT,
            "kind": "workshop",
            "by": "member",
            "title": "Dialogue workshop of VET institutions and employers",
            "description": illustrative(
                en="VET colleges and employers of the region on how employers can "
                "take part in training and counselling."
            ),
            "start_date": D(2025, 6, 18),
            "end_date": D(2025, 6, 18),
            "place": "Sisian",
            "country": "AM",
            **people(30, women=14, ages=(0, 5, 24, 1), disabilities=1),
            "partners": [SAEC],
        },
        {
            "project": PROJECT,
            "kind": "advocacy_meeting",
            "by": "member",
            "status": "submitted",
            "title": "Presentation of the draft recommendations package for VET reforms",
            "description": illustrative(
                en="the coalition presented its draft recommendations to representatives of government agencies."
            ),
            "start_date": D(2025, 10, 9),
            "end_date": D(2025, 10, 9),
            "place": "Yerevan",
            "country": "AM",
            **people(16, women=9, ages=(0, 0, 16, 0)),
            "partners": ["Partnership and Teaching", SAEC, ALLL],
        },
        {
            "project": PROJECT,
            "kind": "campaign_action",
            "by": "member",
            "status": "draft",
            "title": "Community forum on career opportunities for young people",
            "description": illustrative(
                en="a forum for young people and parents; the numbers are still being counted."
            ),
            "start_date": D(2026, 2, 20),
            "end_date": D(2026, 2, 20),
            "place": "Sisian",
            "country": "AM",
            **people(60, women=33, ages=(35, 15, 10, 0)),
        },
    ],
}
