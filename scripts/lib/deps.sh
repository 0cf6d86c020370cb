# shellcheck shell=bash
# What the tests need from the system beside a JDK 25, in one place: the Debian packages, how to tell
# whether each need is met, how to install what is missing, and which tests go without it. Sourced by
# scripts/test and by the two installers (install-deps.sh, install-opencl.sh); not run.
#
#   window  xvfb: the virtual X server the live-view window tests start when there is no DISPLAY;
#           libgl1 libglx-mesa0 libgl1-mesa-dri: Mesa's software OpenGL (llvmpipe) for it;
#           libx11-6: Xlib, which GLFW loads; fontconfig fonts-dejavu-core: fonts for the X server.
#   opencl  pocl-opencl-icd: PoCL, an OpenCL platform that runs on the CPU;
#           ocl-icd-libopencl1: the ICD loader that finds installed platforms;
#           ocl-icd-opencl-dev: the libOpenCL.so link (JOCL opens the loader by that name, not .so.1).
#   ovs     openvswitch-switch: ovsdb-server, ovs-vswitchd, ovs-ofctl and ovs-appctl, which the firewall
#           tests start unprivileged in userspace (netdev datapath) in a folder of their own.
#   nut     nut-server nut-client: upsd and the dummy-ups driver, which the UPS tests start unprivileged.
#   browser chromium chromium-driver: headless Chromium and its WebDriver for the browser tests.
#
# Installing takes root and apt-get. RAYPOOL_NO_INSTALL=1 forbids it even then: everything behaves as
# on a machine where nothing can be installed (it reports, and never runs apt-get). Nothing here runs
# apt-get when every package is installed already.

# The groups scripts/test installs: every test's needs.
RAYPOOL_DEPS_GROUPS=(window opencl ovs nut browser)
RAYPOOL_DEPS_WINDOW=(xvfb libgl1 libglx-mesa0 libgl1-mesa-dri libx11-6 fontconfig fonts-dejavu-core)
RAYPOOL_DEPS_OPENCL=(pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev)
# Open vSwitch, run unprivileged in userspace by the firewall tests (ovsdb-server, ovs-vswitchd, ovs-ofctl)
RAYPOOL_DEPS_OVS=(openvswitch-switch)
# Network UPS Tools: upsd with the dummy-ups driver, for the UPS tests
RAYPOOL_DEPS_NUT=(nut-server nut-client)
# Headless Chromium and its WebDriver, for the browser tests
RAYPOOL_DEPS_BROWSER=(chromium chromium-driver)

# Prints the packages of the groups named (window, opencl, ovs, nut, browser), one line each.
raypool_deps_packages() {
  local group
  for group in "$@"; do
    case "$group" in
      window) printf '%s\n' "${RAYPOOL_DEPS_WINDOW[@]}" ;;
      opencl) printf '%s\n' "${RAYPOOL_DEPS_OPENCL[@]}" ;;
      ovs) printf '%s\n' "${RAYPOOL_DEPS_OVS[@]}" ;;
      nut) printf '%s\n' "${RAYPOOL_DEPS_NUT[@]}" ;;
      browser) printf '%s\n' "${RAYPOOL_DEPS_BROWSER[@]}" ;;
      *) echo "raypool: unknown group of packages: $group (known: window opencl ovs nut browser)" >&2; return 2 ;;
    esac
  done
}

# Whether dpkg can say what is installed (Debian, Ubuntu and their derivatives).
raypool_deps_have_dpkg() {
  command -v dpkg-query >/dev/null 2>&1
}

# Prints the packages of the groups named that dpkg does not report installed. Prints nothing where
# there is no dpkg: there, raypool_deps_check judges by what is on the machine instead.
raypool_deps_missing_packages() {
  local p packages
  raypool_deps_have_dpkg || return 0
  packages=$(raypool_deps_packages "$@") || return 2
  for p in $packages; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      echo "$p"
    fi
  done
}

# Prints why packages cannot be installed here, or nothing when they can.
raypool_deps_cannot_install() {
  if [ "${RAYPOOL_NO_INSTALL:-}" = 1 ]; then
    echo "RAYPOOL_NO_INSTALL=1 is set"
  elif ! command -v apt-get >/dev/null 2>&1 || ! raypool_deps_have_dpkg; then
    echo "there is no apt-get here (not Debian or Ubuntu)"
  elif [ "$(id -u)" -ne 0 ]; then
    echo "not running as root"
  fi
}

