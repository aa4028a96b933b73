"""The demo networks' projects, for `manage.py load_demo` (network's command finds this module by name).

The projects are plain data in network/demo_data.py, under each network's "projects" key, next to the
network they belong to (data only: network imports nothing from here). Each goes through
services.project_import as the network's demo coordinator, so the same validation applies as on the
pages. A project whose address already exists in the network is left as it is, so running the command
again adds nothing.
"""

from django_scopes import scope

from members.models import Organisation
from projects.models import Project
from projects.services import project_import


def load_demo(*, entry, network, acting_user):
    """Import the projects of one demo network that are not there yet; return what was created."""
    created = {"projects": 0, "organisations": 0}
    for data in entry.get("projects", ()):
        with scope(network=network):
            if Project.objects.filter(network=network, slug=data["slug"]).exists():
                continue
        organisations_before = Organisation.objects.count()
        project_import(network=network, data=data, acting_user=acting_user)
        created["projects"] += 1
        # Partners and addressees new to Partnera are created by the import (without an admin).
        created["organisations"] += Organisation.objects.count() - organisations_before
    return created
