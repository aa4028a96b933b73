# Django's Albanian formats zero-pad the day ("08 Dhjetor 2020"), write short dates the ISO way and group no
# thousands. CLDR's: "8 dhjetor 2020", "8.12.20" (here with the whole year) and "1 234 567,5" (a no-break space).
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j.n.Y"
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
