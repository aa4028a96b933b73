"""How a test calls as someone: a browser session, or an API token (the two ways the API authenticates).

The scope middleware runs before DRF authenticates a token, so a rule that works for a session caller
can still fail a token caller; every API test that asks "who may" runs with both kinds (`client_kind`
fixture in tests/conftest.py). Pages ignore tokens: a token client is anonymous there.
"""

CLIENT_KINDS = ("session", "token")


def is_api(path):
    return path.startswith("/api/")


def sign_in(client, user, kind="session"):
    """Make every later request of `client` come from `user` (None: stay anonymous)."""
    if kind not in CLIENT_KINDS:
        raise ValueError(f"Unknown client kind {kind!r}; one of {CLIENT_KINDS}")
    if user is None:
        return client
    if kind == "session":
        client.force_login(user)
    else:
        # Imported here: tests/conftest.py imports this module before Django is set up.
        from rest_framework.authtoken.models import Token

        token, _created = Token.objects.get_or_create(user=user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client


def take_address(client, address, mailoutbox, *, owner_client):
    """Issue 7's first step: the person signed in on `client` puts someone else's `address` on their
    account through allauth's e-mail page, and the address's owner, on `owner_client`, clicks Confirm in the
    mail allauth sends them ("user X has given your email address…"). Then the address is made primary
    (with several addresses per account it had to be; with one it already is)."""
    import re

    response = client.post("/accounts/email/", {"action_add": "", "email": address})
    assert response.status_code in (200, 302), response.status_code
    (mail,) = [m for m in mailoutbox if m.to == [address]]
    confirm = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^/\s]+/)", mail.body).group(1)
    assert owner_client.post(confirm).status_code == 302
    client.post("/accounts/email/", {"action_primary": "", "email": address})
