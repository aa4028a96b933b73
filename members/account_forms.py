"""allauth's forms in the portal's words (ACCOUNT_FORMS in portal/settings.py): labels in sentence case
("E-mail address", "New password again"), no placeholders repeating the label (GOV.UK: a placeholder
vanishes as one types). The fields, their checks and allauth's flows stay allauth's.

A module of its own: allauth.account.forms imports members.forms (ACCOUNT_SIGNUP_FORM_CLASS), so
members.forms cannot import it back.
"""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _

EMAIL = _("E-mail address")


class _PortalWords:
    labels = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in self.labels:
                field.label = self.labels[name]


class LoginForm(_PortalWords, allauth_forms.LoginForm):
    labels = {"login": EMAIL, "password": _("Password"), "remember": _("Keep me logged in on this device")}


class SignupForm(_PortalWords, allauth_forms.SignupForm):
    labels = {"email": EMAIL, "password1": _("Password"), "password2": _("Password again")}


class AddEmailForm(_PortalWords, allauth_forms.AddEmailForm):
    labels = {"email": _("New e-mail address")}


class ChangePasswordForm(_PortalWords, allauth_forms.ChangePasswordForm):
    labels = {
        "oldpassword": _("Current password"),
        "password1": _("New password"),
        "password2": _("New password again"),
    }


class SetPasswordForm(_PortalWords, allauth_forms.SetPasswordForm):
    labels = {"password1": _("Password"), "password2": _("Password again")}


class ResetPasswordForm(_PortalWords, allauth_forms.ResetPasswordForm):
    labels = {"email": EMAIL}


class ResetPasswordKeyForm(_PortalWords, allauth_forms.ResetPasswordKeyForm):
    labels = {"password1": _("New password"), "password2": _("New password again")}


class ReauthenticateForm(_PortalWords, allauth_forms.ReauthenticateForm):
    labels = {"password": _("Password")}
