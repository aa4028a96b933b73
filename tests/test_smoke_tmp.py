import pytest
from django.urls import reverse
from tests.factories import NetworkFactory, person_in, PASSWORD, AffiliationFactory
from network.models import Role

@pytest.mark.django_db
def test_smoke(client):
    net = NetworkFactory()
    coord = person_in(net, Role.COORDINATOR)
    client.force_login(coord)
    for url in [reverse("home"), reverse("network:directory"), reverse("network:detail", kwargs={"network_slug": net.slug}),
                reverse("network:workspace", kwargs={"network_slug": net.slug}), reverse("network:manage_members", kwargs={"network_slug": net.slug}),
                reverse("network:edit", kwargs={"network_slug": net.slug}), reverse("network:create"), reverse("members:organisation_create")]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
    ngo = AffiliationFactory().user
    client.force_login(ngo)
    r = client.get(reverse("network:join", kwargs={"network_slug": net.slug}))
    assert r.status_code == 200
    client.logout()
    for url in [reverse("home"), reverse("account_login"), reverse("account_signup"), reverse("network:detail", kwargs={"network_slug": net.slug})]:
        r = client.get(url); assert r.status_code == 200, url
