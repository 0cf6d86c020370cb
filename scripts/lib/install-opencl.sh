#!/usr/bin/env bash
# Installs what the OpenCL kernel and its tests need on Debian/Ubuntu, when it is missing:
#   pocl-opencl-icd     PoCL, an OpenCL platform that runs on the CPU
#   ocl-icd-libopencl1  the ICD loader that finds installed platforms
#   ocl-icd-opencl-dev  the libOpenCL.so link: JOCL opens the loader by that name, not libOpenCL.so.1
# Idempotent: runs apt-get only for packages dpkg does not report installed. Without root or apt-get
# it says what to install and returns 0, so CI on other hosts goes on (the OpenCL tests then fail
# with the same advice unless RAYPOOL_OPENCL_OPTIONAL=1).
set -euo pipefail

packages=(pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-opencl: ${packages[*]} already installed" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-opencl: not root (or no apt-get): skipping; install ${missing[*]} for the OpenCL kernel" >&2
  exit 0
fi
echo "install-opencl: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
