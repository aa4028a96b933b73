"""`manage.py makemessages`, with the project's settings: refresh the catalogs under locale/ from the code.

Django's command, plus: no fuzzy matching (msgmerge would otherwise guess a translation for a new
string from a similar old one and mark it fuzzy; a guessed translation is a wrong one, and the
catalog check in tests/portal/test_catalogs.py refuses fuzzy entries), no obsolete entries, file
names without line numbers (a catalog changes when a string changes, not when code moves), and the
folders that hold no interface strings left out. Run `manage.py makemessages --all` after changing
strings, translate what is new in each locale/<code>/LC_MESSAGES/django.po (scripts/translations.py
lists it), then `scripts/translations.py compile`.
"""

from django.core.management.commands import makemessages

IGNORED = [".venv/*", "tests/*", "scripts/*", "staticfiles/*", "media/*", "node_modules/*", "static/vendor/*", "var/*"]


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *IGNORED]
        options["no_obsolete"] = True
        options["add_location"] = "file"
        if options.get("all") and not options.get("locale"):
            from django.conf import settings

            options["all"] = False
            options["locale"] = [code for code, _name in settings.LANGUAGES]
        return super().handle(*args, **options)
