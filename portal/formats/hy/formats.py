# Django ships no Armenian formats (it would fall back to the American "N j, Y"). Day, month, year,
# with the month in its "alt. month" (genitive) form where the translation catalogue gives one.
DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "d.m.Y"
YEAR_MONTH_FORMAT = "F Y"
# Numbers as CLDR writes them in Armenian: "1 234 567,5" (a no-break space between the thousands).
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
