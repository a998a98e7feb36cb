#!/usr/bin/env bash
# Installs the Debian packages the build needs, only those missing. Needs root (or sudo) the first time.
set -euo pipefail

packages=(libsqlite3-dev pkg-config libxml2-dev libxlsxwriter-dev libxml2-utils)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The 360Giving test validates against the official schema offline with python3's jsonschema.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import jsonschema, rfc3339_validator" 2>/dev/null; then
    echo "setup: installing python3 jsonschema" >&2
    python3 -m pip install --quiet jsonschema rfc3339-validator
fi
