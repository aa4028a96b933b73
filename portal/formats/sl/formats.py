# Slovenian writes the day as an ordinal and the month in small letters: "8. december 2020"
# (Django's "d. F Y" would zero-pad the day).
DATE_FORMAT = "j. F Y"
