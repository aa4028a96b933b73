"""What the seed modules share: the notes on what is ours, not the documents', and the participant breakdowns
of the illustrative activity log entries."""

# Organisations that several seeds name and that are one organisation: a project partner of this name is
# that organisation's record (created by the seed that lists it as a member), whichever network names it. On the
# pages a name typed in a project is matched only among the organisations its network deals with
# (projects.services.items), since a name alone does not say two networks mean the same one; the demo knows.
# The European Union finances PEP's project (through "Commitment to Constructive Dialogue"), ALLIANCE (through
# Erasmus+) and VET for the Future: one EU, funder of three projects in three networks, which its donor login
# follows. No other seed names it as a funder (the Polish agreement names its programme, Wiedza Edukacja Rozwój,
# not who funds it; the Slovenian document names no funder), and ALLIANCE's title ("…for EU Projects…") and
# Erasmus+, its programme, link no organisation.
EUROPEAN_UNION = "European Union"
SHARED_ORGANISATIONS = (EUROPEAN_UNION,)

DEMO_NOTE = "Demo data: this organisation is not in the source document; it exists so the demo has "

# The activity log entries are ours: no document reports what was done, when or with how many people. Each
# description opens with this note (in the entry's language, and in English), so nobody takes them for facts.
ENTRY_NOTE = "Illustrative entry (demo data, not from the source document): "
ENTRY_NOTES = {
    "en": ENTRY_NOTE,
    "pl": "Wpis przykładowy (dane demonstracyjne, nie z dokumentu źródłowego): ",
    "sl": "Ponazoritveni vnos (demo podatki, ne iz izvornega dokumenta): ",
}


def illustrative(**texts):
    """An entry's description, each language's text after that language's note: illustrative(en="…")."""
    if list(texts) == ["en"]:
        return ENTRY_NOTE + texts["en"]
    return {language: ENTRY_NOTES[language] + text for language, text in texts.items()}


def people(total, *, women, other=0, ages=(0, 0, 0, 0), disabilities=0):
    """The participant fields of an entry: `total`, of whom `women`, `other` (other or not given) and the rest
    men; `ages` = (under 18, 18–29, 30–64, 65+), the rest "age not given". Both breakdowns add up to the total."""
    men, age_not_given = total - women - other, total - sum(ages)
    if men < 0 or age_not_given < 0 or disabilities > total:
        raise ValueError(f"a breakdown of {total} participants adds up to more than {total}")
    under_18, age_18_29, age_30_64, age_65_plus = ages
    return {
        "participants_total": total, "women": women, "men": men, "other_or_not_given": other,
        "under_18": under_18, "age_18_29": age_18_29, "age_30_64": age_30_64, "age_65_plus": age_65_plus,
        "age_not_given": age_not_given, "with_disabilities": disabilities,
    }  # fmt: skip


# The advocacy outputs' recommendations, submissions and responses are ours too: the documents name the outputs
# (a recommendations package, a study, an official proposal, a guidebook…) but not what they say nor what the
# institutions answered. Every such text opens with this note (and its translation), so nobody takes them for
# facts; an output's summary says which parts are the document's.
OUTPUT_NOTE = "Illustrative (demo data, not from the source document): "
OUTPUT_NOTES = {
    "en": OUTPUT_NOTE,
    "hy": "Օրինակային (ցուցադրական տվյալներ, ոչ աղբյուր փաստաթղթից)՝ ",
    "sl": "Ponazoritveno (demo podatki, ne iz izvornega dokumenta): ",
}


def illustrative_text(**texts):
    """An output's illustrative text, each language's after that language's note: illustrative_text(en="…")."""
    return {language: OUTPUT_NOTES[language] + text for language, text in texts.items()}
