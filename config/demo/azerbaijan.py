"""Seed 004, Azerbaijan. An EU-funded project implemented by UNDP with the State Agency; the network name is the
project's short title.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network). See config/demo/__init__.py.
"""

SEED = {
    "network": {
        "name": "VET for the Future",
        "acronym": "",
        "slug": "vet-for-the-future",
        "countries": ["AZ"],
        "languages": ["az", "en"],
        "language": "en",  # the texts below are the English ones
        "colour": "#0468b1",
        "description": (
            "The project “VET for the Future: development of VET providers’ excellence in Azerbaijan” is "
            "intended to support the modernisation of vocational education and training (VET) "
            "institutions in Azerbaijan to deliver competence-based training in order to increase the "
            "attractiveness and labour market relevance of VET. Project activities will be piloted in "
            "seven VET schools/centers (four in Baku and three in the regions - Ganja, Jalilabad and "
            "Sheki). The selected schools are priority for the Ministry of Science and Education and "
            "have been selected based on factors such as labour market relevance, scaling up VET "
            "priority sectors for country development, private sector interest and the existence of "
            "required infrastructure. The project’s initiatives/activities will promote public-private "
            "cooperation and partnership in the field of work-based learning; build robust capacity of "
            "the VET institutions to offer new educational content; and boost the attractiveness of VET "
            "education for young people. The best practices derived through this project in the targeted "
            "locations will be later further replicated in other regions.\n"
            "The project is fully financed by the European Union and implemented by UNDP together with "
            "the State Agency on Vocational Education."
        ),
        "founding_statement": "",
    },
    # The overall objective.
    "objectives": [
        "The project’s main goal is to support the Government of Azerbaijan in strengthening the quality "
        "of the VET system by modernising institutions to deliver competence-based training suited to "
        "the needs of the labour market.",
    ],
    "tasks": [],
    "organisations": [
        {
            "name": "United Nations Development Programme",
            "acronym": "UNDP",
            "kind": "international",
            "role": "coordinator",  # implements the project
            "login": {
                "email": "coordinator@vet-for-the-future.demo.partnera.org",
                "full_name": "VET for the Future Coordinator",
            },
        },
        {
            "name": "State Agency on Vocational Education",
            "kind": "government_agency",
            "country": "AZ",
            "role": "member",  # implements the project with UNDP
            "login": {
                "email": "member@vet-for-the-future.demo.partnera.org",
                "full_name": "VET for the Future Member",
            },
        },
        {
            "name": "European Union",
            "kind": "donor",
            "role": "observer",  # finances the project
            "login": {
                "email": "observer@vet-for-the-future.demo.partnera.org",
                "full_name": "VET for the Future Observer",
            },
        },
        {
            "name": "Ministry of Science and Education of the Republic of Azerbaijan",
            "kind": "ministry",
            "country": "AZ",
            "role": "observer",  # chose the pilot schools; not an implementer
        },
    ],
    # The project. The document gives no dates, budget or status (the model's default, "planned", stays).
    # Its seven pilot schools/centres are not named: the demo numbers them. The roles are the document's
    # ("fully financed by the European Union and implemented by UNDP together with the State Agency");
    # the ministry, for which the selected schools are a priority, is an associated partner.
    "projects": [
        {
            "title": "VET for the Future: development of VET providers’ excellence in Azerbaijan",
            "slug": "vet-for-the-future",
            "countries": ["AZ"],
            "language": "en",
            "summary": (
                "The Government of Azerbaijan has recognised the importance of developing the VET system in "
                "the “Strategic Roadmap for Vocational Education and Training,” “Strategic Roadmap on SME "
                "development” (approved in 2016) and many other government programmes. The general "
                "objective of these policy documents is to reform Azerbaijan’s VET system and lead to better "
                "results through improvements in infrastructure, educational content, professional "
                "capacity, recognition of prior learning, internal quality assurance and social "
                "partnerships (including public-private partnerships).\n"
                "\n"
                "The project “VET for the Future: development of VET providers’ excellence in Azerbaijan” is "
                "intended to support the modernisation of vocational education and training (VET) "
                "institutions in Azerbaijan to deliver competence-based training in order to increase the "
                "attractiveness and labour market relevance of VET. Project activities will be piloted in "
                "seven VET schools/centers (four in Baku and three in the regions - Ganja, Jalilabad and "
                "Sheki). The selected schools are priority for the Ministry of Science and Education and "
                "have been selected based on factors such as labour market relevance, scaling up VET "
                "priority sectors for country development, private sector interest and the existence of "
                "required infrastructure. The project’s initiatives/activities will promote public-private "
                "cooperation and partnership in the field of work-based learning; build robust capacity of "
                "the VET institutions to offer new educational content; and boost the attractiveness of VET "
                "education for young people. The best practices derived through this project in the "
                "targeted locations will be later further replicated in other regions.\n"
                "\n"
                "The project is fully financed by the European Union and implemented by UNDP together with "
                "the State Agency on Vocational Education."
            ),
            "funding_chain": [{"kind": "funder", "name": "European Union"}],
            "partners": [
                {"organisation": "European Union", "role": "funder"},
                {"organisation": "United Nations Development Programme", "role": "implementing"},
                {"organisation": "State Agency on Vocational Education", "role": "implementing"},
                {
                    "organisation": "Ministry of Science and Education of the Republic of Azerbaijan",
                    "role": "associated",
                    "note": "The selected schools are priority for the Ministry of Science and Education.",
                },
            ],
            # "Specific objectives" is empty in the document.
            "objectives": {
                "overall": [
                    "The project’s main goal is to support the Government of Azerbaijan in strengthening the "
                    "quality of the VET system by modernising institutions to deliver competence-based "
                    "training suited to the needs of the labour market.",
                ],
            },
            # Pillars 1–3 and the horizontal measures, whose activities the document numbers 4.1–4.4.
            "components": [
                {
                    "kind": "pillar",
                    "title": "Introduction of innovations in the target group of selected VET providers",
                    "activities": [
                        {
                            "code": "1.1",
                            "title": "Improvement of institutional & human resource capacity of selected VET providers",
                        },
                        {
                            "code": "1.2",
                            "title": "Introduction of innovative VET services into selected VET providers",
                        },
                        {
                            "code": "1.3",
                            "title": "Improvement of financial management and cooperation with private sector "
                            "by selected VET providers",
                        },
                        {
                            "code": "1.4",
                            "title": "Strengthening of career guidance services in selected VET providers",
                        },
                        {"code": "1.5", "title": "Skills Development through digitalisation and online training"},
                    ],
                },
                {
                    "kind": "pillar",
                    "title": "Infrastructure and equipment modernisation in selected VET providers",
                    "activities": [
                        {
                            "code": "2.1",
                            "title": "Procurement of infrastructure, equipment and supplies to support new "
                            "educational content (including programmes for PwDs), support activities and "
                            "establishment of small-scale workshops",
                        },
                        {
                            "code": "2.2",
                            "title": "Procurement of infrastructure, equipment and supplies to support the "
                            "business development and establishment of learning factories in selected VET "
                            "providers",
                        },
                        {
                            "code": "2.3",
                            "title": "Procurement of infrastructure, equipment and supplies to mitigate the "
                            "negative impact of COVID-19",
                        },
                        {"code": "2.4", "title": "Introduction of digital innovations in selected VET providers"},
                    ],
                },
                {
                    "kind": "pillar",
                    "title": "Development of networking and capacity building for all VET providers in Azerbaijan",
                    "activities": [
                        {"code": "3.1", "title": "Strengthening of national coordination of VET"},
                        {
                            "code": "3.2",
                            "title": "Strengthening of capacity building of national VET institutions and providers",
                        },
                    ],
                },
                {
                    "kind": "component",
                    "title": "Horizontal measures to support system delivery",
                    "activities": [
                        {
                            "code": "4.1",
                            "title": "Support of the Communication Department of the State Agency on Vocational "
                            "Education in developing effective communications and boosting the "
                            "attractiveness of VET",
                        },
                        {
                            "code": "4.2",
                            "title": "Support of the State Agency on Vocational Education in organising National "
                            "Skills Competitions and participating in International Skills Competitions",
                        },
                        {
                            "code": "4.3",
                            "title": "Support of the piloting of competitive financing mechanism to provide "
                            "small grants to VET providers",
                        },
                        {
                            "code": "4.4",
                            "title": "Support pilot actions to engage youth in VET under the leadership of the "
                            "State Agency on Vocational Education",
                        },
                    ],
                },
            ],
            "sites": [
                {"name": "Pilot VET school/center 1", "city": "Baku", "country": "AZ"},
                {"name": "Pilot VET school/center 2", "city": "Baku", "country": "AZ"},
                {"name": "Pilot VET school/center 3", "city": "Baku", "country": "AZ"},
                {"name": "Pilot VET school/center 4", "city": "Baku", "country": "AZ"},
                {"name": "Pilot VET school/center 5", "city": "Ganja", "country": "AZ"},
                {"name": "Pilot VET school/center 6", "city": "Jalilabad", "country": "AZ"},
                {"name": "Pilot VET school/center 7", "city": "Sheki", "country": "AZ"},
            ],
        },
    ],
}
