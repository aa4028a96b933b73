# Django ships no Armenian formats (it would fall back to the American "N j, Y"). CLDR's long date,
# "2026 թ. դեկտեմբերի 2": the year, "թ." (year), the month in its genitive ("alt. month", from
# portal/formats/months.py) and the day.
DATE_FORMAT = "Y թ. E j"
SHORT_DATE_FORMAT = "d.m.Y"
YEAR_MONTH_FORMAT = "F Y"
# Numbers as CLDR writes them in Armenian: "1 234 567,5" (a no-break space between the thousands).
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
