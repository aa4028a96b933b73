# Django ships no Armenian formats (it would fall back to the American "N j, Y"). Day, month, year,
# with the month in its "alt. month" (genitive) form where the translation catalogue gives one.
DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "d.m.Y"
YEAR_MONTH_FORMAT = "F Y"
