"""Seed 002, Poland. The news item names the partnership, its date, place, parties and signatories.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import illustrative, people

D = datetime.date
KURATORIUM, MEDIACJA = "Kuratorium Oświaty w Rzeszowie", "Podkarpackie Centrum Mediacji"
# The agreement's original title (ours: the item calls it "umowa partnerska"); the news post names it by it.
AGREEMENT_TITLE = "Umowa partnerska – Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie"

# The news item itself, verbatim, from its first paragraph to the signature (without the sharing buttons of the
# page it was copied from).
NEWS_BODY = (
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
)
# The news item in English: ours, a translation of the Polish (the organisations' names stay as the item writes
# them, their roles and the qualification's name translated).
NEWS_BODY_EN = (
    "Disseminating and implementing the Integrated Qualifications System and promoting the idea of lifelong "
    "learning in the Podkarpackie region is the main goal of the partnership signed on 8 December 2020 in Rzeszów. "
    "The agreement was concluded by Instytut Badań Edukacyjnych, Kuratorium Oświaty w Rzeszowie and Podkarpackie "
    "Centrum Mediacji.\n"
    "\n"
    "The partnership seals initiatives for the Integrated Qualifications System in the region that the partners "
    "have been running together for a long time. Particularly noteworthy is the work on drawing up the description "
    "of the qualification “Conducting mediation in education” and on supporting it. The qualification has been "
    "submitted to the Integrated Qualifications Register.\n"
    "\n"
    "Besides the representative of Instytut Badań Edukacyjnych, Katarzyna Wielguszewska, the partnership agreement "
    "was signed by the Podkarpackie Education Superintendent, Małgorzata Rauch, and the President of Podkarpackie "
    "Centrum Mediacji, Wiesław Pałka.\n"
    "\n"
    "Within the cooperation, the Partners plan to take action in the following areas:\n"
    "\n"
    "1. disseminating the idea of lifelong learning – Lifelong Learning (LLL) – and the solutions of the Integrated "
    "Qualifications System (ZSK) by organising events, conferences, seminars and talks,\n"
    "2. initiating, consulting on and supporting the process of describing and including market qualifications,\n"
    "3. carrying out activities that stimulate growth in the number of market qualifications and increasing the "
    "number of Certifying Institutions in the region,\n"
    "4. networking and exchanging experience with bodies active in education and the labour market, in particular "
    "on raising competences and acquiring qualifications,\n"
    "5. piloting model systemic solutions for lifelong learning by implementing ZSK solutions at regional and local "
    "level,\n"
    "6. conducting regional research and analyses of the demand for qualifications,\n"
    "7. networking with other regional and supra-regional partnerships.\n"
    "\n"
    "This cooperation was established within the project “Supporting the development of the ZSK, in particular at "
    "regional level, by implementing solutions and initiatives aimed at the system's end users – ZSK 4”, carried "
    "out by Instytut Badań Edukacyjnych in Warsaw under the Operational Programme Knowledge Education Development "
    "(Wiedza Edukacja Rozwój). The agreement will be in force until 30 June 2022.\n"
    "\n"
    "Partners:\n"
    "\n"
    "Instytut Badań Edukacyjnych – Partnership Leader\n"
    "Kuratorium Oświaty w Rzeszowie – Lead Partner\n"
    "Podkarpackie Centrum Mediacji – Business Partner\n"
    "\n"
    "Podkarpackie Education Superintendent\n"
    "Małgorzata Rauch"
)

SEED = {
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
    # verbatim, without the commas that end the list items. It ended on 30 June 2022. Each text has its English
    # translation (ours, a person's: source "human"), shown after the Polish original, marked as a translation.
    "agreements": [
        {
            "title": {
                "pl": AGREEMENT_TITLE,
                "en": "Partnership agreement – Podkarpackie strategic partnership for lifelong learning",
            },
            # "… to główny cel partnerstwa".
            "purpose": {
                "pl": "Upowszechnianie i wdrażanie Zintegrowanego Systemu Kwalifikacji oraz propagowanie idei "
                "uczenia się przez całe życie w województwie podkarpackim",
                "en": "Disseminating and implementing the Integrated Qualifications System and promoting the idea "
                "of lifelong learning in the Podkarpackie region",
            },
            # As the item words it ("nawiązania w ramach projektu pn.: …").
            "framework": {
                "pl": "projektu pn.: „Wsparcie rozwoju ZSK w szczególności na poziomie regionalnym poprzez "
                "wdrażanie rozwiązań i inicjatyw skierowanych do użytkowników końcowych systemu – ZSK 4” "
                "realizowanego przez Instytut Badań Edukacyjnych w Warszawie w ramach Programu Operacyjnego Wiedza "
                "Edukacja Rozwój",
                "en": "the project “Supporting the development of the ZSK, in particular at regional level, by "
                "implementing solutions and initiatives aimed at the system's end users – ZSK 4”, carried out by "
                "Instytut Badań Edukacyjnych in Warsaw under the Operational Programme Knowledge Education "
                "Development (Wiedza Edukacja Rozwój)",
            },
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
            # Each area in Polish, the original, and in English (ours: a translation of the item's words).
            "areas": [
                {
                    "pl": "upowszechnianie idei uczenia się przez całe życie – Lifelong Learning (LLL) i rozwiązań "
                    "Zintegrowanego Systemu Kwalifikacji (ZSK) poprzez organizowanie wydarzeń, konferencji, "
                    "seminariów, prelekcji",
                    "en": "disseminating the idea of lifelong learning – Lifelong Learning (LLL) – and the solutions "
                    "of the Integrated Qualifications System (ZSK) by organising events, conferences, seminars and "
                    "talks",
                },
                {
                    "pl": "inicjowanie, konsultowanie i wspieranie procesu opisu oraz włączania kwalifikacji rynkowych",
                    "en": "initiating, consulting on and supporting the process of describing and including market "
                    "qualifications",
                },
                {
                    "pl": "prowadzenie działań stymulujących przyrost liczby kwalifikacji rynkowych oraz zwiększenie "
                    "liczby Instytucji Certyfikujących w regionie",
                    "en": "carrying out activities that stimulate growth in the number of market qualifications and "
                    "increasing the number of Certifying Institutions in the region",
                },
                {
                    "pl": "sieciowanie i wymiana doświadczeń z podmiotami działającymi w sferze edukacji oraz rynku "
                    "pracy, w szczególności w zakresie tematyki dotyczącej podnoszenia kompetencji i zdobywania "
                    "kwalifikacji",
                    "en": "networking and exchanging experience with bodies active in education and the labour "
                    "market, in particular on raising competences and acquiring qualifications",
                },
                {
                    "pl": "pilotaż modelowych rozwiązań systemowych na rzecz uczenia się przez całe życie poprzez "
                    "wdrożenie rozwiązań ZSK na poziomie regionalnym i lokalnym",
                    "en": "piloting model systemic solutions for lifelong learning by implementing ZSK solutions at "
                    "regional and local level",
                },
                {
                    "pl": "prowadzenie badań i analiz regionalnych w zakresie zapotrzebowania na kwalifikacje",
                    "en": "conducting regional research and analyses of the demand for qualifications",
                },
                {
                    "pl": "sieciowanie z innymi partnerstwami regionalnymi i ponadregionalnymi.",
                    "en": "networking with other regional and supra-regional partnerships.",
                },
            ],
        },
    ],
    # The news item (NEWS_BODY, verbatim) with its English translation (ours, NEWS_BODY_EN). "agreement" names
    # the agreement above by its original title.
    "news": [
        {
            "title": {
                "pl": "Podkarpackie partnerstwo strategiczne na rzecz uczenia się przez całe życie nawiązane",
                "en": "Podkarpackie strategic partnership for lifelong learning established",
            },
            "published_on": datetime.date(2020, 12, 15),
            "agreement": AGREEMENT_TITLE,
            "body": {
                "pl": NEWS_BODY,
                "en": NEWS_BODY_EN,
            },
        },
    ],
    # The activity log: illustrative entries, not facts (the item reports no activity). The partnership has
    # no project in Partnera: the entries are network-level work in the agreement's areas, dated while it
    # was in force (8 December 2020 to 30 June 2022), in Polish with the note in English too. Logged by IBE's
    # demo coordinator or the Kuratorium's demo member. One waits for the coordinator.
    "entries": [
        {
            "kind": "conference",
            "by": "coordinator",
            "language": "pl",
            "title": "Konferencja regionalna o Zintegrowanym Systemie Kwalifikacji",
            "description": illustrative(
                pl="wystąpienia o ZSK i o kwalifikacjach rynkowych dla szkół i instytucji rynku pracy.",
                en="talks on the Integrated Qualifications System and market qualifications for schools and "
                "labour market institutions.",
            ),
            "start_date": D(2021, 5, 18),
            "end_date": D(2021, 5, 18),
            "place": "Rzeszów",
            "country": "PL",
            **people(85, women=58, ages=(0, 9, 72, 4)),
            "partners": [KURATORIUM, MEDIACJA],
        },
        {
            "kind": "workshop",
            "by": "member",
            "language": "pl",
            "title": "Seminarium dla dyrektorów szkół o uczeniu się przez całe życie",
            "description": illustrative(
                pl="seminarium dla dyrektorów szkół województwa podkarpackiego.",
                en="a seminar for school directors of the Podkarpackie region.",
            ),
            "start_date": D(2021, 10, 12),
            "end_date": D(2021, 10, 12),
            "place": "Rzeszów",
            "country": "PL",
            **people(40, women=29, ages=(0, 0, 38, 2)),
        },
        {
            "kind": "study_or_survey",
            "by": "coordinator",
            "language": "pl",
            "title": "Badanie regionalnego zapotrzebowania na kwalifikacje",
            "description": illustrative(
                pl="ankieta wśród pracodawców regionu; uczestnicy to respondenci.",
                en="a questionnaire to employers of the region; the participants are the respondents.",
            ),
            "start_date": D(2022, 1, 10),
            "end_date": D(2022, 3, 31),
            "place": "Online",
            "country": "PL",
            **people(64, women=30, other=4, ages=(0, 5, 57, 2)),
            "partners": [KURATORIUM],
        },
        {
            "kind": "meeting",
            "by": "member",
            "language": "pl",
            "status": "submitted",
            "title": "Spotkanie sieciujące z partnerstwami regionalnymi",
            "description": illustrative(
                pl="wymiana doświadczeń z partnerstwami z innych województw.",
                en="an exchange of experience with partnerships of other regions.",
            ),
            "start_date": D(2022, 4, 26),
            "end_date": D(2022, 4, 26),
            "place": "Online",
            "country": "PL",
            **people(14, women=9, ages=(0, 0, 14, 0)),
            "partners": [MEDIACJA],
        },
    ],
}
