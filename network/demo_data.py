"""Demo content for `manage.py load_demo`, as plain data.

One network per seed document (see ARCHITECTURE.md). Texts are copied verbatim from the documents, in
their own language and spelling, typos included ("surveys, surveys", "nawiązania", "20269",
"NATIONALASSOCIATION"); the only edit is dropping the "- ", "• " bullets and the "," / ";" that end
list items. Where a document describes a project rather than a network, the partnership it describes is
modelled as the network; its name and slug are then ours (see the comment on each entry).

Everything not in a document is marked as demo data: organisations whose name starts with "Demo", the
accounts under demo.partnera.org, and the role given to an organisation where the document does not
say who coordinates (noted next to it). Countries and cities are set only where the document or the
organisation's own name makes them certain; otherwise they stay blank. The same holds for the projects,
agreement and news post each document describes: what a required field needs and the document does not
give (a title, a site's name, a result's level) is ours and said so in a comment; dates, numbers and
amounts are only the documents' own. tests/network/seed_facts.py lists where each fact shows.

Shape (advocacy outputs will be one more key next to these):

    NETWORKS = [{
        "network": {...Network fields, passed to network.services.network_create...},
        "objectives": [...], "tasks": [...],   # ordered, as the document lists them
        "organisations": [{
            ...Organisation fields (members.services.ORGANISATION_FIELDS)...,
            "role": "coordinator" | "member" | "observer",  # the active membership
            "login": {"email": ..., "full_name": ...},        # optional demo account (org admin)
        }],
        "projects": [...],     # dicts for projects.services.project_import ("slug" required: it finds
                               # the project on a second run); loaded by projects/demo.py
        "agreements": [...],   # dicts for network.services.agreement_import (found again by title)
        "news": [{...NewsPost fields..., "agreement": "<title of an agreement above>"}],  # by title + date
    }]

All content is written by the network's coordinator with a login, after every network exists.

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
        # The project the document describes, with its Slovenian text and the English one. The document has
        # no title: the demo uses the words naming its ultimate goal ("modela sodelovanja med šolami in NVO"
        # / "a cooperation model between schools and CSOs"). No dates, budget or partners are given, so the
        # status is the model's default ("planned"). The key activities are the four listed in the
        # summary, as headings (Slovenian in the nominative; the sentence itself stays in the summary).
        "projects": [
            {
                "title": "Model sodelovanja med šolami in NVO",
                "slug": "model-sodelovanja",
                "countries": ["SI"],
                "language": "sl",
                "translation_language": "en",
                "title_translation": "Cooperation model between schools and CSOs",
                "summary": (
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
                "summary_translation": (
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
                "objectives": {
                    "overall": [
                        {
                            "text": "Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, ki temelji na "
                            "človekovih pravicah, vključevanju in vrednotah demokracije.",
                            "text_translation": "The ultimate goal is to establish a cooperation model between "
                            "schools and CSOs based on human rights, inclusion, and democratic values.",
                        },
                    ],
                },
                "components": [
                    {
                        "kind": "key_activity",
                        "title": 'Izvedba raziskave o "diskriminatornih" oz. slabih praksah',
                        "title_translation": "Conducting a study on “discriminatory” or poor practices",
                    },
                    {
                        "kind": "key_activity",
                        "title": "Usposabljanje NVO za spremljanje in poročanje",
                        "title_translation": "Providing training for CSOs on monitoring and reporting",
                    },
                    {
                        "kind": "key_activity",
                        "title": "Kampanja ozaveščanja za šole in lokalno skupnost",
                        "title_translation": "Running an awareness campaign targeting schools and local communities",
                    },
                    {
                        "kind": "key_activity",
                        "title": "Ciljno usmerjene zagovorniške aktivnosti",
                        "title_translation": "Implementing targeted advocacy activities",
                    },
                ],
                # "Kaj bomo dosegli" / "Expected results", in order. The levels are ours: the document does
                # not classify them (the model and the official proposal are products, the rest changes).
                "results": [
                    {
                        "level": "outcome",
                        "title": "Večje razumevanje in priznanje vloge NVO v karierni vzgoji s strani šol.",
                        "title_translation": "Increased understanding and recognition by schools of the role of "
                        "CSOs in career guidance.",
                    },
                    {
                        "level": "outcome",
                        "title": "Okrepljene zagovorniške in komunikacijske kapacitete NVO; s tem povečana "
                        "pripravljenost šolskih institucij za sodelovanje z NVO pri vsebinah karierne vzgoje.",
                        "title_translation": "Strengthened advocacy and communication capacities of CSOs, "
                        "resulting in greater willingness among schools to collaborate with CSOs in the field of "
                        "career education.",
                    },
                    {
                        "level": "output",
                        "title": "Jasno definiran model sodelovanja med šolami in NVO, Vzpostavljen model "
                        "sodelovanja med NVO in šolami na področju karierne vzgoje, ki vključuje sistemske "
                        "rešitev.",
                        "title_translation": "A clearly defined and operational model of cooperation between "
                        "schools and CSOs in the field of career guidance, including systemic solutions.",
                    },
                    {
                        "level": "output",
                        "title": "Uradni predlog za MVI in urad za mladino z jasnimi smernicami za vključevanje "
                        "NVO v sistem karierne vzgoje.",
                        "title_translation": "An official proposal for the Ministry of Education and the Office "
                        "for Youth with clear guidelines for integrating CSOs into the career guidance system.",
                    },
                    {
                        "level": "outcome",
                        "title": "Opolnomočene NVO za kakovostno sodelovanje s šolami ter za sistemsko "
                        "zagovorništvo in šole za bolj enakovredno sodelovanje.",
                        "title_translation": "Empowered CSOs for quality collaboration with schools, as well as "
                        "empowered schools for more equal partnership with CSOs.",
                    },
                ],
                # The two institutions the official proposal (result 4) is addressed to. The document names
                # no partner; Partnera has no "addressed institution" role for projects (advocacy outputs
                # will), so they are associated partners and the note says what they really are. The
                # document calls them "MVI" / "Ministry of Education" and "urad za mladino" / "Office for
                # Youth"; the ministry's full name expands its acronym.
                "partners": [
                    {
                        "organisation": "Ministrstvo za vzgojo in izobraževanje",
                        "role": "associated",
                        "note": "Naslovnik uradnega predloga (MVI) / Addressee of the official proposal "
                        "(Ministry of Education); the document does not name it a partner.",
                        "organisation_details": {"acronym": "MVI", "kind": "ministry", "country": "SI"},
                    },
                    {
                        "organisation": "Urad za mladino",
                        "role": "associated",
                        "note": "Naslovnik uradnega predloga / Addressee of the official proposal (Office for "
                        "Youth); the document does not name it a partner.",
                        "organisation_details": {"kind": "government_agency", "country": "SI"},
                    },
                ],
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
        # The agreement the news item reports. Its title is ours (the item calls it "umowa partnerska" and
        # names the partnership in its headline); everything else is the item's. The seven areas are
        # verbatim, without the commas that end the list items. It ended on 30 June 2022.
        "agreements": [
            {
                "title": "Umowa partnerska – Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez "
                "całe życie",
                # "… to główny cel partnerstwa".
                "purpose": "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji oraz propagowanie idei "
                "uczenia się przez całe życie w województwie podkarpackim",
                # As the item words it ("nawiązania w ramach projektu pn.: …").
                "framework": "projektu pn.: „Wsparcie rozwoju ZSK w szczególności na poziomie regionalnym poprzez "
                "wdrażanie rozwiązań i inicjatyw skierowanych do użytkowników końcowych systemu – ZSK 4” "
                "realizowanego przez Instytut Badań Edukacyjnych w Warszawie w ramach Programu Operacyjnego Wiedza "
                "Edukacja Rozwój",
                "signed_on": datetime.date(2020, 12, 8),
                "signed_in": "Rzeszów",
                "valid_until": datetime.date(2022, 6, 30),
                "parties": [
                    {"organisation": "Instytut Badań Edukacyjnych", "role": "Lider Partnerstwa"},
                    {"organisation": "Kuratorium Oświaty w Rzeszowie", "role": "Partner Wiodący"},
                    {"organisation": "Podkarpackie Centrum Mediacji", "role": "Partner Biznesowy"},
                ],
                # Katarzyna Wielguszewska signed as "przedstawiciel Instytutu Badań Edukacyjnych": no title.
                "signatories": [
                    {"name": "Katarzyna Wielguszewska", "title": "", "organisation": "Instytut Badań Edukacyjnych"},
                    {
                        "name": "Małgorzata Rauch",
                        "title": "Podkarpacka Kurator Oświaty",
                        "organisation": "Kuratorium Oświaty w Rzeszowie",
                    },
                    {"name": "Wiesław Pałka", "title": "Prezes", "organisation": "Podkarpackie Centrum Mediacji"},
                ],
                "areas": [
                    "upowszechnianie idei uczenia się przez całe życie – Lifelong Learning (LLL) i rozwiązań "
                    "Zintegrowanego Systemu Kwalifikacji (ZSK) poprzez organizowanie wydarzeń, konferencji, "
                    "seminariów, prelekcji",
                    "inicjowanie, konsultowanie i wspieranie procesu opisu oraz włączania kwalifikacji rynkowych",
                    "prowadzenie działań stymulujących przyrost liczby kwalifikacji rynkowych oraz zwiększenie "
                    "liczby Instytucji Certyfikujących w regionie",
                    "sieciowanie i wymiana doświadczeń z podmiotami działającymi w sferze edukacji oraz rynku pracy, "
                    "w szczególności w zakresie tematyki dotyczącej podnoszenia kompetencji i zdobywania "
                    "kwalifikacji",
                    "pilotaż modelowych rozwiązań systemowych na rzecz uczenia się przez całe życie poprzez "
                    "wdrożenie rozwiązań ZSK na poziomie regionalnym i lokalnym",
                    "prowadzenie badań i analiz regionalnych w zakresie zapotrzebowania na kwalifikacje",
                    "sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi.",
                ],
            },
        ],
        # The news item itself, verbatim, from its first paragraph to the signature (without the sharing
        # buttons of the page it was copied from). "agreement" names the agreement above by its title.
        "news": [
            {
                "title": "Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie nawiązane",
                "published_on": datetime.date(2020, 12, 15),
                "agreement": "Umowa partnerska – Podkarpackie partnerstwo strategiczne na rzecz uczenia się "
                "przez całe życie",
                "body": (
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
                    "Swoje podpisy na umowie partnerskiej, oprócz przedstawiciela Instytutu Badań Edukacyjnych – "
                    "Katarzyny Wielguszewskiej, złożyli: Podkarpacka Kurator Oświaty – Małgorzata Rauch oraz "
                    "Prezes Podkarpackiego Centrum Mediacji – Wiesław Pałka.\n"
                    "\n"
                    "W ramach współpracy Partnerzy przewidują podjęcie działań w następujących obszarach:\n"
                    "\n"
                    "1. upowszechnianie idei uczenia się przez całe życie – Lifelong Learning (LLL) i rozwiązań "
                    "Zintegrowanego Systemu Kwalifikacji (ZSK) poprzez organizowanie wydarzeń, konferencji, "
                    "seminariów, prelekcji,\n"
                    "2. inicjowanie, konsultowanie i wspieranie procesu opisu oraz włączania kwalifikacji "
                    "rynkowych,\n"
                    "3. prowadzenie działań stymulujących przyrost liczby kwalifikacji rynkowych oraz zwiększenie "
                    "liczby Instytucji Certyfikujących w regionie,\n"
                    "4. sieciowanie i wymiana doświadczeń z podmiotami działającymi w sferze edukacji oraz rynku "
                    "pracy, w szczególności w zakresie tematyki dotyczącej podnoszenia kompetencji i zdobywania "
                    "kwalifikacji,\n"
                    "5. pilotaż modelowych rozwiązań systemowych na rzecz uczenia się przez całe życie poprzez "
                    "wdrożenie rozwiązań ZSK na poziomie regionalnym i lokalnym,\n"
                    "6. prowadzenie badań i analiz regionalnych w zakresie zapotrzebowania na kwalifikacje,\n"
                    "7. sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi.\n"
                    "\n"
                    "Niniejsza współpraca została nawiązania w ramach projektu pn.: „Wsparcie rozwoju ZSK w "
                    "szczególności na poziomie regionalnym poprzez wdrażanie rozwiązań i inicjatyw skierowanych "
                    "do użytkowników końcowych systemu – ZSK 4” realizowanego przez Instytut Badań Edukacyjnych "
                    "w Warszawie w ramach Programu Operacyjnego Wiedza Edukacja Rozwój. Umowa będzie "
                    "obowiązywała do 30 czerwca 2022 roku.\n"
                    "\n"
                    "Partnerzy:\n"
                    "\n"
                    "Instytut Badań Edukacyjnych – Lider Partnerstwa\n"
                    "Kuratorium Oświaty w Rzeszowie – Partner Wiodący\n"
                    "Podkarpackie Centrum Mediacji – Partner Biznesowy\n"
                    "\n"
                    "Podkarpacki Kurator Oświaty\n"
                    "Małgorzata Rauch"
                ),
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
                                "title": "Improvement of institutional & human resource capacity of selected VET "
                                "providers",
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
                                "title": "Strengthening of capacity building of national VET institutions and "
                                "providers",
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
