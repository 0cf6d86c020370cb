# shellcheck shell=bash
# Shared by the results scripts (raybench-results, raybench-opencl-results, raybench-ab): the host's
# folder name, where results go, and runs that are recorded rather than fatal when they fail. Sourced,
# not run.
#
# The host folder name (results/<host>/) is CPU model, ISA level and CPU count, e.g. amd-epyc-avx512-2cpu,
# by the same rule as raybench's own host folder name (HostFolders in the Java code):
#   model  the first "model name" of /proc/cpuinfo (the machine's architecture, uname -m, where there is
#          none), lowercased, without the trademarks (r) (tm), the clock ("@ 2.40GHz") and the words "cpu"
#          and "processor"; every run of characters other than a-z and 0-9 made one '-', none at either
#          end ("unknown-cpu" if nothing is left): "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz" gives
#          intel-xeon-e5-2680-v4, "AMD EPYC 7B13 64-Core Processor" amd-epyc-7b13-64-core
#   ISA    avx512 when the CPU flags have avx512f, else avx2, else avx, else sse; on CPUs that are not
#          x86 the machine's architecture, as uname -m gives it
#   cores  the number of CPUs nproc reports, followed by "cpu"

# Prints the host folder name. Arguments, for tests: a cpuinfo file (default /proc/cpuinfo) and a CPU count.
raypool_host_fingerprint() {
  local cpuinfo="${1:-/proc/cpuinfo}" cpus="${2:-}" model flags isa arch
  arch=$(uname -m | tr '[:upper:]' '[:lower:]')
  model=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p;T;q' "$cpuinfo" 2>/dev/null || true)
  model=$(printf '%s' "${model:-$arch}" | tr '[:upper:]' '[:lower:]' \
    | sed -E 's/@.*$//; s/\((r|tm)\)/ /g; s/\b(cpu|processor)\b/ /g; s/[^a-z0-9]+/-/g; s/^-+//; s/-+$//')
  flags=$(grep -m 1 '^flags[[:space:]]*:' "$cpuinfo" 2>/dev/null || true)
  if [[ " $flags " == *" avx512f "* ]]; then
    isa=avx512
  elif [[ " $flags " == *" avx2 "* ]]; then
    isa=avx2
  elif [[ " $flags " == *" avx "* ]]; then
    isa=avx
  else
    case "$arch" in
      x86_64|amd64|i?86) isa=sse ;;
      *) isa=$(printf '%s' "$arch" | sed -E 's/[^a-z0-9]+/-/g') ;;
    esac
  fi
  # nproc honours OMP_NUM_THREADS; the host's name must not.
  [ -n "$cpus" ] || cpus=$(env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc)
  printf '%s-%s-%scpu\n' "${model:-unknown-cpu}" "$isa" "$cpus"
}

# Prints a script's usage: the comment block under its #! line, without the leading "# ".
raypool_results_usage() {
  sed -n '2,/^[^#]/{/^#/{s/^# \{0,1\}//;p}}' "$1"
}

# A bad command line: one line naming the problem, exit status 2.
raypool_results_bad_usage() {
  echo "$RAYPOOL_RESULTS_WHO: $1; see --help" >&2
  exit 2
}

# Checks that an option's value is a whole number (at least $3): raypool_results_need_count OPTION VALUE MIN.
raypool_results_need_count() {
  if ! [[ "$2" =~ ^[0-9]+$ ]] || [ "$2" -lt "$3" ]; then
    raypool_results_bad_usage "$1 needs a whole number of at least $3, not '${2}'"
  fi
}

# --out and --results together are a bad command line: raypool_results_one_place OUT RESULTS.
raypool_results_one_place() {
  if [ -n "$1" ] && [ -n "$2" ]; then
    raypool_results_bad_usage "--out and --results name two places: give one"
  fi
}

