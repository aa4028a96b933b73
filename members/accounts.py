"""How allauth's sign-up, login and e-mail pages fit Partnera (ACCOUNT_ADAPTER in portal/settings.py)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.validators import MaxLengthValidator

from portal.inputs import EMAIL_MAX_LENGTH


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email):
        """allauth's address fields take 320 characters, the columns 254: an address between the two
        failed the INSERT on PostgreSQL (a 500 at sign-up, or adding an address). Sign-up, adding or
        changing an address and password reset all ask here."""
        MaxLengthValidator(EMAIL_MAX_LENGTH)(email)  # a ValidationError shows on the form's e-mail field
        return super().clean_email(email)
