#!/usr/bin/env bash
# Install everything isa-kit needs on a fresh Debian machine: LibreOffice (PDF output and the
# audit tests' seed conversions) and poppler-utils (pdftotext, the audit benchmark's baseline)
# from Debian; the kit itself with its test tools from PyPI. Safe to run repeatedly.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing Debian packages: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "bootstrap: please install ${need[*]} (needed for PDF output and the PDF tests)" >&2
  fi
fi

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"
