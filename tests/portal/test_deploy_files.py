"""The deployment files agree with each other and with the settings (Docker itself cannot run in CI)."""

import os
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

BASE_DIR = Path(__file__).resolve().parents[2]
# Variables that only docker-compose.yml reads (interpolation), not portal/settings.py.
COMPOSE_ONLY = {"POSTGRES_PASSWORD", "WEB_BIND", "WEB_CONCURRENCY", "WORKER_CONCURRENCY"}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((BASE_DIR / "docker-compose.yml").read_text())


def _settings_variables():
    source = (BASE_DIR / "portal" / "settings.py").read_text()
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"', source))


def test_compose_has_the_seven_services(compose):
    assert set(compose["services"]) == {"web", "worker", "beat", "db", "redis", "minio", "bucket"}
    app = [compose["services"][name] for name in ("web", "worker", "beat")]
    assert {s["image"] for s in app} == {"partnera:latest"}
    assert all(s["build"] == "." for s in app)
    for name in ("db", "redis", "minio"):
        service = compose["services"][name]
        assert service["healthcheck"]["test"], name
        assert service["volumes"], name
    for name in ("db", "redis"):
        assert all(s["depends_on"][name]["condition"] == "service_healthy" for s in app)


def test_compose_stores_every_file_in_the_minio_bucket_the_one_shot_creates(compose):
    services = compose["services"]
    app = [services[name] for name in ("web", "worker", "beat")]
    # No shared disk for files: the app services mount no media volume, and wait for the bucket to exist.
    assert not any("/app/media" in volume for s in app for volume in s.get("volumes", [])), "a media volume"
    assert "media" not in compose["volumes"]
    assert all(s["depends_on"]["bucket"]["condition"] == "service_completed_successfully" for s in app)
    assert services["bucket"]["depends_on"]["minio"]["condition"] == "service_healthy"
    assert services["bucket"]["restart"] == "no"
    environment = compose["x-app"]["environment"]
    assert environment["S3_BUCKET"] == services["bucket"]["environment"]["S3_BUCKET"] == "${S3_BUCKET:-partnera}"
    assert environment["S3_ENDPOINT_URL"] == "${S3_ENDPOINT_URL:-http://minio:9000}"
    assert environment["S3_ADDRESSING_STYLE"] == "${S3_ADDRESSING_STYLE:-path}"
    # The app signs in with MinIO's own credentials, and the bucket is made with them too.
    for key, minio_key in (("S3_ACCESS_KEY_ID", "MINIO_ROOT_USER"), ("S3_SECRET_ACCESS_KEY", "MINIO_ROOT_PASSWORD")):
        assert environment[key] == services["minio"]["environment"][minio_key] == services["bucket"]["environment"][key]
    script = services["bucket"]["entrypoint"][-1]
    assert "mc mb --ignore-existing" in script and "$$S3_BUCKET" in script
    assert "ports" not in services["minio"]  # reached by the app only, never published


def test_worker_consumes_the_queue_the_app_sends_to(compose):
    command = compose["services"]["worker"]["command"]
    queue = command[command.index("-Q") + 1]
    # "${CELERY_QUEUE:-partnera}": the variable the settings read, with the settings' default.
    assert queue == "${CELERY_QUEUE:-partnera}"
    assert os.environ.get("CELERY_QUEUE") or settings.CELERY_TASK_DEFAULT_QUEUE == "partnera"
    assert "beat" in compose["services"]["beat"]["command"]


def test_app_environment_is_read_by_the_settings(compose):
    known = _settings_variables()
    environment = compose["x-app"]["environment"]
    assert set(environment) <= known, set(environment) - known
    assert "false" in environment["DEBUG"]


def test_env_example_lists_only_real_variables():
    text = (BASE_DIR / ".env.example").read_text()
    names = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", text, re.M))
    unknown = names - _settings_variables() - COMPOSE_ONLY
    assert not unknown, f".env.example names variables nothing reads: {unknown}"
    for required in (
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "CSRF_TRUSTED_ORIGINS",
        "SITE_URL",
        "EMAIL_URL",
        "S3_SECRET_ACCESS_KEY",
    ):
        assert re.search(rf"^{required}=", text, re.M), required


def test_dockerfile_and_scripts():
    dockerfile = (BASE_DIR / "Dockerfile").read_text()
    assert dockerfile.startswith("#") and "FROM python:3.11-slim" in dockerfile
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)
    assert "pip install --require-hashes -r requirements.txt" in dockerfile
    assert '"/app/scripts/docker-entrypoint"' in dockerfile
    for script in ("scripts/docker-entrypoint", "scripts/run-demo", "scripts/test", "scripts/lock", ".ci/run"):
        path = BASE_DIR / script
        assert path.read_text().startswith("#!"), script
        assert os.access(path, os.X_OK) or script == ".ci/run", f"{script} is not executable"


def test_vendored_htmx_matches_its_readme():
    js = (BASE_DIR / "static/vendor/htmx/htmx.min.js").read_text()
    version = re.search(r'version:"([0-9.]+)"', js).group(1)
    readme = (BASE_DIR / "static/vendor/README.md").read_text()
    assert f"| `htmx.org` | {version} |" in readme
    assert (BASE_DIR / "static/vendor/htmx/LICENSE").exists()


def _lock(name):
    """{package: (version, number of hashes)} of a lock file written by scripts/lock."""
    text = (BASE_DIR / name).read_text()
    assert "scripts/lock" in text.split("\n", 3)[1], f"{name} has no header naming scripts/lock"
    pins = {}
    for entry in re.split(r"\n(?=\S)", text):
        if entry.startswith("#"):
            continue
        requirement = Requirement(entry.split(" ", 1)[0])
        (spec,) = requirement.specifier
        assert spec.operator == "==", entry
        pins[canonicalize_name(requirement.name)] = (spec.version, entry.count("--hash=sha256:"))
    return pins


@pytest.mark.parametrize(("lock", "groups"), [("requirements.txt", ()), ("requirements-dev.txt", ("dev",))])
def test_lock_files_pin_every_range_of_pyproject_with_hashes(lock, groups):
    project = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())["project"]
    ranges = [*project["dependencies"], *(r for g in groups for r in project["optional-dependencies"][g])]
    pins = _lock(lock)
    assert all(hashes for _, hashes in pins.values()), [name for name, (_, h) in pins.items() if not h]
    for line in ranges:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{lock} lacks {line}: run scripts/lock"
        assert requirement.specifier.contains(pins[name][0]), f"{lock} pins {name}=={pins[name][0]}, not {line}"


def test_the_dev_lock_has_the_runtime_pins():
    runtime, dev = _lock("requirements.txt"), _lock("requirements-dev.txt")
    assert {name: dev.get(name) for name in runtime} == runtime