# Installs the missing packages of the groups named, with apt-get, when it can. Returns 0 when nothing
# is missing any more, 1 when something is; then RAYPOOL_DEPS_UNINSTALLED holds the packages and
# RAYPOOL_DEPS_WHY the reason, and unless RAYPOOL_DEPS_QUIET=1 it says both and the command that installs
# them. Messages go to stderr, prefixed with $RAYPOOL_DEPS_WHO (the command's name).
raypool_deps_install() {
  local who="${RAYPOOL_DEPS_WHO:-raypool}" missing
  RAYPOOL_DEPS_UNINSTALLED=""
  RAYPOOL_DEPS_WHY=""
  missing=$(raypool_deps_missing_packages "$@" | tr '\n' ' ') || return 2
  missing=${missing% }
  if ! raypool_deps_have_dpkg; then
    RAYPOOL_DEPS_UNINSTALLED=$(raypool_deps_packages "$@" | tr '\n' ' ')
    RAYPOOL_DEPS_UNINSTALLED=${RAYPOOL_DEPS_UNINSTALLED% }
    RAYPOOL_DEPS_WHY="there is no dpkg or apt-get here (not Debian or Ubuntu)"
    [ "${RAYPOOL_DEPS_QUIET:-}" = 1 ] || echo "$who: $RAYPOOL_DEPS_WHY: install the equivalents of these" \
      "Debian packages with the system's own tools: $RAYPOOL_DEPS_UNINSTALLED" >&2
    return 1
  fi
  if [ -z "$missing" ]; then
    return 0
  fi
  RAYPOOL_DEPS_WHY=$(raypool_deps_cannot_install)
  if [ -n "$RAYPOOL_DEPS_WHY" ]; then
    RAYPOOL_DEPS_UNINSTALLED="$missing"
    if [ "${RAYPOOL_DEPS_QUIET:-}" != 1 ]; then
      echo "$who: not installing ($RAYPOOL_DEPS_WHY); missing: $missing" >&2
      echo "$who: to install them: sudo apt-get install -y --no-install-recommends $missing" >&2
    fi
    return 1
  fi
  echo "$who: installing $missing" >&2
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing; } >&2; then
    RAYPOOL_DEPS_WHY="apt-get failed"
  fi
  missing=$(raypool_deps_missing_packages "$@" | tr '\n' ' ')
  missing=${missing% }
  if [ -n "$missing" ]; then
    RAYPOOL_DEPS_UNINSTALLED="$missing"
    RAYPOOL_DEPS_WHY="${RAYPOOL_DEPS_WHY:-apt-get left them uninstalled}"
    echo "$who: not installed ($RAYPOOL_DEPS_WHY): $missing" >&2
    return 1
  fi
}

# Whether the dynamic linker knows a library by this exact file name (libGL.so.1, libOpenCL.so).
raypool_deps_have_library() {
  local ldconfig
  ldconfig=$(command -v ldconfig 2>/dev/null || echo /sbin/ldconfig)
  # awk reads the whole list: a reader that stopped at the first match would close the pipe on ldconfig,
  # and pipefail would then count the pipeline failed.
  [ -x "$ldconfig" ] && "$ldconfig" -p 2>/dev/null | awk -v name="$1" '$1 == name {found = 1} END {exit !found}'
}

