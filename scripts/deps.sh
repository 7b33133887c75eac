#!/usr/bin/env bash
# Installs the Debian 12 / Ubuntu packages Gamix needs to build, run and test, and only
# those that are missing. Idempotent; uses sudo when not root.
set -euo pipefail

packages=(
    build-essential cmake ninja-build ccache pkg-config
    qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-svg-dev
    qt6-websockets-dev libqt6opengl6-dev qtkeychain-qt6-dev libqt6sql6-sqlite libqt6sql6-psql
    libsqlite3-dev sqlite3 libphonenumber-dev libicu-dev libsodium-dev libcpp-httplib-dev zlib1g-dev
    libssl-dev openssl postgresql xvfb xauth libsecret-1-0 gnome-keyring dbus dbus-x11
    fonts-dejavu-core locales imagemagick clang clang-format libclang-rt-dev
    qt6-qpa-plugins libgl1-mesa-dri
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Package names differ slightly between Debian and Ubuntu releases: install what exists.
available=()
for p in "${missing[@]}"; do
    if apt-cache show "$p" >/dev/null 2>&1; then
        available+=("$p")
    else
        echo "note: package $p is not available here; skipping" >&2
    fi
done
$SUDO apt-get install -y -qq --no-install-recommends "${available[@]}"
