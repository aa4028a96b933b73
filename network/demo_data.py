"""Demo content for `manage.py load_demo`, as plain data.

One network per seed document (see ARCHITECTURE.md). Texts are copied verbatim from the documents, in
their own language and spelling, typos included ("surveys, surveys", "nawiązania", "20269",
"NATIONALASSOCIATION"); the only edit is dropping the "- ", "• " bullets and the "," / ";" that end
list items. Where a document describes a project rather than a network, the partnership it describes is
modelled as the network; its name and slug are then ours (see the comment on each entry).

Everything not in a document is marked as demo data: organisations whose name starts with "Demo", the
accounts under demo.partnera.org, and the role given to an organisation where the document does not
say who coordinates (noted next to it). Countries and cities are set only where the document or the
organisation's own name makes them certain; otherwise they stay blank.

Shape, so later issues can add keys (projects, agreements, advocacy outputs) next to these:

    NETWORKS = [{
        "network": {...Network fields, passed to network.services.network_create...},
        "objectives": [...], "tasks": [...],   # ordered, as the document lists them
        "organisations": [{
            ...Organisation fields (members.services.ORGANISATION_FIELDS)...,
            "role": "coordinator" | "member" | "observer",  # the active membership
            "login": {"email": ..., "full_name": ...},        # optional demo account (org admin)
        }],
    }]

Exactly one organisation per network is the coordinator with a login: it founds the network.
Organisations without a login are administered by DATA_STEWARD, an account that cannot log in.
"""

import datetime

DEMO_NOTE = "Demo data: this organisation is not in the source document; it exists so the demo has "

NETWORKS = [
    # 000: Armenia. The coalition document names the network itself.
    {
        "network": {
            "name": "Partnership for Education Promotion Network",
            "acronym": "PEP",
            "slug": "pep",
            "countries": ["AM"],
            "languages": ["hy", "en"],
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
    },
    # 001: Slovenia. The document describes a project of NGOs and schools on career education and names no
    # organisation; the network name and all three organisations are ours.
    {
        "network": {
            "name": "Partnerstvo NVO in šol za karierno vzgojo",
            "acronym": "",
            "slug": "karierna-vzgoja",
            "countries": ["SI"],
            "languages": ["sl", "en"],
            "colour": "#2e7d32",
            "description": (
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
                "državljanstva v vzgojno-izobraževalnem prostoru.\n"
                "\n"
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
            "founding_statement": "",
        },
        # One objective, in both languages (the objective model has no language field).
        "objectives": [
            "Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, ki temelji na človekovih "
            "pravicah, vključevanju in vrednotah demokracije. / The ultimate goal is to establish a "
            "cooperation model between schools and CSOs based on human rights, inclusion, and democratic "
            "values."
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
    },
    # 002: Poland. The news item names the partnership, its date, place, parties and signatories.
    {
        "network": {
            "name": "Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie",
            "acronym": "",
            "slug": "podkarpackie",
            "countries": ["PL"],
            "languages": ["pl"],
            "colour": "#b71c1c",
            "founded_on": datetime.date(2020, 12, 8),
            "founded_in": "Rzeszów",
            "description": (
                "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji oraz propagowanie idei "
                "uczenia się przez całe życie w województwie podkarpackim to główny cel partnerstwa "
                "podpisanego 8. grudnia 2020r. w Rzeszowie. Porozumienie zawarte zostało przez Instytut "
                "Badań Edukacyjnych, Kuratorium Oświaty w Rzeszowie oraz Podkarpackie Centrum Mediacji.\n"
                "\n"
                "Partnerstwo stanowi przypieczętowanie wspólnie prowadzonych już od dłuższego czasu "
                "inicjatyw na rzecz Zintegrowanego Systemu Kwalifikacji w regionie. Na szczególną uwagę "
                "zasługują działania dotyczące opracowania opisu kwalifikacji „Prowadzenie mediacji w "
                "oświacie” oraz jej wsparcia. Kwalifikacja została zgłoszona do Zintegrowanego Rejestru "
                "Kwalifikacji.\n"
                "\n"
                "Niniejsza współpraca została nawiązania w ramach projektu pn.: „Wsparcie rozwoju ZSK w "
                "szczególności na poziomie regionalnym poprzez wdrażanie rozwiązań i inicjatyw skierowanych "
                "do użytkowników końcowych systemu – ZSK 4” realizowanego przez Instytut Badań Edukacyjnych "
                "w Warszawie w ramach Programu Operacyjnego Wiedza Edukacja Rozwój. Umowa będzie "
                "obowiązywała do 30 czerwca 2022 roku."
            ),
            "founding_statement": "",
        },
        # The main goal ("… to główny cel partnerstwa"). The seven areas of cooperation belong to the
        # partnership agreement (a later issue), not here.
        "objectives": [
            "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji oraz propagowanie idei uczenia "
            "się przez całe życie w województwie podkarpackim",
        ],
        "tasks": [],
        "organisations": [
            {
                "name": "Instytut Badań Edukacyjnych",  # "Lider Partnerstwa"
                "acronym": "IBE",
                "kind": "university",
                "country": "PL",
                "city": "Warszawa",
                "role": "coordinator",
                # Signed the agreement for IBE.
                "login": {
                    "email": "coordinator@podkarpackie.demo.partnera.org",
                    "full_name": "Katarzyna Wielguszewska",
                },
            },
            {
                "name": "Kuratorium Oświaty w Rzeszowie",  # "Partner Wiodący"
                "kind": "government_agency",
                "country": "PL",
                "city": "Rzeszów",
                "role": "member",
                # Podkarpacki Kurator Oświaty, signatory.
                "login": {"email": "member@podkarpackie.demo.partnera.org", "full_name": "Małgorzata Rauch"},
            },
            {
                # "Partner Biznesowy" and a signatory: a full partner in reality. It holds the observer
                # role only so that the demo has an observer account without inventing an organisation.
                "name": "Podkarpackie Centrum Mediacji",
                "kind": "ngo",
                "country": "PL",
                "role": "observer",
                # Prezes, signatory.
                "login": {"email": "observer@podkarpackie.demo.partnera.org", "full_name": "Wiesław Pałka"},
            },
        ],
    },
    # 003: Kosovo and Albania. An Erasmus+ Capacity Building in VET project (101183414); its consortium is
    # the network. Partner names exactly as the document lists them.
    {
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
    },
    # 004: Azerbaijan. An EU-funded project implemented by UNDP with the State Agency; the network name is
    # the project's short title.
    {
        "network": {
            "name": "VET for the Future",
            "acronym": "",
            "slug": "vet-for-the-future",
            "countries": ["AZ"],
            "languages": ["az", "en"],
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
    },
]

# An NGO in no network, for trying journey 2 (sign up → organisation → request to join).
JOIN_DEMO = {
    "organisation": {
        "name": "Demo Youth NGO",
        "kind": "ngo",
        "description": "Demo data, not from any source document: an NGO that has joined no network yet, "
        "for trying the join journey.",
    },
    "login": {"email": "ngo@demo.partnera.org", "full_name": "Demo NGO Admin"},
}

# A staff superuser for the Django admin.
STAFF_LOGIN = {"email": "admin@demo.partnera.org", "full_name": "Partnera Admin"}

# Administers the seed organisations that have no demo account of their own (every organisation needs
# an admin, and only an organisation's admin can accept an invitation for it). It cannot log in.
DATA_STEWARD = {"email": "demo-data@demo.partnera.org", "full_name": "Partnera demo data (no login)"}