# Whether the ICD loader finds at least one OpenCL platform file (it reads OCL_ICD_VENDORS when set).
raypool_deps_have_opencl_platform() {
  local vendors="${OCL_ICD_VENDORS:-/etc/OpenCL/vendors}" f
  if [ -f "$vendors" ]; then
    return 0
  fi
  for f in "$vendors"/*.icd; do
    [ -e "$f" ] && return 0
  done
  return 1
}

# Judges, for each group of tests, whether this machine can run them, by what is on it (the programs on
# the PATH, the libraries the linker knows, the OpenCL platform files) and not only by package names.
# Fills two arrays: RAYPOOL_DEPS_PROBLEMS (one line per thing missing) and RAYPOOL_DEPS_LEFT_OUT (one
# line per group of tests that will not run, or will fail, without it).
raypool_deps_check() {
  RAYPOOL_DEPS_PROBLEMS=()
  RAYPOOL_DEPS_LEFT_OUT=()
  local gl_missing=""
  if raypool_deps_have_dpkg; then
    gl_missing=$(raypool_deps_missing_packages window | { grep -E '^(libgl1|libglx-mesa0|libgl1-mesa-dri)$' || true; } | tr '\n' ' ')
  elif ! raypool_deps_have_library libGL.so.1; then
    gl_missing="libGL.so.1 (Mesa) "
  fi
  if [ -z "${DISPLAY:-}" ] && ! command -v Xvfb >/dev/null 2>&1; then
    RAYPOOL_DEPS_PROBLEMS+=("Xvfb (package xvfb) is not on the PATH and DISPLAY is not set")
    RAYPOOL_DEPS_LEFT_OUT+=("the live-view window tests (render: LiveViewWindowTest, XvfbServerTest) report themselves skipped: no X display to open a window on")
  elif [ -n "$gl_missing" ]; then
    RAYPOOL_DEPS_PROBLEMS+=("OpenGL for the X server: ${gl_missing% }")
    RAYPOOL_DEPS_LEFT_OUT+=("the live-view window tests (render: LiveViewWindowTest) will FAIL: they find a display but no OpenGL to draw with")
  fi
  local cl=()
  raypool_deps_have_library libOpenCL.so || cl+=("the OpenCL ICD loader libOpenCL.so (packages ocl-icd-libopencl1, ocl-icd-opencl-dev)")
  raypool_deps_have_opencl_platform || cl+=("an OpenCL platform (package pocl-opencl-icd; none in ${OCL_ICD_VENDORS:-/etc/OpenCL/vendors})")
  if [ ${#cl[@]} -gt 0 ]; then
    RAYPOOL_DEPS_PROBLEMS+=("${cl[@]}")
    RAYPOOL_DEPS_LEFT_OUT+=("the OpenCL tests (opencl: OpenClDevicesTest, OpenClImageTest, BuildFailureTest; bench: RayBenchOpenClTest) are skipped: RAYPOOL_OPENCL_OPTIONAL=1")
    RAYPOOL_DEPS_NO_OPENCL=1
  else
    RAYPOOL_DEPS_NO_OPENCL=""
  fi
  raypool_deps_check_programs "Open vSwitch (package openvswitch-switch)" \
    "the firewall tests on a real switch (cloud) report themselves skipped" ovsdb-server ovs-vswitchd ovs-ofctl ovs-appctl
  raypool_deps_check_programs "Network UPS Tools (packages nut-server, nut-client)" \
    "the UPS tests against a real upsd (cloud) report themselves skipped" upsd dummy-ups
  raypool_deps_check_programs "headless Chromium and its WebDriver (packages chromium, chromium-driver)" \
    "the browser tests (web) report themselves skipped" chromium chromedriver
}

# raypool_deps_check_programs WHAT LEFT_OUT PROGRAM...: adds a problem naming the programs that
# raypool_deps_find_program cannot find, and the tests that go without them.
raypool_deps_check_programs() {
  local what="$1" left_out="$2" program absent=()
  shift 2
  for program in "$@"; do
    raypool_deps_find_program "$program" >/dev/null || absent+=("$program")
  done
  if [ ${#absent[@]} -gt 0 ]; then
    RAYPOOL_DEPS_PROBLEMS+=("$what: ${absent[*]} not found")
    RAYPOOL_DEPS_LEFT_OUT+=("$left_out")
  fi
}

# Prints the full path of a program the tests start, looking beyond the PATH in the folders Debian puts
# daemons and drivers in (/usr/sbin, /usr/lib/nut, /lib/nut); returns 1 when there is none.
# RAYPOOL_DEPS_PROGRAM_DIRS replaces that list of folders (the installer tests use it).
raypool_deps_find_program() {
  local dir
  if command -v "$1" 2>/dev/null; then
    return 0
  fi
  for dir in ${RAYPOOL_DEPS_PROGRAM_DIRS-/usr/sbin /sbin /usr/lib/nut /lib/nut /usr/lib/chromium}; do
    if [ -x "$dir/$1" ]; then
      echo "$dir/$1"
      return 0
    fi
  done
  return 1
}

# What scripts/test does before Maven: installs what the tests need when it can, then says what is still
# missing and which tests go without it, and sets the environment for that (RAYPOOL_OPENCL_OPTIONAL=1
# without OpenCL; the window tests skip themselves without a display). With CI=true anything missing is
# an error: exits 1 rather than let CI pass with tests left out.
raypool_deps_prepare_tests() {
  local who="${RAYPOOL_DEPS_WHO:-raypool}" line
  RAYPOOL_DEPS_QUIET=1 raypool_deps_install "${RAYPOOL_DEPS_GROUPS[@]}" || true
  raypool_deps_check
  if [ ${#RAYPOOL_DEPS_PROBLEMS[@]} -eq 0 ]; then
    return 0
  fi
  echo "$who: missing on this machine:" >&2
  for line in "${RAYPOOL_DEPS_PROBLEMS[@]}"; do echo "$who:   - $line" >&2; done
  if ! raypool_deps_have_dpkg; then
    echo "$who: $RAYPOOL_DEPS_WHY: install them with the system's own package manager" >&2
  elif [ -n "$RAYPOOL_DEPS_UNINSTALLED" ]; then
    echo "$who: packages not installed ($RAYPOOL_DEPS_WHY): $RAYPOOL_DEPS_UNINSTALLED" >&2
    echo "$who: to install them: sudo scripts/lib/install-deps.sh" \
      "(apt-get install -y --no-install-recommends $RAYPOOL_DEPS_UNINSTALLED)" >&2
  fi
  local ci="${CI:-}"
  if [ "${ci,,}" = true ]; then
    echo "$who: CI=true: in CI every test must run, so a missing dependency is an error; stopping before the build" >&2
    exit 1
  fi
  echo "$who: tests left out:" >&2
  for line in "${RAYPOOL_DEPS_LEFT_OUT[@]}"; do echo "$who:   - $line" >&2; done
  if [ -n "$RAYPOOL_DEPS_NO_OPENCL" ]; then
    export RAYPOOL_OPENCL_OPTIONAL=1
  fi
}

# Prints the comment block at the top of a script (after the #! line), without the "# ": its usage text.
raypool_usage_from_header() {
  sed -n '2,/^[^#]/{/^#/{s/^# \{0,1\}//;p}}' "$1"
}

# The installers' command line: raypool_deps_installer_main SCRIPT DEFAULT_GROUP... -- ARG...
#   [--check] [GROUP...]   --check: only say what is missing; -h, --help: the script's header.
# Exits 0 when nothing is missing (any more), 1 when something is, 2 on a bad option.
raypool_deps_installer_main() {
  local script="$1"; shift
  local defaults=() groups=() check="" arg who
  who=$(basename "$script" .sh)
  while [ $# -gt 0 ] && [ "$1" != -- ]; do defaults+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  for arg in "$@"; do
    case "$arg" in
      -h|--help) raypool_usage_from_header "$script"; exit 0 ;;
      --check) check=1 ;;
      window|opencl|ovs|nut|browser) groups+=("$arg") ;;
      *) echo "$who: unknown option or group: $arg (see $script --help)" >&2; exit 2 ;;
    esac
  done
  [ ${#groups[@]} -gt 0 ] || groups=("${defaults[@]}")
  if [ -n "$check" ]; then
    local missing
    if ! raypool_deps_have_dpkg; then
      echo "$who: no dpkg here: cannot tell which packages are installed" >&2
      exit 1
    fi
    missing=$(raypool_deps_missing_packages "${groups[@]}" | tr '\n' ' ')
    if [ -n "${missing% }" ]; then
      echo "$who: missing: ${missing% }" >&2
      exit 1
    fi
    echo "$who: all installed: $(raypool_deps_packages "${groups[@]}" | xargs)" >&2
    exit 0
  fi
  RAYPOOL_DEPS_WHO="$who" raypool_deps_install "${groups[@]}" || exit 1
  echo "$who: all installed: $(raypool_deps_packages "${groups[@]}" | xargs)" >&2
}
