"""The facts of the five seed documents, and the public page of the demo that shows each one.

tests/network/test_seed_facts.py loads the demo, then reads every page below as an anonymous visitor
and looks for each fact in the page's visible text (tags removed, HTML entities decoded, whitespace
collapsed). A fact is written as the page renders it: dates, amounts and countries in the interface
language (English unless the page says otherwise), texts in the document's own language and spelling.

Pages are named by URL name and arguments. Objects without an address of their own are named by what
identifies them in the demo data: an agreement by its title, a news post by its title, an organisation
by its name (the test looks the id up).

    SEEDS = {"<seed>": {"pages": {"<page>": (url name, kwargs[, interface language])},
                        "facts": [("<page>", "fact"), …]}}
"""

AGREEMENT = "Umowa partnerska – Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie"
NEWS = "Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie nawiązane"
NEWS_EN = "Podkarpackie strategic partnership for lifelong learning established"  # the demo's translation, after it

SEEDS = {
    # ------------------------------------------------------------------------------------------------
    "000 Armenia: Partnership for Education Promotion Network": {
        "pages": {
            "network": ("network:detail", {"network_slug": "pep"}),
            "projects": ("projects:list", {"network_slug": "pep"}),
            "project": (
                "projects:detail",
                {"network_slug": "pep", "project_slug": "social-partnership-and-education"},
            ),
            "SAEC": ("members:organisation", {"pk": "Sisian Adult Education Center Foundation"}),
        },
        "facts": [
            ("network", "Partnership for Education Promotion Network (PEP)"),
            ("network", "Countries Armenia"),
            ("network", "The Coalition of “Partnership for Education Promotion” civil society organizations"),
            (
                "network",
                "Members of Coalition are Partnership and Teaching/P&T NGO, Global Development Foundation/GDF, "
                "«Sisian Adult Education Center Foundation /SAEC, Armenian Lifelong Learning League Union of "
                "Legal Entities/ ALLL",
            ),
            ("network", "- Highlighting the reforms and development issues in the field of education in Armenia,"),
            (
                "network",
                "- With a view to promoting the involvement of organizations in decision-making processes through "
                "the development of cooperation with local self-government bodies and government agencies,",
            ),
            (
                "network",
                "- Being convinced that this participation will contribute to the formation of a unified position "
                "of organizations on the solution of educational issues,",
            ),
            (
                "network",
                "- Emphasizing the priorities of public policy development, advocacy and public participation in "
                "the education sector,",
            ),
            (
                "network",
                "Have considered advisable to come up with network collaboration and create Partnership for "
                "Education Promotion Network.",
            ),
            # OBJECTIVES AND TASKS OF THE NETWORK, all ten.
            (
                "network",
                "Promote the role of CSOs in education as key actors in policy-making and dialogue-making processes "
                "on education reform",
            ),
            (
                "network",
                "To form a Social Partnership aimed at improving the career counseling system in the primary and "
                "secondary vocational education and training (VET) and labor market (LM) communication and general "
                "education schools in Armenia’s enlarged communities",
            ),
            (
                "network",
                "To contribute to the strengthening of VET and LM communication by forming a dialogue aimed at "
                "improving the career counseling system at community, regional and national levels at secondary "
                "schools",
            ),
            (
                "network",
                "To contribute to the development of mechanisms aimed at targeted and effective involvement of "
                "social partners and employers in the VET sector",
            ),
            ("network", "To assist in the establishment of network collaboration of VET institutions"),
            (
                "network",
                "To support the further development of public-private partnership based on VET institutions and "
                "production training centers",
            ),
            (
                "network",
                "Assist in the development of a person’s professional orientation and career management system and "
                "relevant services",
            ),
            (
                "network",
                "To contribute to the introduction and development of professional orientation and career services "
                "in general education schools",
            ),
            (
                "network",
                "Develop cooperation between the LG and the state institutions and organizations to ensure the "
                "examination of normative legal acts, monitoring, surveys, surveys, and provision of them to the LG "
                "bodies and government agencies",
            ),
            ("network", "Develop recommendations package for VET reforms."),
            # The four coalition members, with their acronyms, kinds and places.
            ("network", "Partnership and Teaching (P&T) NGO / civil society organisation Armenia"),
            ("network", "Global Development Foundation (GDF) Foundation Armenia"),
            ("network", "Sisian Adult Education Center Foundation (SAEC) Foundation Armenia, Sisian"),
            ("network", "Armenian Lifelong Learning League Union of Legal Entities (ALLL)"),
            ("SAEC", "Sisian Adult Education Center Foundation (SAEC) Kind Foundation Country Armenia City Sisian"),
            # The project, its funding chain and its partners.
            ("projects", "Social Partnership and Education: Community-based Opportunities for Young People Active"),
            ("project", "Social Partnership and Education: Community-based Opportunities for Young People"),
            (
                "project",
                "Funding European Union (funder) Commitment to Constructive Dialogue (intermediary project or fund) "
                "this project",
            ),
            ("project", "Countries Armenia"),
            (
                "project",
                "project funded by the “Commitment to Constructive Dialogue” project financed by the European Union.",
            ),
            ("project", "Partner Partnership and Teaching (P&T) · Armenia"),
            ("project", "Global Development Foundation (GDF) · Armenia"),
            ("project", "Sisian Adult Education Center Foundation (SAEC) · Armenia"),
            ("project", "Armenian Lifelong Learning League Union of Legal Entities (ALLL) · Armenia"),
        ],
    },
    # ------------------------------------------------------------------------------------------------
    "001 Slovenia: NGOs and schools in career education": {
        "pages": {
            "network": ("network:detail", {"network_slug": "karierna-vzgoja"}),
            "projects": ("projects:list", {"network_slug": "karierna-vzgoja"}),
            "project": ("projects:detail", {"network_slug": "karierna-vzgoja", "project_slug": "model-sodelovanja"}),
        },
        "facts": [
            ("network", "Partnerstvo NVO in šol za karierno vzgojo"),
            ("network", "Countries Slovenia"),
            ("network", "Languages Slovenian, English"),
            ("projects", "Model sodelovanja med šolami in NVO"),
            # Title and its English translation.
            ("project", "Model sodelovanja med šolami in NVO Cooperation model between schools and CSOs"),
            ("project", "Countries Slovenia"),
            # The Slovenian text…
            (
                "project",
                "Projekt se osredotoča na prepoznavanje in odpravljanje sistemske spregledanosti NVO v "
                "izobraževalnem okolju.",
            ),
            (
                "project",
                "To se zgodi zaradi nekritično izbranega ponudnika, hitro odločanje o ponudnikov, slabe promocije "
                "NVO, ki delujejo na kariernem svetovanju ali nenačrtno spregledanosti delovanja NVO na tem področju.",
            ),
            (
                "project",
                'Ključne aktivnosti vključujejo izvedbo raziskave o "diskriminatornih" oz. slabih praksah, '
                "usposabljanju NVO za spremljanje in poročanje, kampanjo ozaveščanja za šole in lokalno skupnost "
                "ter ciljno usmerjene zagovorniške aktivnosti.",
            ),
            (
                "project",
                "Projekt bo tako prispeval k večjemu razumevanju družbene vrednosti nevladnih organizacij ter "
                "krepitvi njihove vloge kot ključnih nosilcev demokracije, enakosti in aktivnega državljanstva v "
                "vzgojno-izobraževalnem prostoru.",
            ),
            # … and the English one.
            ("project", "In English The project focuses on identifying and addressing the systemic neglect of CSOs"),
            (
                "project",
                "This happens due to the uncritical selection of service providers, rushed decision-making "
                "processes, weak promotion of CSOs active in career counselling, or the unintentional overlooking "
                "of their role in this field.",
            ),
            (
                "project",
                "The project will contribute to greater recognition of the social value of civil society "
                "organisations and strengthen their role as key actors in promoting democracy, equality, and active "
                "citizenship within the educational space.",
            ),
            # The ultimate goal, in both languages.
            (
                "project",
                "Overall objective Končni cilj je uveljavitev modela sodelovanja med šolami in NVO, ki temelji na "
                "človekovih pravicah, vključevanju in vrednotah demokracije. The ultimate goal is to establish a "
                "cooperation model between schools and CSOs based on human rights, inclusion, and democratic values.",
            ),
            # The four key activities.
            (
                "project",
                'Key activity 1 Izvedba raziskave o "diskriminatornih" oz. slabih praksah Conducting a study on '
                "“discriminatory” or poor practices",
            ),
            (
                "project",
                "Key activity 2 Usposabljanje NVO za spremljanje in poročanje Providing training for CSOs on "
                "monitoring and reporting",
            ),
            (
                "project",
                "Key activity 3 Kampanja ozaveščanja za šole in lokalno skupnost Running an awareness campaign "
                "targeting schools and local communities",
            ),
            (
                "project",
                "Key activity 4 Ciljno usmerjene zagovorniške aktivnosti Implementing targeted advocacy activities",
            ),
            # The five expected results, in both languages.
            ("project", "Večje razumevanje in priznanje vloge NVO v karierni vzgoji s strani šol."),
            ("project", "Increased understanding and recognition by schools of the role of CSOs in career guidance."),
            (
                "project",
                "Okrepljene zagovorniške in komunikacijske kapacitete NVO; s tem povečana pripravljenost šolskih "
                "institucij za sodelovanje z NVO pri vsebinah karierne vzgoje.",
            ),
            (
                "project",
                "Strengthened advocacy and communication capacities of CSOs, resulting in greater willingness among "
                "schools to collaborate with CSOs in the field of career education.",
            ),
            (
                "project",
                "Jasno definiran model sodelovanja med šolami in NVO, Vzpostavljen model sodelovanja med NVO in "
                "šolami na področju karierne vzgoje, ki vključuje sistemske rešitev.",
            ),
            (
                "project",
                "A clearly defined and operational model of cooperation between schools and CSOs in the field of "
                "career guidance, including systemic solutions.",
            ),
            (
                "project",
                "Uradni predlog za MVI in urad za mladino z jasnimi smernicami za vključevanje NVO v sistem "
                "karierne vzgoje.",
            ),
            (
                "project",
                "An official proposal for the Ministry of Education and the Office for Youth with clear guidelines "
                "for integrating CSOs into the career guidance system.",
            ),
            (
                "project",
                "Opolnomočene NVO za kakovostno sodelovanje s šolami ter za sistemsko zagovorništvo in šole za bolj "
                "enakovredno sodelovanje.",
            ),
            (
                "project",
                "Empowered CSOs for quality collaboration with schools, as well as empowered schools for more equal "
                "partnership with CSOs.",
            ),
            # The institutions the official proposal is addressed to ("MVI", "urad za mladino" above) are the
            # proposal's addressed institutions now, not the project's partners: their records (the ministry's
            # name expanded, its acronym, kinds, country, the notes) are checked by
            # tests/config/test_load_demo.py (test_the_slovenian_study_and_proposal_…). No public page links their
            # profiles until the advocacy output's page does; list it and them here then.
        ],
    },
    # ------------------------------------------------------------------------------------------------
    "002 Poland: Podkarpackie partnerstwo strategiczne": {
        "pages": {
            "network": ("network:detail", {"network_slug": "podkarpackie"}),
            "agreements": ("network:agreements", {"network_slug": "podkarpackie"}),
            "agreement": ("network:agreement", {"network_slug": "podkarpackie", "agreement_id": AGREEMENT}),
            "agreement (pl)": ("network:agreement", {"network_slug": "podkarpackie", "agreement_id": AGREEMENT}, "pl"),
            "news": ("network:news", {"network_slug": "podkarpackie"}),
            "post": ("network:news_post", {"network_slug": "podkarpackie", "post_id": NEWS}),
            "post (pl)": ("network:news_post", {"network_slug": "podkarpackie", "post_id": NEWS}, "pl"),
            "IBE": ("members:organisation", {"pk": "Instytut Badań Edukacyjnych"}),
        },
        "facts": [
            ("network", "Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie"),
            ("network", "Countries Poland"),
            ("network", "Founded 8 December 2020, Rzeszów"),
            ("network", "Signed on 8 December 2020, Rzeszów"),
            ("network", f"15 December 2020 {NEWS}"),
            ("network", "Instytut Badań Edukacyjnych (IBE) University or research institute Poland, Warszawa"),
            ("network", "Kuratorium Oświaty w Rzeszowie Government agency Poland, Rzeszów"),
            ("network", "Podkarpackie Centrum Mediacji"),
            ("IBE", "Instytut Badań Edukacyjnych (IBE)"),
            ("IBE", "City Warszawa"),
            # The agreement: parties with their roles, dates, place, signatories, areas, framework.
            (
                "agreements",
                "Instytut Badań Edukacyjnych – Lider Partnerstwa Kuratorium Oświaty w Rzeszowie – Partner Wiodący "
                "Podkarpackie Centrum Mediacji – Partner Biznesowy 8 Dec 2020 Rzeszów 30 Jun 2022",
            ),
            ("agreement", AGREEMENT),
            ("agreement", "Signed 8 December 2020, Rzeszów"),
            ("agreement", "until 30 June 2022"),
            ("agreement (pl)", "8 grudnia 2020, Rzeszów"),
            ("agreement (pl)", "30 czerwca 2022"),
            (
                "agreement",
                "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji oraz propagowanie idei uczenia się "
                "przez całe życie w województwie podkarpackim",
            ),
            (
                "agreement",
                "Concluded under projektu pn.: „Wsparcie rozwoju ZSK w szczególności na poziomie regionalnym "
                "poprzez wdrażanie rozwiązań i inicjatyw skierowanych do użytkowników końcowych systemu – ZSK 4” "
                "realizowanego przez Instytut Badań Edukacyjnych w Warszawie w ramach Programu Operacyjnego Wiedza "
                "Edukacja Rozwój",
            ),
            ("agreement", "Instytut Badań Edukacyjnych (IBE) Lider Partnerstwa"),
            ("agreement", "Kuratorium Oświaty w Rzeszowie Partner Wiodący"),
            ("agreement", "Podkarpackie Centrum Mediacji Partner Biznesowy"),
            ("agreement", "Katarzyna Wielguszewska – Instytut Badań Edukacyjnych"),
            ("agreement", "Małgorzata Rauch, Podkarpacka Kurator Oświaty – Kuratorium Oświaty w Rzeszowie"),
            ("agreement", "Wiesław Pałka, Prezes – Podkarpackie Centrum Mediacji"),
            # The seven areas of cooperation.
            (
                "agreement",
                "upowszechnianie idei uczenia się przez całe życie – Lifelong Learning (LLL) i rozwiązań "
                "Zintegrowanego Systemu Kwalifikacji (ZSK) poprzez organizowanie wydarzeń, konferencji, seminariów, "
                "prelekcji",
            ),
            (
                "agreement",
                "inicjowanie, konsultowanie i wspieranie procesu opisu oraz włączania kwalifikacji rynkowych",
            ),
            (
                "agreement",
                "prowadzenie działań stymulujących przyrost liczby kwalifikacji rynkowych oraz zwiększenie liczby "
                "Instytucji Certyfikujących w regionie",
            ),
            (
                "agreement",
                "sieciowanie i wymiana doświadczeń z podmiotami działającymi w sferze edukacji oraz rynku pracy, w "
                "szczególności w zakresie tematyki dotyczącej podnoszenia kompetencji i zdobywania kwalifikacji",
            ),
            (
                "agreement",
                "pilotaż modelowych rozwiązań systemowych na rzecz uczenia się przez całe życie poprzez wdrożenie "
                "rozwiązań ZSK na poziomie regionalnym i lokalnym",
            ),
            ("agreement", "prowadzenie badań i analiz regionalnych w zakresie zapotrzebowania na kwalifikacje"),
            ("agreement", "sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi."),
            ("agreement", f"News about this agreement 15 December 2020 {NEWS}"),
            # The news item, with its date, its text and the qualification it mentions.
            ("news", f"{NEWS} {NEWS_EN} 15 December 2020"),
            ("post", f"{NEWS} {NEWS_EN} 15 December 2020"),
            ("post (pl)", f"{NEWS} 15 grudnia 2020"),
            (
                "post",
                "to główny cel partnerstwa podpisanego 8. grudnia 2020r. w Rzeszowie. Porozumienie zawarte zostało "
                "przez Instytut Badań Edukacyjnych, Kuratorium Oświaty w Rzeszowie oraz Podkarpackie Centrum "
                "Mediacji.",
            ),
            (
                "post",
                "Na szczególną uwagę zasługują działania dotyczące opracowania opisu kwalifikacji „Prowadzenie "
                "mediacji w oświacie” oraz jej wsparcia. Kwalifikacja została zgłoszona do Zintegrowanego Rejestru "
                "Kwalifikacji.",
            ),
            (
                "post",
                "Swoje podpisy na umowie partnerskiej, oprócz przedstawiciela Instytutu Badań Edukacyjnych – "
                "Katarzyny Wielguszewskiej, złożyli: Podkarpacka Kurator Oświaty – Małgorzata Rauch oraz Prezes "
                "Podkarpackiego Centrum Mediacji – Wiesław Pałka.",
            ),
            ("post", "W ramach współpracy Partnerzy przewidują podjęcie działań w następujących obszarach: 1."),
            ("post", "7. sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi."),
            ("post", "Umowa będzie obowiązywała do 30 czerwca 2022 roku."),
            (
                "post",
                "Partnerzy: Instytut Badań Edukacyjnych – Lider Partnerstwa Kuratorium Oświaty w Rzeszowie – "
                "Partner Wiodący Podkarpackie Centrum Mediacji – Partner Biznesowy",
            ),
            ("post", "Podkarpacki Kurator Oświaty Małgorzata Rauch"),
            ("post", f"Agreement: {AGREEMENT}"),
        ],
    },
    # ------------------------------------------------------------------------------------------------
    "003 Kosovo and Albania: ALLIANCE": {
        "pages": {
            "network": ("network:detail", {"network_slug": "alliance"}),
            "projects": ("projects:list", {"network_slug": "alliance"}),
            "project": ("projects:detail", {"network_slug": "alliance", "project_slug": "alliance"}),
            "KAMEZ": ("members:organisation", {"pk": "SHKOLLA E MESME PROFESIONALE KAMEZ"}),
        },
        "facts": [
            (
                "network",
                "Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation (ALLIANCE)",
            ),
            ("network", "Countries Albania, Germany, Greece, Slovakia, Kosovo"),
            ("network", "SHKOLLA E MESME PROFESIONALE KAMEZ VET school or centre Albania, Kamëz"),
            ("KAMEZ", "Country Albania City Kamëz"),
            (
                "projects",
                "ALLIANCE: Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
            ),
            ("projects", "Capacity Building in VET · Jan 2025 – Dec 2027"),
            (
                "project",
                "ALLIANCE: Advancing Learning and Linking Institutions for EU Projects and Networking Cooperation",
            ),
            ("project", "Programme or call Capacity Building in VET"),
            ("project", "Reference number 101183414"),
            ("project", "Funding European Union (funder) Erasmus+ (programme or call) this project"),
            ("project", "Budget €399,542.28"),
            ("project", "Duration 1 Jan 2025 – 31 Dec 2027 (36 months)"),
            ("project", "Countries Slovakia, Greece, Germany"),
            ("project", "Lead partner EVBB"),
            (
                "project",
                "ALLIANCE project aims to the creation of Offices for Projects and International Cooperation in "
                "beneficiary VET schools in Kosovo and Albania.",
            ),
            ("project", "The ALLIANCE project contributes to the call’s objectives as following:"),
            # The three objectives.
            (
                "project",
                "Building Capacity of VET Providers for Stakeholder Cooperation: The project seeks to establish "
                "Offices for Project Management and International Cooperation in VET schools",
            ),
            (
                "project",
                "Improving Quality and Responsiveness of VET: The project’s focus on enhancing the alignment of VET "
                "curricula with European and international standards",
            ),
            (
                "project",
                "it supports Kosovo’s Strategy of Education 2022 20269 and more specifically the specific "
                "objectives 3.3. & 3.5 that foresee actions to increase the internationalization of VET "
                "institutions and programs.",
            ),
            # The three expected results.
            (
                "project",
                "Deliverable MOOC Platform The training course will be embedded in EVBB’s online training platform "
                "(e learning.evbb.eu) and will be more probably maintained beyond the 5-year-period.",
            ),
            ("project", "Deliverable Guidebook for Set-Up and Operation of the International Offices"),
            (
                "project",
                "Deliverable Comprehensive Methodology for Project Management, R&D, and International Networking & "
                "Cooperation To mainstream this methodology",
            ),
            # The eight needs.
            (
                "project",
                "Necessary to support mobilities through institutional building activities, allowing mobility "
                "managers to operate in a structured environment that will allow them to fully deploy their "
                "potentials.",
            ),
            (
                "project",
                "Need to avoid disproportional development between Kosovo and Albania, allowing both countries to "
                "participate in mobilities in an equal way.",
            ),
            ("project", "Need to organize basic pedagogical training for all VET teachers and instructors."),
            ("project", "Need to boost continuing professional development (CPD) systems in Western Balkans"),
            (
                "project",
                "Need to promote quality jobs and skills opportunities for all Albanian and Kosovo citizens "
                "throughout their lives",
            ),
            ("project", "Need for enhanced collaboration between educational providers and industry"),
            (
                "project",
                "Need to implement the objectives of the EU Council Recommendation on VET of November 2020 and of "
                "the Osnabruck Declaration",
            ),
            (
                "project",
                "Need to establish monitoring and evaluation mechanisms for the implementation and impact of "
                "mobilities in the partnering countries",
            ),
            # The target groups.
            (
                "project",
                "Target groups Mobilities Managers VET Teachers/Trainers and Staff VET Providers VET Learners Public "
                "authorities (Ministries of Education, local administration etc.) Regional/EU/WB policymakers in the "
                "field of VET",
            ),
            # The ten partners with their roles.
            ("project", "Lead partner / coordinator EVBB Partner AKMI · Greece"),
            ("project", "BK CONSULT GmbH"),
            ("project", "K MILIOS AND SIA OE · Greece"),
            ("project", "KPT SHPK"),
            ("project", "SHOQATES ALBANIAN SKILLS- NATIONALASSOCIATION FOR SKILLS COMPETITIONS · Albania"),
            ("project", "SHKOLLA E MESME PROFESIONALE KAMEZ · Albania"),
            ("project", "AXHENSIONI I PERKRAHJES SE PUNESIMIT NE KOSOVE · Kosovo"),
            ("project", "Agency for Vocational Education and Training and Adult Education · Kosovo"),
            ("project", "Ministry of Education Science Technology and Innovation in Republic of Kosovo · Kosovo"),
        ],
    },
    # ------------------------------------------------------------------------------------------------
    "004 Azerbaijan: VET for the Future": {
        "pages": {
            "network": ("network:detail", {"network_slug": "vet-for-the-future"}),
            "projects": ("projects:list", {"network_slug": "vet-for-the-future"}),
            "project": (
                "projects:detail",
                {"network_slug": "vet-for-the-future", "project_slug": "vet-for-the-future"},
            ),
        },
        "facts": [
            ("network", "VET for the Future"),
            ("network", "Countries Azerbaijan"),
            ("network", "United Nations Development Programme (UNDP) International organisation"),
            ("network", "State Agency on Vocational Education Government agency Azerbaijan"),
            ("network", "European Union Donor"),
            ("network", "Ministry of Science and Education of the Republic of Azerbaijan Ministry Azerbaijan"),
            ("projects", "VET for the Future: development of VET providers’ excellence in Azerbaijan"),
            ("project", "VET for the Future: development of VET providers’ excellence in Azerbaijan"),
            ("project", "Funding European Union (funder) this project"),
            ("project", "Countries Azerbaijan"),
            (
                "project",
                "The Government of Azerbaijan has recognised the importance of developing the VET system in the "
                "“Strategic Roadmap for Vocational Education and Training,” “Strategic Roadmap on SME development” "
                "(approved in 2016) and many other government programmes.",
            ),
            (
                "project",
                "Project activities will be piloted in seven VET schools/centers (four in Baku and three in the "
                "regions - Ganja, Jalilabad and Sheki).",
            ),
            (
                "project",
                "The project is fully financed by the European Union and implemented by UNDP together with the "
                "State Agency on Vocational Education.",
            ),
            (
                "project",
                "Overall objective The project’s main goal is to support the Government of Azerbaijan in "
                "strengthening the quality of the VET system by modernising institutions to deliver "
                "competence-based training suited to the needs of the labour market.",
            ),
            # The pillars, the horizontal measures and their numbered activities.
            ("project", "Pillar 1 Introduction of innovations in the target group of selected VET providers"),
            ("project", "1.1 Improvement of institutional & human resource capacity of selected VET providers"),
            ("project", "1.2 Introduction of innovative VET services into selected VET providers"),
            (
                "project",
                "1.3 Improvement of financial management and cooperation with private sector by selected VET providers",
            ),
            ("project", "1.4 Strengthening of career guidance services in selected VET providers"),
            ("project", "1.5 Skills Development through digitalisation and online training"),
            ("project", "Pillar 2 Infrastructure and equipment modernisation in selected VET providers"),
            (
                "project",
                "2.1 Procurement of infrastructure, equipment and supplies to support new educational content "
                "(including programmes for PwDs), support activities and establishment of small-scale workshops",
            ),
            (
                "project",
                "2.2 Procurement of infrastructure, equipment and supplies to support the business development and "
                "establishment of learning factories in selected VET providers",
            ),
            (
                "project",
                "2.3 Procurement of infrastructure, equipment and supplies to mitigate the negative impact of COVID-19",
            ),
            ("project", "2.4 Introduction of digital innovations in selected VET providers"),
            ("project", "Pillar 3 Development of networking and capacity building for all VET providers in Azerbaijan"),
            ("project", "3.1 Strengthening of national coordination of VET"),
            ("project", "3.2 Strengthening of capacity building of national VET institutions and providers"),
            ("project", "Horizontal measures to support system delivery"),
            (
                "project",
                "4.1 Support of the Communication Department of the State Agency on Vocational Education in "
                "developing effective communications and boosting the attractiveness of VET",
            ),
            (
                "project",
                "4.2 Support of the State Agency on Vocational Education in organising National Skills Competitions "
                "and participating in International Skills Competitions",
            ),
            (
                "project",
                "4.3 Support of the piloting of competitive financing mechanism to provide small grants to VET "
                "providers",
            ),
            (
                "project",
                "4.4 Support pilot actions to engage youth in VET under the leadership of the State Agency on "
                "Vocational Education",
            ),
            # The seven pilot schools/centres (unnamed in the document) and where they are.
            ("project", "Pilot VET school/center 1 Baku Azerbaijan"),
            ("project", "Pilot VET school/center 4 Baku Azerbaijan"),
            ("project", "Pilot VET school/center 5 Ganja Azerbaijan"),
            ("project", "Pilot VET school/center 6 Jalilabad Azerbaijan"),
            ("project", "Pilot VET school/center 7 Sheki Azerbaijan"),
            # The partners with their roles.
            ("project", "Funder European Union"),
            (
                "project",
                "Implementing organisation United Nations Development Programme (UNDP) State Agency on Vocational "
                "Education · Azerbaijan",
            ),
            (
                "project",
                "Associated partner Ministry of Science and Education of the Republic of Azerbaijan · Azerbaijan",
            ),
        ],
    },
}
