"""Seed 000, Armenia. The coalition document names the network itself.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network). See config/demo/__init__.py.
"""

from config.demo.common import DEMO_NOTE

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
}
