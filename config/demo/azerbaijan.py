"""Seed 004, Azerbaijan. An EU-funded project implemented by UNDP with the State Agency; the network name is the
project's short title.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import EUROPEAN_UNION, illustrative, people

D = datetime.date
PROJECT = "vet-for-the-future"
AGENCY = "State Agency on Vocational Education"
MINISTRY = "Ministry of Science and Education of the Republic of Azerbaijan"


def school(number):
    """The demo's name for a pilot school (the document does not name them)."""
    return f"Pilot VET school/center {number}"


# The network's and the project's texts are the document's English; each has an Azerbaijani translation (ours,
# written by a person: stored as a "human" translation, the English staying the original). Organisation names
# stay as the document writes them ("State Agency on Vocational Education", "UNDP").
DESCRIPTION = (
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
)
# The document's second paragraph (the network's description too) and its last sentence, in Azerbaijani.
PROJECT_AZ = (
    "“Gələcək üçün peşə təhsili: Azərbaycanda peşə təhsili müəssisələrinin mükəmməlliyinin inkişafı” layihəsi "
    "peşə təhsili və təliminin (PTT) cəlbediciliyini və əmək bazarına uyğunluğunu artırmaq üçün Azərbaycanda PTT "
    "müəssisələrinin səriştəyə əsaslanan təlim təqdim edəcək şəkildə modernləşdirilməsinə dəstək vermək məqsədi "
    "daşıyır. Layihə fəaliyyətləri yeddi PTT məktəbində/mərkəzində (dördü Bakıda, üçü isə regionlarda – Gəncə, "
    "Cəlilabad və Şəkidə) pilot qaydada həyata keçiriləcək. Seçilmiş məktəblər Ministry of Science and Education "
    "üçün prioritetdir və əmək bazarına uyğunluq, ölkənin inkişafı üçün prioritet PTT sahələrinin genişləndirilməsi, "
    "özəl sektorun marağı və zəruri infrastrukturun mövcudluğu kimi amillər əsasında seçilib. Layihənin "
    "təşəbbüsləri/fəaliyyətləri iş yerində təlim sahəsində dövlət-özəl əməkdaşlığını və tərəfdaşlığı təşviq "
    "edəcək, PTT müəssisələrinin yeni təhsil məzmunu təqdim etmək üçün güclü potensialını formalaşdıracaq və PTT-nin "
    "gənclər üçün cəlbediciliyini artıracaq. Bu layihə çərçivəsində hədəf məkanlarda əldə edilən ən yaxşı "
    "təcrübələr sonradan digər regionlarda da tətbiq olunacaq."
)
FUNDING_AZ = (
    "Layihə tam olaraq European Union tərəfindən maliyyələşdirilir və UNDP tərəfindən State Agency on "
    "Vocational Education agentliyi ilə birlikdə həyata keçirilir."
)
# The summary's first paragraph, in Azerbaijani.
SUMMARY_AZ = (
    "Azərbaycan Hökuməti “Peşə təhsili və təlimi üzrə Strateji Yol Xəritəsi”, “KOS-ların inkişafı üzrə "
    "Strateji Yol Xəritəsi” (2016-cı ildə təsdiq edilib) və bir çox digər dövlət proqramlarında PTT "
    "sisteminin inkişafının vacibliyini qəbul edib. Bu siyasət sənədlərinin ümumi məqsədi Azərbaycanın "
    "PTT sistemində islahat aparmaq və infrastruktur, təhsil məzmunu, peşəkar potensial, əvvəlki "
    "təhsilin tanınması, daxili keyfiyyət təminatı və sosial tərəfdaşlıq (o cümlədən dövlət-özəl "
    "tərəfdaşlığı) sahələrində təkmilləşdirmələr yolu ilə daha yaxşı nəticələrə nail olmaqdır."
)
DESCRIPTION_AZ = PROJECT_AZ + "\n" + FUNDING_AZ
GOAL = (
    "The project’s main goal is to support the Government of Azerbaijan in strengthening the quality "
    "of the VET system by modernising institutions to deliver competence-based training suited to "
    "the needs of the labour market."
)
GOAL_AZ = (
    "Layihənin əsas məqsədi müəssisələri əmək bazarının ehtiyaclarına uyğun səriştəyə əsaslanan təlim təqdim edəcək "
    "şəkildə modernləşdirməklə PTT sisteminin keyfiyyətinin yüksəldilməsində Azərbaycan Hökumətinə dəstək olmaqdır."
)
PILLAR_1 = {
    "en": "Introduction of innovations in the target group of selected VET providers",
    "az": "Seçilmiş PTT müəssisələrinin hədəf qrupunda innovasiyaların tətbiqi",
}


