# Sourced by scripts/run-demo and scripts/test: make sure .venv exists and holds a requirements file.
#
#   ensure_venv requirements.txt        # or requirements-dev.txt
#
# The venv is created with python3.11 (python3 as a fallback). A requirements file is installed only
# when it changed: a stamp inside .venv keeps the hash of the file, of the files it includes with -r,
# and of the interpreter version. Delete .venv (or its .stamp-* files) to force a reinstall.

ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
VENV="$ROOT/.venv"

log() { printf '==> %s\n' "$*" >&2; }

_as_root_apt_install() {
    # Install Debian packages when we may (root with apt-get); otherwise say which ones are missing.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing Debian packages: $*"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    else
        return 1
    fi
}

_pick_python() {
    local candidate
    for candidate in "${PYTHON:-}" python3.11 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

_create_venv() {
    local python
    python="$(_pick_python)" || {
        echo "error: no python3.11 or python3 on PATH; install Python 3.11 first" >&2
        return 1
    }
    log "creating .venv with $python ($("$python" --version 2>&1))"
    rm -rf "$VENV"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        # Debian ships venv/ensurepip separately from the interpreter.
        local pkg="python3-venv"
        case "$(basename "$python")" in python3.*) pkg="$(basename "$python")-venv" ;; esac
        if _as_root_apt_install "$pkg" || _as_root_apt_install python3-venv; then
            "$python" -m venv "$VENV"
        else
            echo "error: '$python -m venv' failed. On Debian/Ubuntu: sudo apt-get install $pkg" >&2
            return 1
        fi
    fi
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
}

_requirements_hash() {
    # The file, every file it pulls in with -r (recursively), and the interpreter's version.
    "$VENV/bin/python" - "$1" <<'PY'
import hashlib, re, sys
from pathlib import Path

seen, digest = set(), hashlib.sha256(sys.version.encode())


def add(path):
    path = path.resolve()
    if path in seen:
        return
    seen.add(path)
    text = path.read_bytes()
    digest.update(str(path.name).encode() + b"\0" + text)
    for m in re.finditer(rb"^\s*(?:-r|--requirement)[\s=]+(\S+)", text, re.M):
        add(path.parent / m.group(1).decode())


add(Path(sys.argv[1]))
print(digest.hexdigest())
PY
}

ensure_venv() {
    local requirements="$ROOT/$1"
    local stamp="$VENV/.stamp-$(basename "$1")"
    if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1; then
        _create_venv || return 1
    fi
    local want
    want="$(_requirements_hash "$requirements")" || return 1
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        log "$1 unchanged since last install; skipping pip"
        return 0
    fi
    log "installing $1 into .venv"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" || return 1
    echo "$want" >"$stamp"
}

warn_missing_pdf_libs() {
    # WeasyPrint (PDF reports) needs Pango from the system; everything else works without it.
    # Read ldconfig's whole output first: `ldconfig -p | grep -q` under pipefail fails now and then,
    # because grep exits at the first match and ldconfig dies of SIGPIPE.
    local libs
    libs="$(ldconfig -p 2>/dev/null || true)"
    if [[ "$libs" != *libpangoft2-1.0.so.0* ]]; then
        _as_root_apt_install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core ||
            log "warning: PDF reports need Pango; on Debian: sudo apt-get install" \
                "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
    fi
}