# Picks and makes the output folder, sets RAYPOOL_OUT and RAYPOOL_RESULTS_LOGS:
#   raypool_results_choose_out OUT RESULTS KIND
# OUT: the --out folder, or empty; RESULTS: 1 for --results (results/<host>/KIND of this checkout);
# neither: a fresh folder ./NAME-<UTC time> in the current folder, NAME the command's name. A script
# that has changed folder since it started sets RAYPOOL_RESULTS_HERE to the folder it was started in:
# the default and a relative OUT are taken from there.
raypool_results_choose_out() {
  local out="$1" results="$2" kind="$3" here="${RAYPOOL_RESULTS_HERE:-$PWD}" base n=1
  raypool_results_one_place "$out" "$results"
  if [ -n "$results" ]; then
    out="$RAYPOOL_ROOT/results/$(raypool_host_fingerprint)/$kind"
  elif [ -n "$out" ]; then
    [[ "$out" = /* ]] || out="$here/$out"
  else
    base="$here/$RAYPOOL_RESULTS_WHO-$(date -u +%Y%m%dT%H%M%SZ)"
    out="$base"
    # Fresh means fresh: another run started in the same second gets a folder of its own.
    while ! mkdir "$out" 2>/dev/null; do
      n=$((n + 1)); out="$base-$n"
    done
  fi
  if ! mkdir -p "$out" 2>/dev/null || [ ! -w "$out" ]; then
    echo "$RAYPOOL_RESULTS_WHO: --out: cannot write to the folder $out" >&2
    exit 2
  fi
  RAYPOOL_OUT="$(cd "$out" && pwd)"
  RAYPOOL_RESULTS_LOGS="$RAYPOOL_OUT/logs"
  RAYPOOL_RESULTS_FAILED=()
  RAYPOOL_RESULTS_COUNT=0
  echo "$RAYPOOL_RESULTS_WHO: writing to $RAYPOOL_OUT" >&2
}

# Runs one step and records it: raypool_results_run [--quiet] [--not-a-run] NAME COMMAND...
# Its output goes to $RAYPOOL_RESULTS_LOGS/NAME.log and, unless --quiet, to the terminal too. A step
# that fails is recorded for raypool_results_report, and the next one runs. --not-a-run: a step that
# is not a benchmark run (the summary), left out of the count of runs.
raypool_results_run() {
  local quiet="" counted=1
  while :; do
    case "$1" in
      --quiet) quiet=1; shift ;;
      --not-a-run) counted=""; shift ;;
      *) break ;;
    esac
  done
  local name="$1"; shift
  local log="$RAYPOOL_RESULTS_LOGS/$name.log" status=0
  mkdir -p "$RAYPOOL_RESULTS_LOGS"
  [ -z "$counted" ] || RAYPOOL_RESULTS_COUNT=$((RAYPOOL_RESULTS_COUNT + 1))
  echo "$RAYPOOL_RESULTS_WHO: $name" >&2
  if [ -n "$quiet" ]; then
    "$@" >"$log" 2>&1 || status=$?
  else
    "$@" 2>&1 | tee "$log" || status=${PIPESTATUS[0]}
  fi
  if [ "$status" -ne 0 ]; then
    echo "$RAYPOOL_RESULTS_WHO: $name FAILED (exit status $status; log: $log); going on with the next" >&2
    RAYPOOL_RESULTS_FAILED+=("$name $status $log")
  fi
  return 0
}

# Whether the last step recorded by raypool_results_run succeeded.
raypool_results_last_ok() {
  [ ${#RAYPOOL_RESULTS_FAILED[@]} -eq 0 ] || [ "${RAYPOOL_RESULTS_FAILED[-1]%% *}" != "$1" ]
}

# At the end: lists the failed steps with the end of each log; returns 1 when any failed.
raypool_results_report() {
  local entry name status log
  if [ ${#RAYPOOL_RESULTS_FAILED[@]} -eq 0 ]; then
    echo "$RAYPOOL_RESULTS_WHO: all $RAYPOOL_RESULTS_COUNT runs succeeded; results in $RAYPOOL_OUT" >&2
    return 0
  fi
  {
    echo
    echo "$RAYPOOL_RESULTS_WHO: ${#RAYPOOL_RESULTS_FAILED[@]} step(s) FAILED ($RAYPOOL_RESULTS_COUNT raybench runs in all):"
    for entry in "${RAYPOOL_RESULTS_FAILED[@]}"; do
      name=${entry%% *}; entry=${entry#* }; status=${entry%% *}; log=${entry#* }
      if [[ "$status" =~ ^[0-9]+$ ]]; then status="exit status $status"; else status="${status//-/ }"; fi
      echo "--- $name: $status; the end of $log:"
      tail -n 15 "$log" | sed 's/^/    /'
    done
    echo "$RAYPOOL_RESULTS_WHO: the other results are in $RAYPOOL_OUT"
  } >&2
  return 1
}
