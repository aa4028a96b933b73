"""A network's logo: set, replaced and removed on the profile form (network_update, through portal.uploads),
shown in the band of the network's pages, served by network:logo to those who may see the network."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scopes_disabled
from lxml import html
from PIL import Image

from network.models import Network, Role
from network.services.networks import network_update
from portal.models import AuditEntry
from tests.factories import NetworkFactory, UserFactory, person_in
from tests.pages import field_error, network_url
from tests.portal.test_uploads import png_declaring

pytestmark = pytest.mark.django_db


def image_file(fmt="PNG", name="logo.png", size=(120, 60), colour="navy"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def stored(media_root):
    """The files under MEDIA_ROOT, relative to it."""
    return sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())


@pytest.fixture
def network():
    return NetworkFactory(name="Career Guidance Network", acronym="CGN", slug="cgn")


@pytest.fixture
def coordinator(network):
    return person_in(network, Role.COORDINATOR, name="Lead NGO", acronym="")


def profile(network, **extra):
    return {"name": network.name, "acronym": network.acronym, "colour": network.colour,
            "visibility": network.visibility, **extra}  # fmt: skip


def post_logo(client, network, **extra):
    return client.post(network_url("edit", network), profile(network, **extra))


def logo_url(network):
    network.refresh_from_db()
    return network_url("logo", network, key=network.logo_key)


def band_logo(response):
    """The logo's <img> in the network band, or None."""
    found = html.fromstring(response.content).xpath('//nav[@class="network-band"]//img[@class="network-logo"]')
    return found[0] if found else None


# --- setting it on the form -------------------------------------------------------------------------------


def test_the_form_sets_the_logo_and_the_band_shows_it(client, network, coordinator, media_root):
    client.force_login(coordinator)
    assert b'enctype="multipart/form-data"' in client.get(network_url("edit", network)).content

    response = post_logo(client, network, logo=image_file(name="cgn.png"))

    assert response.status_code == 302
    network.refresh_from_db()
    assert network.logo.name.startswith("logos/") and network.logo.name.endswith(".png")
    assert "cgn" not in network.logo.name  # a random name, nothing of the upload's
    assert stored(media_root) == [network.logo.name]
    img = band_logo(client.get(network_url("detail", network)))
    assert img is not None and img.get("src") == logo_url(network)
    # The name beside it in the same link says which network it is: the image adds nothing to read out.
    assert img.get("alt") == "" and "Career Guidance Network" in img.getparent().text_content()


def test_a_png_named_exe_is_accepted_as_a_png(client, network, coordinator, media_root):
    client.force_login(coordinator)
    upload = image_file(name="logo.exe")
    upload.content_type = "application/x-msdownload"

    assert post_logo(client, network, logo=upload).status_code == 302

    network.refresh_from_db()
    assert network.logo.name.endswith(".png")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>", "This file is not a PNG, JPEG or WebP image"),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG images are not accepted"),
        (png_declaring(5_000, 5_000), "The image is 5000 × 5000 pixels"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 1024 * 1024, "it may be at most 1.0\xa0MB"),
    ],
    ids=["html", "svg", "bomb", "oversized"],
)
def test_a_refused_file_shows_the_error_next_to_the_field_and_saves_nothing(
    client, network, coordinator, media_root, content, message
):
    client.force_login(coordinator)

    response = post_logo(client, network, name="Renamed network", logo=SimpleUploadedFile("logo.png", content))

    assert response.status_code == 200
    field_error(response, "logo", message)
    network.refresh_from_db()
    assert not network.logo and network.name == "Career Guidance Network"  # nothing saved, not even the name
    assert stored(media_root) == []
    with scopes_disabled():
        assert not AuditEntry.objects.filter(network=network).exists()


