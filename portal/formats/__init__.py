"""Date formats where Django's own locale formats do not suit the portal (FORMAT_MODULE_PATH).

Templates only name Django's formats (`|date:"DATE_FORMAT"`, "SHORT_DATE_FORMAT", "YEAR_MONTH_FORMAT");
a language without a module here uses Django's (Polish and Azerbaijani "j E Y" already give the
genitive month: "8 grudnia 2020"). A module overrides only the names it defines.
"""
