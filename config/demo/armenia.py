"""Seed 000, Armenia. The coalition document names the network itself.

The keys hold each app's part side by side: "network", "objectives", "tasks" and "organisations"
(network and members), "projects" (projects), "agreements" and "news" (network), "entries" (the activity
log). See config/demo/__init__.py.
"""

import datetime

from config.demo.common import DEMO_NOTE, EUROPEAN_UNION, OUTPUT_NOTE, illustrative, illustrative_text, people

D = datetime.date
PROJECT = "social-partnership-and-education"
SAEC, ALLL = "Sisian Adult Education Center Foundation", "Armenian Lifelong Learning League Union of Legal Entities"
# The document names no ministry ("government agencies", "state institutions"); the package is addressed to the
# ministry in charge of education and VET in Armenia, under its official English name.
MINISTRY = "Ministry of Education, Science, Culture and Sports of the Republic of Armenia"
PACKAGE = "Recommendations package for VET reforms"  # the last of the network's objectives names it
PACKAGE_HY = "Մասնագիտական կրթության և ուսուցման բարեփոխումների առաջարկությունների փաթեթ"

# The network's texts are the document's English; each has an Armenian translation (ours, written by a person:
# stored as a "human" translation, the English staying the original). Organisation and programme names stay as
# the document writes them.
DESCRIPTION = (
    "The Coalition of “Partnership for Education Promotion” civil society organizations is "
    "implementing the “Social Partnership and Education: Community-based Opportunities for Young "
    "People” project funded by the “Commitment to Constructive Dialogue” project financed by the "
    "European Union.\n"
    "Members of Coalition are Partnership and Teaching/P&T NGO, Global Development "
    "Foundation/GDF, «Sisian Adult Education Center Foundation /SAEC, Armenian Lifelong Learning "
    "League Union of Legal Entities/ ALLL"
)
FOUNDING_STATEMENT = (
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
)