def test_replacing_deletes_the_old_file_and_its_address_stops_working(
    client, network, coordinator, media_root, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    post_logo(client, network, logo=image_file(colour="red"))
    old_url, old_name = logo_url(network), network.logo.name

    with django_capture_on_commit_callbacks(execute=False) as pending:
        assert post_logo(client, network, logo=image_file(colour="blue")).status_code == 302
    assert len(stored(media_root)) == 2  # the old file stays until the change commits
    for callback in pending:
        callback()

    network.refresh_from_db()
    assert network.logo.name != old_name
    assert stored(media_root) == [network.logo.name]  # the old file is gone
    assert client.get(old_url).status_code == 404
    served = client.get(logo_url(network))
    assert Image.open(io.BytesIO(b"".join(served.streaming_content))).getpixel((0, 0))[:3] == (0, 0, 255)


def test_removing_deletes_the_file(client, network, coordinator, media_root, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    post_logo(client, network, logo=image_file())
    url = logo_url(network)
    assert "Remove the logo" in client.get(network_url("edit", network)).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert post_logo(client, network, remove_logo="on").status_code == 302

    network.refresh_from_db()
    assert not network.logo
    assert stored(media_root) == []
    assert client.get(url).status_code == 404
    assert band_logo(client.get(network_url("detail", network))) is None


def test_uploading_and_removing_at_once_is_refused(client, network, coordinator, media_root):
    client.force_login(coordinator)
    post_logo(client, network, logo=image_file())
    name = Network.objects.get(pk=network.pk).logo.name

    response = post_logo(client, network, logo=image_file(colour="green"), remove_logo="on")

    field_error(response, "logo", "Upload a new logo or remove the logo, not both.")
    assert Network.objects.get(pk=network.pk).logo.name == name
    assert stored(media_root) == [name]


def test_saving_the_profile_without_a_file_keeps_the_logo(client, network, coordinator, media_root):
    client.force_login(coordinator)
    post_logo(client, network, logo=image_file())
    name = Network.objects.get(pk=network.pk).logo.name

    assert post_logo(client, network, name="Renamed").status_code == 302

    assert Network.objects.get(pk=network.pk).logo.name == name
    assert stored(media_root) == [name]


# --- the audit log -------------------------------------------------------------------------------------


def test_each_change_of_logo_is_in_the_audit_log(network, coordinator, media_root):
    def entries():
        return list(
            AuditEntry.objects.filter(network=network, action="network.logo_changed")
            .order_by("pk")
            .values_list("before", "after")
        )

    with scopes_disabled():
        network_update(network=network, data={}, acting_user=coordinator, logo=image_file(name="first.png"))
        network_update(network=network, data={}, acting_user=coordinator, logo=image_file(name="second.jpg"))
        network_update(network=network, data={}, acting_user=coordinator, remove_logo=True)
        network_update(network=network, data={}, acting_user=coordinator, remove_logo=True)  # nothing to remove
        assert entries() == [
            ({"logo": ""}, {"logo": "first.png, 120 × 60 px"}),
            ({"logo": "first.png, 120 × 60 px"}, {"logo": "second.jpg, 120 × 60 px"}),
            ({"logo": "second.jpg, 120 × 60 px"}, {"logo": ""}),
        ]
        # The profile's own entry is not written for a logo alone.
        assert not AuditEntry.objects.filter(network=network, action="network.updated").exists()


def test_the_service_checks_permission_and_the_file(network, media_root):
    member = person_in(network, Role.MEMBER)
    from django.core.exceptions import PermissionDenied, ValidationError

    with scopes_disabled():
        with pytest.raises(PermissionDenied):
            network_update(network=network, data={}, acting_user=member, logo=image_file())
        coordinator = person_in(network, Role.COORDINATOR)
        with pytest.raises(ValidationError) as error:
            network_update(
                network=network, data={}, acting_user=coordinator, logo=SimpleUploadedFile("x.png", b"<html></html>")
            )
    assert "logo" in error.value.message_dict
    assert stored(media_root) == []


# --- serving -------------------------------------------------------------------------------------------


def _with_logo(network, coordinator):
    with scopes_disabled():
        network_update(network=network, data={}, acting_user=coordinator, logo=image_file())
    return logo_url(network)


def test_the_logo_is_served_as_the_image_it_is_with_nosniff(client, network, coordinator, media_root):
    url = _with_logo(network, coordinator)

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'inline; filename="cgn-logo.png"'
    assert "sandbox" in response["Content-Security-Policy"]
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "PNG"
    assert client.post(url).status_code == 405


def test_a_private_networks_logo_is_404_for_outsiders_and_private_for_members(client, network, coordinator, media_root):
    Network.objects.filter(pk=network.pk).update(visibility=Network.Visibility.PRIVATE)
    network.refresh_from_db()
    url = _with_logo(network, coordinator)

    assert client.get(url).status_code == 404  # anonymous
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # signed in, in no organisation of the network
    client.force_login(person_in(NetworkFactory(), Role.COORDINATOR))
    assert client.get(url).status_code == 404  # another network's coordinator

    client.force_login(person_in(network, Role.OBSERVER))
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_a_wrong_key_or_a_network_without_logo_answers_404(client, network, coordinator, media_root):
    assert client.get(network_url("logo", network, key="0" * 32)).status_code == 404
    _with_logo(network, coordinator)
    assert client.get(network_url("logo", network, key="0" * 32)).status_code == 404


def test_media_root_is_not_served_as_it_is(client, network, coordinator, media_root):
    _with_logo(network, coordinator)
    network.refresh_from_db()
    assert client.get(f"/media/{network.logo.name}").status_code == 404
