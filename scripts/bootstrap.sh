#!/usr/bin/env bash
# Install everything isa-kit needs, on a fresh Debian machine or any machine with Python 3.11+.
#
# - Debian packages: LibreOffice (PDF output and the audit tests' seed conversions),
#   poppler-utils (pdftotext: the audit's PDF table reader and benchmark baseline),
#   fonts-liberation2 (metric-compatible Arial/Times, so PDFs keep the templates' layout) and
#   python3-venv where Debian's Python lacks it, and chromium (the accessibility tests' browser).
# - A virtual environment in .venv with the kit and its test tools from PyPI. A venv, not the
#   system interpreter, because Debian's python3 is "externally managed" (PEP 668) and refuses
#   pip installs; every Makefile target runs through .venv/bin.
#
# Safe to run repeatedly: each step is skipped when already done. PYTHON picks the interpreter
# (default python3); VENV the folder (default .venv).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

say() { echo "bootstrap: $*"; }

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  say "no '$PYTHON' on PATH: install Python 3.11 or newer (Debian: apt-get install python3)" >&2
  exit 2
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  say "$("$PYTHON" -V 2>&1) is too old: isa-kit needs Python 3.11 or newer" >&2
  exit 2
fi

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || need+=(fonts-liberation2)
# The accessibility tests (site, HTML report) run axe-core in Debian's Chromium via Playwright.
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
# The protocol website draws its diagrams at build time with Graphviz (dot -Tsvg).
command -v dot >/dev/null 2>&1 || need+=(graphviz)
# ensurepip is what Debian splits out into python3-venv; without it `-m venv` fails.
if [ ! -x "$VENV/bin/python" ] && ! "$PYTHON" -c 'import ensurepip' >/dev/null 2>&1; then
  pyver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  need+=(python3-venv "python${pyver}-venv")
fi
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    say "installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    say "please install these packages: ${need[*]}" >&2
    say "(LibreOffice and poppler are needed for PDF output and the PDF tests)" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  say "creating the virtual environment $VENV with $("$PYTHON" -V 2>&1)"
  "$PYTHON" -m venv "$VENV"
fi
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
"$VENV/bin/python" -m pip install --quiet --upgrade "pip>=23.1"
"$VENV/bin/python" -m pip install --quiet -e ".[test,site]"
say "ready: $VENV/bin/isa-kit ($("$VENV/bin/python" -V 2>&1))"