SEED = {
    "network": {
        "name": "Partnership for Education Promotion Network",
        "acronym": "PEP",
        "slug": "pep",
        "countries": ["AM"],
        "languages": ["hy", "en"],
        "language": "en",  # the texts below are the English ones
        "colour": "#1f5f8b",
        "description": {
            "en": DESCRIPTION,
            "hy": (
                "«Partnership for Education Promotion» քաղաքացիական հասարակության կազմակերպությունների "
                "կոալիցիան իրականացնում է «Սոցիալական գործընկերություն և կրթություն. համայնքահեն "
                "հնարավորություններ երիտասարդների համար» ծրագիրը, որը ֆինանսավորվում է European Union-ի "
                "ֆինանսավորմամբ իրականացվող «Commitment to Constructive Dialogue» ծրագրի կողմից։\n"
                "Կոալիցիայի անդամներն են Partnership and Teaching/P&T ՀԿ-ն, Global Development Foundation/GDF-ը, "
                "«Sisian Adult Education Center Foundation /SAEC-ը, Armenian Lifelong Learning League Union of Legal "
                "Entities/ ALLL-ը"
            ),
        },
        "founding_statement": {
            "en": FOUNDING_STATEMENT,
            "hy": (
                "- Կարևորելով Հայաստանում կրթության ոլորտի բարեփոխումների և զարգացման հիմնախնդիրները,\n"
                "- Նպատակ ունենալով խթանել կազմակերպությունների ներգրավվածությունը որոշումների կայացման "
                "գործընթացներում՝ տեղական ինքնակառավարման մարմինների և պետական գերատեսչությունների հետ "
                "համագործակցության զարգացման միջոցով,\n"
                "- Համոզված լինելով, որ այդ մասնակցությունը կնպաստի կրթական հիմնախնդիրների լուծման վերաբերյալ "
                "կազմակերպությունների միասնական դիրքորոշման ձևավորմանը,\n"
                "- Ընդգծելով կրթության ոլորտում հանրային քաղաքականության մշակման, շահերի պաշտպանության և "
                "հանրային մասնակցության առաջնահերթությունները,\n"
                "Նպատակահարմար են համարել համախմբվել ցանցային համագործակցության շուրջ և ստեղծել «Partnership for "
                "Education Promotion Network» ցանցը։"
            ),
        },
    },
    # "OBJECTIVES AND TASKS OF THE NETWORK", in the document's order, each with its Armenian translation.
    "objectives": [
        {
            "en": "Promote the role of CSOs in education as key actors in policy-making and dialogue-making "
            "processes on education reform",
            "hy": "Խթանել ՔՀԿ-ների դերը կրթության ոլորտում՝ որպես կրթական բարեփոխումների վերաբերյալ "
            "քաղաքականության մշակման և երկխոսության գործընթացների առանցքային դերակատարներ",
        },
        {
            "en": "To form a Social Partnership aimed at improving the career counseling system in the primary and "
            "secondary vocational education and training (VET) and labor market (LM) communication and "
            "general education schools in Armenia’s enlarged communities",
            "hy": "Ձևավորել սոցիալական գործընկերություն՝ ուղղված Հայաստանի խոշորացված համայնքներում նախնական և "
            "միջին մասնագիտական կրթության և ուսուցման (ՄԿՈՒ) և աշխատաշուկայի (ԱՇ) հաղորդակցության, ինչպես նաև "
            "հանրակրթական դպրոցներում կարիերայի խորհրդատվության համակարգի բարելավմանը",
        },
        {
            "en": "To contribute to the strengthening of VET and LM communication by forming a dialogue aimed at "
            "improving the career counseling system at community, regional and national levels at secondary "
            "schools",
            "hy": "Նպաստել ՄԿՈՒ-ի և ԱՇ-ի հաղորդակցության ամրապնդմանը՝ ձևավորելով երկխոսություն, որն ուղղված է "
            "միջնակարգ դպրոցներում կարիերայի խորհրդատվության համակարգի բարելավմանը համայնքային, մարզային և "
            "ազգային մակարդակներում",
        },
        {
            "en": "To contribute to the development of mechanisms aimed at targeted and effective involvement of "
            "social partners and employers in the VET sector",
            "hy": "Նպաստել ՄԿՈՒ ոլորտում սոցիալական գործընկերների և գործատուների նպատակային և արդյունավետ "
            "ներգրավմանն ուղղված մեխանիզմների մշակմանը",
        },
        {
            "en": "To assist in the establishment of network collaboration of VET institutions",
            "hy": "Աջակցել ՄԿՈՒ հաստատությունների ցանցային համագործակցության ստեղծմանը",
        },
        {
            "en": "To support the further development of public-private partnership based on VET institutions and "
            "production training centers",
            "hy": "Աջակցել ՄԿՈՒ հաստատությունների և արտադրական ուսումնական կենտրոնների հիման վրա "
            "պետություն-մասնավոր գործընկերության հետագա զարգացմանը",
        },
        {
            "en": "Assist in the development of a person’s professional orientation and career management system "
            "and relevant services",
            "hy": "Աջակցել անձի մասնագիտական կողմնորոշման և կարիերայի կառավարման համակարգի ու համապատասխան "
            "ծառայությունների զարգացմանը",
        },
        {
            "en": "To contribute to the introduction and development of professional orientation and career "
            "services in general education schools",
            "hy": "Նպաստել հանրակրթական դպրոցներում մասնագիտական կողմնորոշման և կարիերայի ծառայությունների "
            "ներդրմանն ու զարգացմանը",
        },
        {
            "en": "Develop cooperation between the LG and the state institutions and organizations to ensure the "
            "examination of normative legal acts, monitoring, surveys, surveys, and provision of them to the "
            "LG bodies and government agencies",
            "hy": "Զարգացնել համագործակցությունը ՏԻ-ի և պետական հաստատությունների ու կազմակերպությունների միջև՝ "
            "ապահովելու նորմատիվ իրավական ակտերի փորձաքննությունը, մոնիթորինգը, հետազոտություններն ու "
            "հարցումները և դրանց տրամադրումը ՏԻ մարմիններին և պետական գերատեսչություններին",
        },
        {
            "en": "Develop recommendations package for VET reforms.",
            "hy": "Մշակել ՄԿՈՒ բարեփոխումների առաջարկությունների փաթեթ։",
        },
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
            "title": {
                "en": "Social Partnership and Education: Community-based Opportunities for Young People",
                "hy": "Սոցիալական գործընկերություն և կրթություն. համայնքահեն հնարավորություններ երիտասարդների համար",
            },
            "slug": "social-partnership-and-education",
            "status": "active",
            "countries": ["AM"],
            "language": "en",
            "summary": {
                "en": (
                    "The Coalition of “Partnership for Education Promotion” civil society organizations is "
                    "implementing the “Social Partnership and Education: Community-based Opportunities for "
                    "Young People” project funded by the “Commitment to Constructive Dialogue” project "
                    "financed by the European Union."
                ),
                "hy": (
                    "«Partnership for Education Promotion» քաղաքացիական հասարակության կազմակերպությունների "
                    "կոալիցիան իրականացնում է «Սոցիալական գործընկերություն և կրթություն. համայնքահեն "
                    "հնարավորություններ երիտասարդների համար» ծրագիրը, որը ֆինանսավորվում է European Union-ի "
                    "ֆինանսավորմամբ իրականացվող «Commitment to Constructive Dialogue» ծրագրի կողմից։"
                ),
            },
            # From the origin of the money down to this project.
            "funding_chain": [
                {"kind": "funder", "name": "European Union"},
                {"kind": "intermediary", "name": "Commitment to Constructive Dialogue"},
            ],
            # The package the network's last objective asks for, as an expected result of the project, with an
            # indicator computed from the uptake ledger (advocacy/indicators.py). Both are ours: the document
            # gives the project no logframe.
            "results": [
                {
                    "level": "output",
                    "title": {"en": PACKAGE, "hy": PACKAGE_HY},
                    "indicators": [
                        {
                            "name": {
                                "en": "Illustrative: recommendations of the package adopted by the Ministry",
                                "hy": "Օրինակային՝ փաթեթի առաջարկությունները, որոնք ընդունել է նախարարությունը",
                            },
                            "unit": "recommendations",
                            "target": "4",
                            "source": "ledger_adopted",
                        },
                    ],
                },
            ],
            # The four coalition members. The document names no lead, so all four are partners. The European Union,
            # which finances the project (through the intermediary above), is its funder: the same record as VET for
            # the Future's funder (config.demo.SHARED_ORGANISATIONS), which the funding chain's first link then names.
            "partners": [
                {"organisation": "Partnership and Teaching", "role": "partner"},
                {"organisation": "Global Development Foundation", "role": "partner"},
                {"organisation": "Sisian Adult Education Center Foundation", "role": "partner"},
                {"organisation": "Armenian Lifelong Learning League Union of Legal Entities", "role": "partner"},
                {"organisation": EUROPEAN_UNION, "role": "funder"},
            ],
        },
    ],
    # Institutions the network's outputs are addressed to, not members of it (config.demo's docstring). The
    # ministry has a demo login: its person finds the package on the "documents addressed to us" page.
    "institutions": [
        {
            "name": MINISTRY,
            "acronym": "MoESCS",
            "kind": "ministry",
            "country": "AM",
            "city": "Yerevan",
            "description": DEMO_NOTE + "an institution the recommendations package for VET reforms is addressed "
            "to, and a demo login for its staff (the document names no ministry).",
            "login": {"email": "ministry@demo.partnera.org", "full_name": "Ministry Demo Officer"},
        },
    ],
    # The "recommendations package for VET reforms" of the network's last objective. The document names it and
    # nothing of its content: the recommendations, the submissions and the ministry's answers are illustrative
    # (each text says so), written in English with Armenian translations (stored as translations, not as the
    # original). Restricted: the members and the ministry read it.
    "outputs": [
        {
            "kind": "recommendation_package",
            "language": "en",
            "title": {
                "en": PACKAGE,
                "hy": PACKAGE_HY,
            },
            "summary": {
                "en": "The package the network's objectives call for (“Develop recommendations package for VET "
                "reforms.”). " + OUTPUT_NOTE + "its recommendations follow the network's objectives on career "
                "counselling, social partnership and the involvement of employers in VET.",
                "hy": "Ցանցի նպատակներով նախատեսված փաթեթը։ Օրինակային (ցուցադրական տվյալներ, ոչ աղբյուր "
                "փաստաթղթից)՝ առաջարկությունները հետևում են կարիերայի խորհրդատվության, սոցիալական "
                "գործընկերության և ՄԿՈՒ-ում գործատուների ներգրավման վերաբերյալ ցանցի նպատակներին։",
            },
            "body": {
                "en": "<p>" + OUTPUT_NOTE + "the coalition drafted the package with VET colleges, general "
                "education schools and local self-government bodies of the enlarged communities, and presented "
                "the draft to government agencies before submitting it.</p>",
            },
            "visibility": "restricted",
            "project": PROJECT,
            "result": PACKAGE,
            "authors": ["Partnership and Teaching", "Global Development Foundation", SAEC, ALLL],
            "institutions": [MINISTRY],
            "recommendations": [
                {
                    "text": illustrative_text(
                        en="Introduce a career counsellor's position in every general education school of the "
                        "enlarged communities.",
                        hy="Ներդնել կարիերայի խորհրդատուի հաստիք խոշորացված համայնքների յուրաքանչյուր "
                        "հանրակրթական դպրոցում։",
                    ),
                    "rationale": "Most schools of the enlarged communities have nobody whose task is career guidance.",
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Adopt a national standard for career counselling services in VET institutions.",
                        hy="Ընդունել ՄԿՈՒ հաստատություններում կարիերայի խորհրդատվական ծառայությունների ազգային "
                        "չափորոշիչ։",
                    ),
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Involve employers and social partners in updating VET qualification standards and "
                        "curricula.",
                        hy="Ներգրավել գործատուներին և սոցիալական գործընկերներին ՄԿՈՒ որակավորումների "
                        "չափորոշիչների և ուսումնական ծրագրերի թարմացման գործում։",
                    ),
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Give VET institutions and production training centres a legal basis for work-based "
                        "learning in public-private partnership.",
                        hy="Ստեղծել իրավական հիմքեր ՄԿՈՒ հաստատություններում և արտադրական ուսումնական "
                        "կենտրոններում աշխատավայրում ուսուցման համար՝ պետություն-մասնավոր գործընկերությամբ։",
                    ),
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Support a national network of VET institutions that share teaching methods and resources.",
                        hy="Աջակցել ՄԿՈՒ հաստատությունների ազգային ցանցին՝ ուսուցման մեթոդների և ռեսուրսների "
                        "փոխանակման համար։",
                    ),
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Consult civil society organisations on draft normative legal acts in education in a "
                        "standing public consultation procedure.",
                        hy="Կրթության ոլորտի նորմատիվ իրավական ակտերի նախագծերը քննարկել քաղաքացիական "
                        "հասարակության կազմակերպությունների հետ՝ մշտական հանրային խորհրդակցության ընթացակարգով։",
                    ),
                    "institution": MINISTRY,
                },
                {
                    "text": illustrative_text(
                        en="Share labour market information with local self-government bodies, schools and VET "
                        "institutions every year.",
                        hy="Ամեն տարի աշխատաշուկայի տեղեկատվությունը տրամադրել տեղական ինքնակառավարման "
                        "մարմիններին, դպրոցներին և ՄԿՈՒ հաստատություններին։",
                    ),
                    "institution": MINISTRY,
                },
            ],
            # The uptake ledger: the package by letter, then each recommendation at a meeting (following the
            # letter up), and the ministry's answers. Recommendation 4 waits past its due date; 7 is not
            # submitted yet. The ledger indicator counts 2 and 6 (adopted); 1 is partly adopted.
            "submissions": [
                {
                    "key": "letter",
                    "institution": MINISTRY,
                    "submitted_on": D(2025, 11, 17),
                    "channel": "letter",
                    "response_due": D(2025, 12, 17),
                    "response": {
                        "responded_on": D(2025, 12, 10),
                        "outcome": "acknowledged",
                        "response_text": OUTPUT_NOTE + "the ministry confirmed receipt and passed the package to "
                        "its VET department.",
                    },
                },
                *(
                    {
                        "recommendation": number,
                        "institution": MINISTRY,
                        "submitted_on": D(2026, 2, 12),
                        "channel": "meeting",
                        "follows_up": "letter",
                        "response": response,
                    }
                    for number, response in (
                        (
                            1,
                            {
                                "responded_on": D(2026, 4, 3),
                                "outcome": "partly_adopted",
                                "response_text": OUTPUT_NOTE + "counsellors' positions first in ten pilot schools of "
                                "Syunik; the other schools later.",
                            },
                        ),
                        (
                            2,
                            {
                                "responded_on": D(2026, 5, 20),
                                "outcome": "adopted",
                                "response_text": OUTPUT_NOTE + "the standard is in the ministry's VET action plan.",
                            },
                        ),
                        (
                            3,
                            {
                                "responded_on": D(2026, 3, 30),
                                "outcome": "under_consideration",
                                "response_text": OUTPUT_NOTE + "to be discussed with the sector skills councils.",
                            },
                        ),
                        (
                            5,
                            {
                                "responded_on": D(2026, 4, 3),
                                "outcome": "rejected",
                                "response_text": OUTPUT_NOTE + "no budget for a national network this year.",
                            },
                        ),
                        (
                            6,
                            {
                                "responded_on": D(2026, 6, 15),
                                "outcome": "adopted",
                                "response_text": OUTPUT_NOTE + "drafts in education are now published for "
                                "consultation with CSOs.",
                            },
                        ),
                    )
                ),
                {
                    "recommendation": 4,
                    "institution": MINISTRY,
                    "submitted_on": D(2026, 3, 2),
                    "channel": "letter",
                    "follows_up": "letter",
                    "response_due": D(2026, 4, 1),  # no answer: overdue
                },
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
