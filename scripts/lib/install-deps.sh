#!/usr/bin/env bash
# Installs the Debian packages that raypool's tests need, when they are missing. scripts/test runs the
# same installation itself (as root), so this is for installing ahead, or as root for a user who is not.
#   scripts/lib/install-deps.sh [--check] [window] [opencl] [ovs] [nut] [browser]   default: all groups
#     window      xvfb, Mesa's software OpenGL (libgl1 libglx-mesa0 libgl1-mesa-dri), libx11-6, fonts:
#                 the live-view window tests and raybench --view without a desktop
#     opencl      pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev: the OpenCL kernel and its tests
#     ovs         openvswitch-switch: the firewall tests on a userspace Open vSwitch
#     nut         nut-server nut-client: the UPS tests against upsd with the dummy-ups driver
#     browser     chromium chromium-driver: the browser tests in headless Chromium
#     --check     install nothing, only say what is missing
#     -h, --help  this text
# Idempotent: apt-get runs only when a package is missing, and only for those. Without root or apt-get,
# or with RAYPOOL_NO_INSTALL=1, it installs nothing and says what is missing and how to install it.
# Exit status: 0 when everything is installed, 1 when something is missing, 2 for a bad option.
# The package lists and the checks are in scripts/lib/deps.sh.
set -euo pipefail
. "$(dirname "$0")/deps.sh"
raypool_deps_installer_main "$0" window opencl ovs nut browser -- "$@"
