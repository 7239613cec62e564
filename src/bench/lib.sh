# Shared by the benchmark scripts in src/bench/: paths, the JDK, the jars, results, servers.
# Sourced, not run. Every script cd's to the project root, so the data is ../shared/data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
# shellcheck source=src/bin/find-java.sh
. "$ROOT/src/bin/find-java.sh"
find_java_home || exit 1
JAVA="$JAVA_HOME/bin/java"
# shellcheck source=src/bin/jvm-options.sh
. "$ROOT/src/bin/jvm-options.sh"

CORPUS="../shared/data/arxiv/arxiv-112k.jsonl.gz"   # relative to the project root, never copied
CORPUS_DOCS=112788
OUT="${BENCH_OUT:-target/bench}"                     # results and work files (git-ignored)
WORK="$OUT/work"
RESULTS="$OUT/results.jsonl"
RUN="${BENCH_RUN:-$(date -u +%Y%m%dT%H%M%SZ)}"       # label shared by all rows of one run
QUERIES_DEFAULT="$OUT/queries.tsv"
mkdir -p "$WORK"
# The server measured: this tree's build, or another build's jar (BENCH_APP_JAR) to compare two
# versions on the same machine in one sitting.
APP_JAR="${BENCH_APP_JAR:-search-api/target/abstracta.jar}"
BENCH_JAR="bench/target/abstracta-bench.jar"
JVM_FLAGS=("${ABSTRACTA_JVM_FLAGS[@]}")                # the launcher's (src/bin/jvm-options.sh)

log() { printf '== %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs a Debian package when its command is missing (wrk, time, jq).
need() { # need COMMAND [PACKAGE]
  command -v "$1" >/dev/null 2>&1 && return 0
  [ "$1" = time ] && [ -x /usr/bin/time ] && return 0
  log "installing ${2:-$1} (apt-get)"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y -q "${2:-$1}" >/dev/null 2>&1 ||
    { $sudo apt-get update -q >/dev/null 2>&1 && $sudo apt-get install -y -q "${2:-$1}" >/dev/null; } ||
    die "cannot install ${2:-$1}; install it and retry"
}

# Builds both jars when missing or older than a source file.
build() {
  local newer=""
  if [ -f "$APP_JAR" ] && [ -f "$BENCH_JAR" ]; then
    newer="$(find pom.xml indexer search-api/src search-api/pom.xml bench/src bench/pom.xml \
      -newer "$BENCH_JAR" -type f -not -path '*/target/*' -print -quit 2>/dev/null)"
    [ -z "$newer" ] && return 0
  fi
  log "building abstracta.jar and abstracta-bench.jar"
  ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2 || die "build failed"
}

abstracta() { "$JAVA" "${JVM_FLAGS[@]}" -Xmx"${HEAP:-1g}" -jar "$APP_JAR" "$@"; }
bench_java() { "$JAVA" "${JVM_FLAGS[@]}" -Xmx"${BENCH_HEAP:-4g}" -cp "$APP_JAR:$BENCH_JAR:bench/target/lib/*" org.abstracta.bench.BenchMain "$@"; }

# The machine's load when a row was measured: the lead compares runs on a quiet machine.
loadavg() { cut -d' ' -f1 /proc/loadavg; }
calc() { awk "BEGIN { printf \"%.6f\", $* }"; }

# Appends one result row: record BENCH key=value... (numbers stay numbers).
record() {
  local bench="$1"; shift
  local args=(--arg bench "$bench" --arg run "$RUN" --arg time "$(date -u +%FT%TZ)" --arg load "$(loadavg)")
  local expr='{bench:$bench, run:$run, time:$time, load1:($load|tonumber)}'
  local kv k v i=0
  for kv in "$@"; do
    k="${kv%%=*}"; v="${kv#*=}"; i=$((i + 1))
    args+=(--arg "v$i" "$v")
    expr+=" + {\"$k\": (\$v$i | if . == \"null\" then null else (tonumber? // .) end)}"
  done
  jq -cn "${args[@]}" "$expr" >>"$RESULTS"
}

# Bytes of a file once decompressed (cached next to the work files).
uncompressed_bytes() {
  local f="$1" cache
  cache="$WORK/.bytes-$(basename "$f")-$(stat -c %s "$f")"
  if [ ! -f "$cache" ]; then
    case "$f" in *.gz) gzip -dc "$f" | wc -c >"$cache" ;; *) stat -c %s "$f" >"$cache" ;; esac
  fi
  cat "$cache"
}

