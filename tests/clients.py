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