SEED = {
    "network": {
        "name": "VET for the Future",
        "acronym": "",
        "slug": "vet-for-the-future",
        "countries": ["AZ"],
        "languages": ["az", "en"],
        "language": "en",  # the texts below are the English ones
        "colour": "#0468b1",
        "description": {"en": DESCRIPTION, "az": DESCRIPTION_AZ},
        "founding_statement": "",
    },
    # The overall objective.
    "objectives": [{"en": GOAL, "az": GOAL_AZ}],
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
            "name": EUROPEAN_UNION,
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
            "title": {
                "en": "VET for the Future: development of VET providers’ excellence in Azerbaijan",
                "az": "Gələcək üçün peşə təhsili: Azərbaycanda peşə təhsili müəssisələrinin mükəmməlliyinin inkişafı",
            },
            "slug": "vet-for-the-future",
            "countries": ["AZ"],
            "language": "en",
            "summary": {
                "en": (
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
                "az": SUMMARY_AZ + "\n\n" + PROJECT_AZ + "\n\n" + FUNDING_AZ,
            },
            "funding_chain": [{"kind": "funder", "name": EUROPEAN_UNION}],
            "partners": [
                {"organisation": EUROPEAN_UNION, "role": "funder"},
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
                "overall": [{"text": {"en": GOAL, "az": GOAL_AZ}}],
            },
            # Pillars 1–3 and the horizontal measures, whose activities the document numbers 4.1–4.4.
            "components": [
                {
                    "kind": "pillar",
                    "title": PILLAR_1,
                    "activities": [
                        {
                            "code": "1.1",
                            "title": {
                                "en": "Improvement of institutional & human resource capacity of selected VET "
                                "providers",
                                "az": "Seçilmiş PTT müəssisələrinin institusional və insan resursları potensialının "
                                "təkmilləşdirilməsi",
                            },
                        },
                        {
                            "code": "1.2",
                            "title": {
                                "en": "Introduction of innovative VET services into selected VET providers",
                                "az": "Seçilmiş PTT müəssisələrində innovativ PTT xidmətlərinin tətbiqi",
                            },
                        },
                        {
                            "code": "1.3",
                            "title": {
                                "en": "Improvement of financial management and cooperation with private sector "
                                "by selected VET providers",
                                "az": "Seçilmiş PTT müəssisələri tərəfindən maliyyə idarəetməsinin və özəl sektorla "
                                "əməkdaşlığın təkmilləşdirilməsi",
                            },
                        },
                        {
                            "code": "1.4",
                            "title": {
                                "en": "Strengthening of career guidance services in selected VET providers",
                                "az": "Seçilmiş PTT müəssisələrində karyera bələdçiliyi xidmətlərinin gücləndirilməsi",
                            },
                        },
                        {
                            "code": "1.5",
                            "title": {
                                "en": "Skills Development through digitalisation and online training",
                                "az": "Rəqəmsallaşma və onlayn təlim vasitəsilə bacarıqların inkişafı",
                            },
                        },
                    ],
                },
                {
                    "kind": "pillar",
                    "title": {
                        "en": "Infrastructure and equipment modernisation in selected VET providers",
                        "az": "Seçilmiş PTT müəssisələrində infrastrukturun və avadanlığın modernləşdirilməsi",
                    },
                    "activities": [
                        {
                            "code": "2.1",
                            "title": {
                                "en": "Procurement of infrastructure, equipment and supplies to support new "
                                "educational content (including programmes for PwDs), support activities and "
                                "establishment of small-scale workshops",
                                "az": "Yeni təhsil məzmununu (o cümlədən əlilliyi olan şəxslər üçün proqramları), "
                                "dəstək fəaliyyətlərini və kiçik emalatxanaların yaradılmasını dəstəkləmək üçün "
                                "infrastruktur, avadanlıq və ləvazimatın satın alınması",
                            },
                        },
                        {
                            "code": "2.2",
                            "title": {
                                "en": "Procurement of infrastructure, equipment and supplies to support the "
                                "business development and establishment of learning factories in selected VET "
                                "providers",
                                "az": "Seçilmiş PTT müəssisələrində biznesin inkişafını və tədris fabriklərinin "
                                "yaradılmasını dəstəkləmək üçün infrastruktur, avadanlıq və ləvazimatın satın "
                                "alınması",
                            },
                        },
                        {
                            "code": "2.3",
                            "title": {
                                "en": "Procurement of infrastructure, equipment and supplies to mitigate the "
                                "negative impact of COVID-19",
                                "az": "COVID-19-un mənfi təsirini azaltmaq üçün infrastruktur, avadanlıq və "
                                "ləvazimatın satın alınması",
                            },
                        },
                        {
                            "code": "2.4",
                            "title": {
                                "en": "Introduction of digital innovations in selected VET providers",
                                "az": "Seçilmiş PTT müəssisələrində rəqəmsal innovasiyaların tətbiqi",
                            },
                        },
                    ],
                },
                {
                    "kind": "pillar",
                    "title": {
                        "en": "Development of networking and capacity building for all VET providers in Azerbaijan",
                        "az": "Azərbaycandakı bütün PTT müəssisələri üçün şəbəkələşmənin inkişafı və potensialın "
                        "gücləndirilməsi",
                    },
                    "activities": [
                        {
                            "code": "3.1",
                            "title": {
                                "en": "Strengthening of national coordination of VET",
                                "az": "PTT üzrə milli koordinasiyanın gücləndirilməsi",
                            },
                        },
                        {
                            "code": "3.2",
                            "title": {
                                "en": "Strengthening of capacity building of national VET institutions and providers",
                                "az": "Milli PTT qurumlarının və müəssisələrinin potensialının gücləndirilməsi",
                            },
                        },
                    ],
                },
                {
                    "kind": "component",
                    "title": {
                        "en": "Horizontal measures to support system delivery",
                        "az": "Sistemin fəaliyyətini dəstəkləyən üfüqi tədbirlər",
                    },
                    "activities": [
                        {
                            "code": "4.1",
                            "title": {
                                "en": "Support of the Communication Department of the State Agency on Vocational "
                                "Education in developing effective communications and boosting the "
                                "attractiveness of VET",
                                "az": "Effektiv kommunikasiyanın qurulmasında və PTT-nin cəlbediciliyinin "
                                "artırılmasında State Agency on Vocational Education agentliyinin Kommunikasiya "
                                "Departamentinə dəstək",
                            },
                        },
                        {
                            "code": "4.2",
                            "title": {
                                "en": "Support of the State Agency on Vocational Education in organising National "
                                "Skills Competitions and participating in International Skills Competitions",
                                "az": "Milli Bacarıq Yarışlarının təşkilində və Beynəlxalq Bacarıq Yarışlarında "
                                "iştirakda State Agency on Vocational Education agentliyinə dəstək",
                            },
                        },
                        {
                            "code": "4.3",
                            "title": {
                                "en": "Support of the piloting of competitive financing mechanism to provide "
                                "small grants to VET providers",
                                "az": "PTT müəssisələrinə kiçik qrantlar vermək üçün müsabiqəli maliyyələşdirmə "
                                "mexanizminin pilot tətbiqinə dəstək",
                            },
                        },
                        {
                            "code": "4.4",
                            "title": {
                                "en": "Support pilot actions to engage youth in VET under the leadership of the "
                                "State Agency on Vocational Education",
                                "az": "State Agency on Vocational Education agentliyinin rəhbərliyi altında gənclərin "
                                "PTT-yə cəlb edilməsinə yönəlmiş pilot tədbirlərə dəstək",
                            },
                        },
                    ],
                },
            ],
            # The document's "Expected results" are its pillars, the first of them its piloting in the selected VET
            # providers: that one as the project's expected result, so its dashboard has indicators to follow. The
            # indicators are ours, not the document's (it names none): computed from the illustrative activity log
            # (approved entries only), they state no fact of their own.
            "results": [
                {
                    "level": "outcome",
                    "title": PILLAR_1,
                    "indicators": [
                        {
                            "name": {
                                "en": "Illustrative: people trained at the pilot VET schools/centres and with the "
                                "State Agency",
                                "az": "Nümunəvi: pilot PTT məktəblərində/mərkəzlərində və State Agency ilə təlim "
                                "keçmiş şəxslər",
                            },
                            "unit": "people",
                            "source": "log",
                            "measure": "participants",
                            "entry_kind": "training",
                        },
                        {
                            "name": {
                                "en": "Illustrative: persons with disabilities among all participants",
                                "az": "Nümunəvi: bütün iştirakçılar arasında əlilliyi olan şəxslər",
                            },
                            "unit": "people",
                            "source": "log",
                            "measure": "participants",
                            "breakdown": "with_disabilities",
                        },
                        {
                            "name": {
                                "en": "Illustrative: activities held (approved activity log entries)",
                                "az": "Nümunəvi: keçirilmiş fəaliyyətlər (fəaliyyət jurnalının təsdiqlənmiş qeydləri)",
                            },
                            "unit": "entries",
                            "source": "log",
                            "measure": "entries",
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
    # The activity log: illustrative entries, not facts (the document reports no activity). One or more for
    # each of the 15 planned activities, pillar 1 most, at the seven pilot schools; logged by UNDP's demo
    # coordinator or the State Agency's demo member. Mostly approved; four wait for the coordinator, one
    # was returned with a reason, one is a draft.
    "entries": [
        {
            "project": PROJECT,
            "activity": "1.1",
            "kind": "training",
            "by": "coordinator",
            "title": "Training of pilot school management teams on institutional development plans",
            "description": illustrative(
                en="three days with the directors and deputy directors of the seven "
                "pilot schools on writing an institutional development plan."
            ),
            "start_date": D(2025, 2, 18),
            "end_date": D(2025, 2, 20),
            "site": school(1),
            **people(28, women=15, ages=(0, 3, 25, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "1.1",
            "kind": "workshop",
            "by": "member",
            "title": "Workshop on staff development plans for the regional pilot schools",
            "description": illustrative(
                en="teachers and heads of department of the schools in Ganja, "
                "Jalilabad and Sheki drafted their staff development plans."
            ),
            "start_date": D(2025, 4, 9),
            "end_date": D(2025, 4, 9),
            "site": school(5),
            **people(21, women=12, ages=(0, 4, 17, 0)),
        },
        {
            "project": PROJECT,
            "activity": "1.2",
            "kind": "workshop",
            "by": "coordinator",
            "title": "Workshop on work-based learning placements with local employers",
            "description": illustrative(
                en="teachers and employers agreed how learners' placements in "
                "companies are planned, supervised and assessed."
            ),
            "outcomes": "Illustrative: a placement agreement template for the pilot schools.",
            "start_date": D(2025, 5, 14),
            "end_date": D(2025, 5, 14),
            "site": school(2),
            **people(34, women=14, other=1, ages=(0, 6, 27, 1)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "1.2",
            "kind": "meeting",
            "by": "member",
            "status": "submitted",
            "title": "Meeting with employers on apprenticeship places in Sheki",
            "description": illustrative(
                en="the school and eleven local companies discussed apprenticeship places for the next school year."
            ),
            "start_date": D(2025, 9, 23),
            "end_date": D(2025, 9, 23),
            "site": school(7),
            **people(17, women=6, ages=(0, 2, 15, 0)),
        },
        {
            "project": PROJECT,
            "activity": "1.3",
            "kind": "training",
            "by": "coordinator",
            "title": "Training on financial management and paid services for pilot school accountants",
            "description": illustrative(
                en="budgeting, costing of paid courses for adults and reporting on income from services."
            ),
            "start_date": D(2025, 3, 11),
            "end_date": D(2025, 3, 12),
            "site": school(3),
            **people(19, women=13, ages=(0, 2, 17, 0)),
        },
        {
            "project": PROJECT,
            "activity": "1.3",
            "kind": "meeting",
            "by": "member",
            "title": "Round table with private-sector partners on public-private cooperation",
            "description": illustrative(
                en="companies and pilot schools discussed shared training workshops and company-sponsored courses."
            ),
            "start_date": D(2025, 10, 7),
            "end_date": D(2025, 10, 7),
            "site": school(4),
            **people(26, women=9, ages=(0, 3, 22, 1)),
            "partners": [MINISTRY],
        },
        {
            "project": PROJECT,
            "activity": "1.4",
            "kind": "training",
            "by": "coordinator",
            "title": "Career guidance training for the counsellors of the seven pilot schools",
            "description": illustrative(
                en="three days on individual guidance interviews, labour market information and working with parents."
            ),
            "outcomes": "Illustrative: each school has a named career guidance counsellor and a yearly plan.",
            "start_date": D(2025, 3, 3),
            "end_date": D(2025, 3, 5),
            "site": school(1),
            **people(22, women=17, ages=(0, 5, 17, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "1.4",
            "kind": "campaign_action",
            "by": "member",
            "title": "Open day and career guidance fair for school leavers in Jalilabad",
            "description": illustrative(
                en="pupils of the last grades of nearby general education schools "
                "and their parents visited the workshops and met employers."
            ),
            "start_date": D(2025, 6, 12),
            "end_date": D(2025, 6, 12),
            "site": school(6),
            **people(310, women=162, other=5, ages=(240, 52, 18, 0), disabilities=6),
        },
        {
            "project": PROJECT,
            "activity": "1.4",
            "kind": "campaign_action",
            "by": "member",
            "status": "submitted",
            "title": "Career guidance fair for school leavers in Ganja",
            "description": illustrative(en="the same format as in Jalilabad, with twelve employers' stands."),
            "start_date": D(2025, 11, 20),
            "end_date": D(2025, 11, 20),
            "site": school(5),
            **people(265, women=131, other=4, ages=(201, 47, 17, 0), disabilities=3),
        },
        {
            "project": PROJECT,
            "activity": "1.4",
            "kind": "workshop",
            "by": "member",
            "status": "returned",
            "title": "Career guidance sessions in general education schools of Sheki",
            "description": illustrative(
                en="counsellors of the pilot school ran sessions in four general education schools."
            ),
            "start_date": D(2026, 2, 10),
            "end_date": D(2026, 2, 13),
            "site": school(7),
            **people(140, women=71, ages=(0, 0, 0, 0)),
            "returned_reason": "Please give the participants by age: most of them were pupils under 18, and "
            "all 140 are counted as “age not given” now.",
        },
        {
            "project": PROJECT,
            "activity": "1.5",
            "kind": "training",
            "by": "coordinator",
            "title": "Online course for VET teachers on digital teaching tools (first cohort)",
            "description": illustrative(
                en="an eight-week online course with weekly assignments and a final lesson plan."
            ),
            "start_date": D(2025, 4, 1),
            "end_date": D(2025, 5, 30),
            "place": "Online",
            "country": "AZ",
            **people(86, women=52, ages=(0, 21, 63, 2), disabilities=1),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "1.5",
            "kind": "training",
            "by": "member",
            "status": "draft",
            "title": "Online course for VET teachers on digital teaching tools (second cohort)",
            "description": illustrative(en="second run of the course; the participant list is being completed."),
            "start_date": D(2026, 3, 2),
            "end_date": D(2026, 4, 24),
            "place": "Online",
            "country": "AZ",
            **people(74, women=40, ages=(0, 0, 0, 0)),
        },
        {
            "project": PROJECT,
            "activity": "2.1",
            "kind": "other",
            "by": "coordinator",
            "title": "Handover of the equipment for the small-scale welding workshop",
            "description": illustrative(en="the school's teachers received and tested the welding stations."),
            "start_date": D(2025, 7, 8),
            "end_date": D(2025, 7, 8),
            "site": school(6),
            **people(12, women=2, ages=(0, 1, 11, 0)),
        },
        {
            "project": PROJECT,
            "activity": "2.1",
            "kind": "training",
            "by": "coordinator",
            "title": "Induction for teachers on the accessible workshop equipment for learners with disabilities",
            "description": illustrative(
                en="adjustable workbenches and adapted tools, and how to plan practical lessons with them."
            ),
            "start_date": D(2025, 9, 16),
            "end_date": D(2025, 9, 16),
            "site": school(3),
            **people(14, women=8, ages=(0, 2, 12, 0), disabilities=2),
        },
        {
            "project": PROJECT,
            "activity": "2.2",
            "kind": "other",
            "by": "coordinator",
            "title": "Opening of the learning factory",
            "description": illustrative(
                en="learners, teachers and partner companies opened the learning "
                "factory, where learners make products for real orders."
            ),
            "start_date": D(2025, 10, 21),
            "end_date": D(2025, 10, 21),
            "site": school(2),
            **people(45, women=17, ages=(0, 28, 17, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "2.3",
            "kind": "other",
            "by": "coordinator",
            "title": "Delivery of ventilation and hygiene supplies to the seven pilot schools",
            "description": illustrative(en="one representative of each school signed for the delivery."),
            "start_date": D(2025, 1, 28),
            "end_date": D(2025, 1, 30),
            "place": "Baku, Ganja, Jalilabad and Sheki",
            "country": "AZ",
            **people(7, women=3, ages=(0, 0, 7, 0)),
        },
        {
            "project": PROJECT,
            "activity": "2.4",
            "kind": "training",
            "by": "member",
            "title": "Training on the school management information system",
            "description": illustrative(
                en="secretaries, deputy directors and IT teachers learned to keep learners' records in the new system."
            ),
            "start_date": D(2025, 6, 24),
            "end_date": D(2025, 6, 25),
            "site": school(4),
            **people(31, women=20, ages=(0, 7, 24, 0)),
        },
        {
            "project": PROJECT,
            "activity": "3.1",
            "kind": "meeting",
            "by": "coordinator",
            "title": "Meeting of the national VET coordination group",
            "description": illustrative(
                en="the group reviewed the pilot schools' progress and the plan for the next year."
            ),
            "start_date": D(2025, 5, 27),
            "end_date": D(2025, 5, 27),
            "place": "Baku",
            "country": "AZ",
            **people(18, women=7, ages=(0, 0, 17, 1)),
            "partners": [AGENCY, MINISTRY],
        },
        {
            "project": PROJECT,
            "activity": "3.1",
            "kind": "advocacy_meeting",
            "by": "member",
            "status": "submitted",
            "title": "Consultation on replicating the pilot practices in other regions",
            "description": illustrative(en="which practices of the pilot schools other regions could take over first."),
            "start_date": D(2026, 1, 15),
            "end_date": D(2026, 1, 15),
            "place": "Baku",
            "country": "AZ",
            **people(11, women=5, ages=(0, 0, 11, 0)),
            "partners": [MINISTRY],
        },
        {
            "project": PROJECT,
            "activity": "3.2",
            "kind": "conference",
            "by": "coordinator",
            "title": "National conference of VET providers on competence-based training",
            "description": illustrative(
                en="two days of presentations by the pilot schools and workshops for VET providers from all regions."
            ),
            "start_date": D(2025, 11, 4),
            "end_date": D(2025, 11, 5),
            "place": "Baku",
            "country": "AZ",
            **people(160, women=84, other=2, ages=(0, 25, 128, 4), disabilities=3),
            "partners": [AGENCY, MINISTRY],
        },
        {
            "project": PROJECT,
            "activity": "3.2",
            "kind": "training",
            "by": "member",
            "title": "Training of trainers for VET providers outside the pilot schools",
            "description": illustrative(
                en="teachers of the pilot schools trained colleagues from other VET providers to run the same courses."
            ),
            "start_date": D(2026, 3, 17),
            "end_date": D(2026, 3, 19),
            "site": school(5),
            **people(36, women=21, ages=(0, 6, 30, 0)),
        },
        {
            "project": PROJECT,
            "activity": "4.1",
            "kind": "workshop",
            "by": "coordinator",
            "title": "Workshop with the State Agency's communication department on a VET communication plan",
            "description": illustrative(en="messages, audiences and channels for a year of communication about VET."),
            "start_date": D(2025, 2, 26),
            "end_date": D(2025, 2, 26),
            "place": "Baku",
            "country": "AZ",
            **people(9, women=6, ages=(0, 3, 6, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "4.1",
            "kind": "campaign_action",
            "by": "member",
            "title": "Social media campaign on choosing VET",
            "description": illustrative(
                en="a month of short videos by learners of the pilot schools; no "
                "participants are counted for an online campaign."
            ),
            "start_date": D(2025, 8, 1),
            "end_date": D(2025, 8, 31),
            "place": "Online",
            "country": "AZ",
            **people(0, women=0),
        },
        {
            "project": PROJECT,
            "activity": "4.2",
            "kind": "other",
            "by": "member",
            "title": "National Skills Competition: support to the organising team",
            "description": illustrative(
                en="three days of competitions in eight skills; the participants are the competitors."
            ),
            "start_date": D(2025, 10, 14),
            "end_date": D(2025, 10, 16),
            "place": "Baku",
            "country": "AZ",
            **people(120, women=41, ages=(38, 82, 0, 0)),
        },
        {
            "project": PROJECT,
            "activity": "4.2",
            "kind": "training",
            "by": "member",
            "status": "submitted",
            "title": "Preparation camp for the team going to an international skills competition",
            "description": illustrative(en="competitors and their experts trained together for a week."),
            "start_date": D(2026, 5, 11),
            "end_date": D(2026, 5, 15),
            "site": school(2),
            **people(14, women=4, ages=(3, 7, 4, 0)),
        },
        {
            "project": PROJECT,
            "activity": "4.3",
            "kind": "workshop",
            "by": "coordinator",
            "title": "Information session on the small grants call for VET providers",
            "description": illustrative(
                en="how to apply, what the grants may pay for and how applications are scored."
            ),
            "start_date": D(2025, 9, 9),
            "end_date": D(2025, 9, 9),
            "place": "Baku",
            "country": "AZ",
            **people(47, women=25, ages=(0, 6, 41, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "4.3",
            "kind": "meeting",
            "by": "coordinator",
            "title": "Meeting of the small grants evaluation committee",
            "start_date": D(2025, 12, 2),
            "end_date": D(2025, 12, 2),
            "place": "Baku",
            "country": "AZ",
            "description": illustrative(en="the committee scored the applications and chose the grantees."),
            **people(7, women=3, ages=(0, 0, 7, 0)),
            "partners": [AGENCY],
        },
        {
            "project": PROJECT,
            "activity": "4.4",
            "kind": "campaign_action",
            "by": "member",
            "title": "Youth ambassadors for VET: school visits in Sheki",
            "description": illustrative(
                en="learners of the pilot school told pupils of general education schools about their training."
            ),
            "start_date": D(2026, 4, 8),
            "end_date": D(2026, 4, 10),
            "site": school(7),
            **people(180, women=94, other=3, ages=(172, 8, 0, 0), disabilities=2),
        },
    ],
}