# A corpus of N records: the real file for its own size, else grown or cut by 'multiply'.
corpus_of() { # corpus_of N -> path
  local n="$1"
  if [ "$n" = "$CORPUS_DOCS" ]; then echo "$CORPUS"; return; fi
  local f="$WORK/corpus-$n.jsonl"
  # Written aside, then renamed: a run stopped midway leaves no short corpus for the next to reuse.
  if [ ! -f "$f" ]; then
    bench_java multiply --input "$CORPUS" --docs "$n" --out "$f.part" >&2 || die "cannot write $f"
    mv "$f.part" "$f"
  fi
  echo "$f"
}

# Indexes INPUT into a fresh DIR with the real CLI, keywords only (--no-vectors: the embedding
# stage, hours of CPU at this size, is measured by embeddings.sh); sets IDX_SECONDS IDX_CPU_SECONDS
# (user + system, all threads) IDX_RSS_KB IDX_DOCS IDX_BYTES.
index_run() { # index_run INPUT DIR
  local input="$1" dir="$2" tlog="$WORK/time.$$"
  rm -rf "$dir"
  need time time
  /usr/bin/time -f '%e %U %S %M' -o "$tlog" "$JAVA" "${JVM_FLAGS[@]}" -Xmx"${HEAP:-1g}" -jar "$APP_JAR" \
    index "$input" --index "$dir" --rebuild --no-vectors --no-progress >"$WORK/index.log" 2>&1 ||
    { cat "$WORK/index.log" >&2; die "abstracta index failed"; }
  local user sys
  read -r IDX_SECONDS user sys IDX_RSS_KB <"$tlog"; rm -f "$tlog"
  IDX_CPU_SECONDS="$(calc "$user + $sys")"
  IDX_DOCS="$(awk '$1 == "documents" { gsub(",", "", $2); print $2 }' "$WORK/index.log")"
  IDX_BYTES="$(du -sb "$dir" | cut -f1)"
}

# Appends the last index_run of INPUT as an "indexing" row: record_indexing INPUT [key=value...].
record_indexing() {
  local input="$1" raw bytes; shift
  raw="$(stat -c %s "$input")"; bytes="$(uncompressed_bytes "$input")"
  record indexing engine=abstracta docs="$IDX_DOCS" seconds="$IDX_SECONDS" \
    docsPerSec="$(calc "$IDX_DOCS / $IDX_SECONDS")" \
    inputMBps="$(calc "$bytes / 1000000 / $IDX_SECONDS")" \
    gzMBps="$(calc "$raw / 1000000 / $IDX_SECONDS")" \
    cpuSeconds="$IDX_CPU_SECONDS" peakRssMB="$((IDX_RSS_KB / 1024))" \
    indexMB="$(calc "$IDX_BYTES / 1000000")" heap="${HEAP:-1g}" "$@"
}

# CPU seconds (user + system, all threads) a running process has used so far: cpu_seconds PID.
cpu_seconds() {
  # /proc/PID/stat: fields 14 and 15 are utime and stime in clock ticks; the command name (field
  # 2) is in parentheses and may hold spaces, so fields are counted after its closing parenthesis.
  local rest; rest="$(sed 's/^.*) //' "/proc/$1/stat")"
  awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($12 + $13) / t }' <<<"$rest"
}

# Serving: start_serve INDEX [HEAP] sets SERVE_PID, SERVE_URL and SERVE_T0 (launch, ns).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_serve() {
  local index="$1" heap="${2:-1g}" port
  port="${BENCH_PORT:-$(free_port)}"
  SERVE_URL="http://127.0.0.1:$port"
  SERVE_T0="$(date +%s%N)"
  "$JAVA" "${JVM_FLAGS[@]}" -Xmx"$heap" -jar "$APP_JAR" serve --index "$index" --port "$port" \
    >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  trap 'stop_serve' EXIT
}
stop_serve() {
  [ -n "${SERVE_PID:-}" ] || return 0
  kill "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  SERVE_PID=""
}
# Waits for URL to answer 200; prints the time since SERVE_T0 in ms.
wait_ok() { # wait_ok URL [TIMEOUT_S]
  local url="$1" deadline=$(($(date +%s) + ${2:-300}))
  until curl -sf -o /dev/null "$url"; do
    [ -n "${SERVE_PID:-}" ] && ! kill -0 "$SERVE_PID" 2>/dev/null && { cat "$WORK/serve.log" >&2; die "serve exited"; }
    [ "$(date +%s)" -lt "$deadline" ] || die "no answer from $url"
    sleep 0.02
  done
  echo $((($(date +%s%N) - SERVE_T0) / 1000000))
}
# Heap in use after a full GC, in MB (jcmd GC.run, then GC.heap_info).
heap_after_gc_mb() { # PID
  "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | awk '{ printf "%.0f", $2 / 1024 }'
}

