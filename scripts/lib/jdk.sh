# shellcheck shell=bash
# Shared by every raypool command: find a JDK 25 or newer, and build the project when its sources
# are newer than the last build. Sourced, not run.

RAYPOOL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RAYPOOL_MIN_JAVA=25

# Prints the feature version (17, 25, ...) of the java binary given, or nothing.
raypool_java_feature() {
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in 1.*) v=${v#1.}; v=${v%%.*} ;; esac
  printf '%s' "$v"
}

# Sets JAVA_HOME to a JDK >= 25: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm
# (Debian and Temurin packages install there), else /usr/java and /opt. Exits 2 when there is none.
raypool_find_jdk() {
  local candidate feature best="" best_feature=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    feature=$(raypool_java_feature "$JAVA_HOME/bin/java")
    if [ -n "$feature" ] && [ "$feature" -ge "$RAYPOOL_MIN_JAVA" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  # RAYPOOL_JDK_SEARCH overrides the folders searched (tests use it to simulate a machine without a JDK 25).
  local search="${RAYPOOL_JDK_SEARCH:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk*}"
  for candidate in $search; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    feature=$(raypool_java_feature "$candidate/bin/java")
    [ -n "$feature" ] || continue
    if [ "$feature" -ge "$RAYPOOL_MIN_JAVA" ] && [ "$feature" -gt "$best_feature" ]; then
      best="$candidate"; best_feature="$feature"
    fi
  done
  if [ -z "$best" ]; then
    {
      echo "raypool: no JDK $RAYPOOL_MIN_JAVA or newer found."
      if [ -n "${JAVA_HOME:-}" ]; then
        echo "  JAVA_HOME=$JAVA_HOME is Java $(raypool_java_feature "$JAVA_HOME/bin/java" 2>/dev/null || echo '?')."
      fi
      echo "  Looked in JAVA_HOME and: $search"
      echo "  Install a JDK $RAYPOOL_MIN_JAVA (for example Eclipse Temurin 25, package temurin-25-jdk)"
      echo "  or point JAVA_HOME at one, then run this command again."
    } >&2
    exit 2
  fi
  export JAVA_HOME="$best"
}

# Builds the modules (without tests) when any source or pom is newer than the last build stamp.
raypool_build_if_stale() {
  local stamp="$RAYPOOL_ROOT/.build-stamp"
  local newer=""
  if [ -f "$stamp" ]; then
    newer=$(find "$RAYPOOL_ROOT" -path "$RAYPOOL_ROOT/.git" -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit 2>/dev/null)
  fi
  if [ ! -f "$stamp" ] || [ -n "$newer" ]; then
    echo "raypool: building (first run, or sources changed)..." >&2
    if ! (cd "$RAYPOOL_ROOT" && ./mvnw -q -B -DskipTests install >"$RAYPOOL_ROOT/.build.log" 2>&1); then
      echo "raypool: the build failed; see $RAYPOOL_ROOT/.build.log" >&2
      tail -n 40 "$RAYPOOL_ROOT/.build.log" >&2
      exit 1
    fi
    touch "$stamp"
  fi
}

# Runs a main class of a module with its runtime classpath (module/target/lib holds the dependencies).
raypool_run() {
  local module="$1" main="$2"; shift 2
  local cp="$RAYPOOL_ROOT/$module/target/classes:$RAYPOOL_ROOT/$module/target/lib/*"
  exec "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -Draypool.root="$RAYPOOL_ROOT" ${RAYPOOL_JAVA_OPTS:-} -cp "$cp" "$main" "$@"
}
