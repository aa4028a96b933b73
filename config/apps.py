from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfigConfig(AppConfig):
    """The composition root: it sits above every app and is the only package allowed to import them all."""

    name = "config"
    verbose_name = _("Partnera")
