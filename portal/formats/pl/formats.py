# Polish short dates have dots, as CLDR writes them ("8.12.2020"); Django's are "08-12-2020".
SHORT_DATE_FORMAT = "j.m.Y"
