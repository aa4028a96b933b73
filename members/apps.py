from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("People and organisations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from members import accounts, permissions  # noqa: F401  (registers the rules)

        user_logged_in.connect(accounts.forget_invited_address, dispatch_uid="members.forget_invited_address")
        user_logged_in.connect(accounts.apply_profile_language, dispatch_uid="members.apply_profile_language")