# The query file: derived from the 112k index unless given (QUERIES=...).
ensure_queries() { # ensure_queries INDEX
  QUERIES="${QUERIES:-$QUERIES_DEFAULT}"
  [ -f "$QUERIES" ] && return 0
  log "deriving the query mix from $1 -> $QUERIES"
  bench_java queries --index "$1" --out "$QUERIES" --per-kind "${PER_KIND:-40}" >&2
}
# The full 112k index, built once with the real CLI (index.sh measures this build).
ensure_index() { # ensure_index DIR
  ls "$1"/segments_* >/dev/null 2>&1 && return 0
  log "building the 112k index in $1"
  index_run "$CORPUS" "$1"
}
INDEX_112K="$WORK/idx-112k"

# Request files for wrk-cycle.lua from a query file: lines "GET /api/search?...".
# abstracta_requests QUERIES VARIANT KINDS: VARIANT none|all|filter|mix; KINDS regex on kind.
abstracta_requests() {
  jq -Rr --arg variant "$2" --arg kinds "$3" '
    select(startswith("#") | not) | split("\t") | select(.[0] | test("^(" + $kinds + ")$")) as $q
    | (if $variant == "mix" then ["none", "all", "filter"] else [$variant] end)[] as $v
    | "GET /api/search?q=" + ($q[2] | @uri)
      + (if $v == "none" then "&facets=none" else "" end)
      + (if $v == "filter" then "&subject=" + ($q[1] | @uri) else "" end)' "$1"
}

# Runs wrk over a request file; prints one JSON object (see wrk-cycle.lua).
wrk_json() { # wrk_json BASE_URL REQUEST_FILE CONNECTIONS DURATION
  need wrk wrk
  local threads=$(($3 < 2 ? 1 : 2))
  WRK_REQUESTS="$2" wrk -t"$threads" -c"$3" -d"$4" --latency -s "$ROOT/src/bench/wrk-cycle.lua" "$1" |
    sed -n 's/^BENCH_JSON //p'
}

# Warms a server up on REQUEST_FILE with one connection until it is steady: 5 s rounds until one
# is within 5% of the previous in requests/s and, when the server's JVM PID is given, its JIT
# compiled fewer than 100 methods during the round (jstat); at most 24 rounds. Why: after 10 s at 8
# connections, one connection ran the mix at 140, 162, 198, 235, 269, 267, 290, 300 req/s in
# consecutive 5 s rounds while the JIT compiled 1,543, 1,246, 602, 322, 147, 160, 131, 78 methods;
# a fixed warm-up, or one that stops at the first two close rounds, measures how far the JIT got.
warm_until_steady() { # warm_until_steady BASE_URL REQUEST_FILE [PID]
  local prev=0 rps round before after compiled quiet
  before="$(jit_compiled "${3:-}")"
  for round in $(seq 1 24); do
    rps="$(wrk_json "$1" "$2" 1 5s | jq -r .rps)"
    after="$(jit_compiled "${3:-}")"
    compiled=$((after - before)); before="$after"
    quiet=1; [ -n "${3:-}" ] && [ "$compiled" -ge 100 ] && quiet=0
    log "  warm-up round $round: $rps req/s, $compiled methods compiled"
    if [ "$quiet" = 1 ] && awk -v a="$rps" -v b="$prev" 'BEGIN { exit !(b > 0 && (a - b < 0 ? b - a : a - b) / b < 0.05) }'; then
      return 0
    fi
    prev="$rps"
  done
  log "  not steady after 24 rounds; measuring anyway"
}

# How many methods the JIT of JVM PID has compiled so far (0 without a PID or jstat).
jit_compiled() { # jit_compiled [PID]
  [ -n "${1:-}" ] || { echo 0; return; }
  "$JAVA_HOME/bin/jstat" -compiler "$1" 2>/dev/null | awk 'NR == 2 { print $1; found = 1 } END { if (!found) print 0 }'
}

# Prints the JSON-lines rows of this run for BENCH as a table.
table() { # table BENCH KEY...
  local bench="$1"; shift
  local keys; keys="$(printf '"%s",' "$@")"; keys="[${keys%,}]"
  jq -r --arg b "$bench" --arg r "$RUN" --argjson k "$keys" \
    'select(.bench == $b and .run == $r) | [.[$k[]]] | map(if type == "number" and (. != floor) then (. * 1000 | round / 1000) else . end) | @tsv' \
    "$RESULTS" | { printf '%s\n' "$*" | tr ' ' '\t'; cat; } | column -t -s $'\t'
}
