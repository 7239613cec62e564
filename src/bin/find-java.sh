# Sourced by ./abstracta, ./mvnw and the benchmarks: sets JAVA_HOME to a JDK 21+ (Lucene 10 needs
# it) and JAVA_MAJOR to its version, or fails with a clear message. Looks at JAVA_HOME, then `java`
# on PATH, then every JDK under /usr/lib/jvm and /opt, preferring the newest.

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

find_java_home() {
  local candidates=() c major best="" best_major=0
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)"); candidates+=("${c%/bin/java}")
  fi
  for c in /usr/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk*; do [ -x "$c/bin/javac" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(java_major "$c/bin/java")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best="$c"; best_major="$major"; fi
    # An explicit JAVA_HOME that is new enough wins over newer JDKs found elsewhere.
    if [ "$c" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then best="$c"; break; fi
  done
  if [ -z "$best" ]; then
    echo "error: Abstracta needs a JDK 21 or newer (Lucene 10 requires it), and none was found" >&2
    echo "       (looked at JAVA_HOME, java on PATH, /usr/lib/jvm and /opt)." >&2
    echo "       Install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  JAVA_MAJOR="$best_major"
}
