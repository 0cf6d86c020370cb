#!/usr/bin/env bash
# Installs the Debian packages the live-view tests need when they are missing: a virtual X server
# (xvfb), Mesa's software OpenGL (llvmpipe) for it, and fonts for the plots. Idempotent: packages
# already installed are left alone and apt is not touched at all when nothing is missing.
# Without root (a developer's own machine) it only says what is missing.
set -euo pipefail

packages=(xvfb libgl1 libglx-mesa0 libgl1-mesa-dri libx11-6 fontconfig fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: not a Debian-like system; please install: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: not root, skipping; the window tests need: ${missing[*]}" >&2
  echo "install-deps: run: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
