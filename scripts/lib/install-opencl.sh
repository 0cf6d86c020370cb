#!/usr/bin/env bash
# Installs what the OpenCL kernel and its tests need on Debian/Ubuntu, when it is missing:
#   pocl-opencl-icd     PoCL, an OpenCL platform that runs on the CPU
#   ocl-icd-libopencl1  the ICD loader that finds installed platforms
#   ocl-icd-opencl-dev  the libOpenCL.so link: JOCL opens the loader by that name, not libOpenCL.so.1
# The same as scripts/lib/install-deps.sh opencl (scripts/test installs these itself, as root).
#   scripts/lib/install-opencl.sh [--check]      --check: install nothing, only say what is missing
#   scripts/lib/install-opencl.sh -h|--help      this text
# Idempotent: apt-get runs only for packages dpkg does not report installed. Without root or apt-get,
# or with RAYPOOL_NO_INSTALL=1, it installs nothing and says what to install. Exit status: 0 when
# everything is installed, 1 when something is missing, 2 for a bad option.
set -euo pipefail
. "$(dirname "$0")/deps.sh"
raypool_deps_installer_main "$0" opencl -- "$@"
