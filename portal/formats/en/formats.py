# The documents the networks publish write "8 December 2020", not the American "Dec. 8, 2020".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
# Compact month ranges in lists ("Jan 2025 – Dec 2027").
YEAR_MONTH_FORMAT = "M Y"
