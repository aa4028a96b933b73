# Slovenian writes the day as an ordinal and the month in small letters: "8. december 2020"
# (Django's "d. F Y" would zero-pad the day).
DATE_FORMAT = "j. F Y"
# Short dates in figures, as CLDR writes them ("8. 12. 2020"): Django's "j. M. Y" capitalises the month's
# abbreviation ("8. Dec. 2020"), which Slovenian writes in small letters.
SHORT_DATE_FORMAT = "j. n. Y"
