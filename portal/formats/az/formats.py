# Thousands as CLDR groups them in Azerbaijani, with a dot ("399.542,28"), so a number reads as the money
# beside it (portal.numbers, Babel); Django's own file groups with a no-break space.
THOUSAND_SEPARATOR = "."
