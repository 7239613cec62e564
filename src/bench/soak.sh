#!/usr/bin/env bash
# Soak benchmark: `abstracta serve` under a steady mixed query load (wrk, 32 connections) for
# DURATION, while an `abstracta index` run adds a slice of papers to the same index every
# REINDEX_EVERY seconds (keyword indexing, --no-vectors: embedding 2,000 papers takes longer than a
# minute on 2 cores; embeddings.sh measures the embedding stage). Reports, per minute, requests, errors (non-2xx and socket errors) and
# latency percentiles, plus the JVM's heap (after a GC) and open file handles at start and end.
#
#   src/bench/soak.sh                        # 10 minutes on 20,000 arXiv papers, +2,000 a minute
#   DURATION=90s INITIAL=3000 SLICE=500 src/bench/soak.sh     # a short check
#
# Settings (environment):
#   DURATION       how long to load the server: 90s, 10m, 1h (default 10m)
#   CONNECTIONS    wrk connections (default 32); THREADS wrk threads (default 2)
#   SEGMENT        seconds per reported row (default 60)
#   REINDEX_EVERY  seconds between indexing runs (default 60; the first starts after 20 s)
#   INITIAL        papers indexed before the load starts (default 20000)
#   SLICE          papers each indexing run adds (default 2000)
#   DATA           arXiv snapshot file to take papers from, in order (default
#                  ../shared/data/arxiv/arxiv-112k.jsonl.gz beside the project; if missing,
#                  made-up papers are generated instead)
#   WORK           where the index, slices, logs and results go (default: a new temp dir)
#   JAVA_OPTS      JVM options of the server (default -Xmx1g)
#
# Needs wrk (Debian: apt-get install -y wrk; installed automatically when run as root with apt),
# a JDK 21+ (found like ./abstracta does), and builds the jar if needed. Exit code 0 when no
# request failed, 1 otherwise, 2 when something it needs is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION="${DURATION:-10m}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
SEGMENT="${SEGMENT:-60}"
REINDEX_EVERY="${REINDEX_EVERY:-60}"
INITIAL="${INITIAL:-20000}"
SLICE="${SLICE:-2000}"
DATA="${DATA:-$ROOT/../shared/data/arxiv/arxiv-112k.jsonl.gz}"
JAVA_OPTS="${JAVA_OPTS:--Xmx1g}"
WORK="${WORK:-$(mktemp -d -t abstracta-soak.XXXXXX)}"

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

seconds() { # 90s, 10m, 1h, or plain seconds
  case "$1" in
    *h) echo $(( ${1%h} * 3600 )) ;; *m) echo $(( ${1%m} * 60 )) ;;
    *s) echo "${1%s}" ;; *) echo "$1" ;;
  esac
}
TOTAL=$(seconds "$DURATION")

# ---- what it needs
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing wrk (apt-get install -y wrk)"
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null 2>&1 || {
    echo "error: the soak benchmark needs wrk: install it with 'sudo apt-get install -y wrk'" \
      "(Debian/Ubuntu) or 'brew install wrk' (macOS)" >&2
    exit 2
  }
fi
# shellcheck source=../bin/find-java.sh
. "$ROOT/src/bin/find-java.sh"
find_java_home || exit 2
ABSTRACTA="$ROOT/abstracta"
INDEX="$WORK/index"
mkdir -p "$WORK/slices"
rm -f "$WORK/stop" "$WORK/index-failures"

# ---- papers: the initial index and one slice per indexing run
RUNS=$(( TOTAL / REINDEX_EVERY + 2 ))
if [ -f "$DATA" ]; then
  say "taking $INITIAL + $RUNS x $SLICE papers from $DATA"
  (zcat -f "$DATA" | head -n $(( INITIAL + RUNS * SLICE )) || true) > "$WORK/papers.jsonl"
else
  say "no $DATA: generating $INITIAL + $RUNS x $SLICE made-up papers"
  awk -v n=$(( INITIAL + RUNS * SLICE )) 'BEGIN {
      srand(42); split("learning model graph policy galaxy quantum vision robot language reward", c, " ")
      for (i = 0; i < n; i++) {
        t = c[int(rand() * 10) + 1]; a = ""
        for (w = 0; w < 80; w++) {
          s = ""; len = 4 + int(rand() * 6)
          for (k = 0; k < len; k++) s = s sprintf("%c", 97 + int(rand() * 26))
          a = a (w % 9 == 0 ? c[int(rand() * 10) + 1] : s) " "
        }
        printf "{\"id\":\"soak-%d\",\"type\":\"paper\",\"title\":\"%s %s\",\"abstract\":\"%s\"," \
          "\"authors\":[\"Author %d\"],\"subjects\":[{\"code\":\"cs.LG\",\"label\":\"cs.LG\"}]," \
          "\"date\":\"202%d-0%d-1%d\"}\n", i, t, s, a, int(rand() * 500), int(rand() * 6),
          1 + int(rand() * 9), int(rand() * 10)
      } }' > "$WORK/papers.jsonl"
fi
head -n "$INITIAL" "$WORK/papers.jsonl" > "$WORK/initial.jsonl"
tail -n +$(( INITIAL + 1 )) "$WORK/papers.jsonl" | split -l "$SLICE" -d -a 3 --additional-suffix=.jsonl - "$WORK/slices/slice-"
rm -f "$WORK/papers.jsonl"

say "indexing $INITIAL papers into $INDEX (builds the jar first if needed)"
"$ABSTRACTA" index "$WORK/initial.jsonl" --index "$INDEX" --no-vectors --no-progress > "$WORK/index-initial.log" 2>&1 || {
  echo "error: the initial indexing run failed; see $WORK/index-initial.log" >&2; exit 2; }

# ---- the server, on a free port; request lines of 200s are left out of its log
SERVER_PID=""
INDEXER_PID=""
cleanup() { # stops what this script started: the indexing loop (after its run), then the server
  touch "$WORK/stop"
  if [ -n "$INDEXER_PID" ]; then wait "$INDEXER_PID" 2>/dev/null || true; fi
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
ABSTRACTA_JAVA_OPTS="$JAVA_OPTS" "$ABSTRACTA" serve --index "$INDEX" --port 0 \
  > >(grep --line-buffered -v ' 200 [0-9.]* ms$' > "$WORK/server.log") 2>&1 &
SERVER_PID=$!
URL=""
for _ in $(seq 1 300); do
  URL=$(sed -n 's/.* at \(http:[^ ]*\) (Ctrl-C.*/\1/p' "$WORK/server.log" 2>/dev/null | head -n1)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "error: the server did not start; see $WORK/server.log" >&2; exit 2; }
  sleep 0.2
done
[ -n "$URL" ] || { echo "error: the server did not start within 60 s" >&2; exit 2; }
URL="${URL%/}"

metric() { # sum of a Prometheus metric's samples matching a filter
  curl -s "$URL/metrics" | awk -v m="$1" -v f="$2" '$1 ~ "^"m && $1 ~ f { s += $NF } END { printf "%.0f", s }'
}
snapshot() { # heap after a GC (MiB), open fds (/proc), open fds (JVM), snapshots open, documents
  "$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
  local heap fds jvmfds snaps docs
  heap=$(metric jvm_memory_used_bytes 'area="heap"')
  fds=$(ls "/proc/$SERVER_PID/fd" 2>/dev/null | wc -l)
  jvmfds=$(metric process_files_open_files '')
  snaps=$(metric abstracta_index_snapshots_open '')
  docs=$(curl -s "$URL/api/stats" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
  printf 'heap_after_gc=%.1fMiB fds=%s jvm_open_files=%s snapshots_open=%s documents=%s' \
    "$(echo "$heap" | awk '{ print $1 / 1048576 }')" "$fds" "$jvmfds" "$snaps" "$docs"
}

# ---- the indexer: a slice every REINDEX_EVERY seconds, into the index the server serves
pause() { # sleeps $1 seconds, or returns 1 as soon as the stop file appears
  local until=$(( SECONDS + $1 ))
  while [ "$SECONDS" -lt "$until" ]; do [ -f "$WORK/stop" ] && return 1; sleep 1; done
  return 0
}
indexer() {
  pause 20 || return 0
  for slice in "$WORK"/slices/slice-*.jsonl; do
    [ -f "$WORK/stop" ] && return 0
    local start=$SECONDS
    if "$ABSTRACTA" index "$slice" --index "$INDEX" --no-vectors --no-progress > "$WORK/index-last.log" 2>&1; then
      say "indexing run $(basename "$slice" .jsonl): $(grep -o 'documents *[0-9,]*' "$WORK/index-last.log" | tr -s ' ') in the index after $(( SECONDS - start )) s"
    else
      say "indexing run $(basename "$slice" .jsonl) FAILED; see $WORK/index-last.log"
      echo failed >> "$WORK/index-failures"
    fi
    pause $(( REINDEX_EVERY - (SECONDS - start) > 0 ? REINDEX_EVERY - (SECONDS - start) : 0 )) || return 0
  done
}

START_STATE=$(snapshot)
say "serving at $URL; start: $START_STATE"
say "load: wrk $THREADS threads, $CONNECTIONS connections, $DURATION; an indexing run every ${REINDEX_EVERY}s"
indexer &
INDEXER_PID=$!

: > "$WORK/segments.txt"
elapsed=0
minute=0
while [ "$elapsed" -lt "$TOTAL" ]; do
  len=$(( TOTAL - elapsed < SEGMENT ? TOTAL - elapsed : SEGMENT ))
  minute=$(( minute + 1 ))
  out=$(wrk -t "$THREADS" -c "$CONNECTIONS" -d "${len}s" --timeout 10s \
    -s "$ROOT/src/bench/soak.lua" "$URL" 2>&1 | grep '^SOAK' || echo "SOAK requests=0 wrk_failed=1")
  docs=$(curl -s "$URL/api/stats" | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
  echo "$minute $out documents=${docs:-?}" >> "$WORK/segments.txt"
  say "segment $minute: ${out#SOAK } documents=${docs:-?}"
  elapsed=$(( elapsed + len ))
  kill -0 "$SERVER_PID" 2>/dev/null || { say "the server died"; break; }
done

touch "$WORK/stop"
wait "$INDEXER_PID" 2>/dev/null || true
INDEXER_PID=""
END_STATE=$(snapshot)

# ---- report
field() { sed -n "s/.*[ ]$1=\([0-9]*\).*/\1/p" <<< "$2"; }
echo
echo "Soak: $DURATION, $CONNECTIONS connections, an indexing run of $SLICE papers every ${REINDEX_EVERY}s"
printf '%-7s %10s %8s %9s %9s %8s %8s %8s %10s\n' segment requests req/s non-2xx socket-err p50-ms p99-ms max-ms documents
total=0; errors=0
while read -r seg rest; do
  r=$(field requests " $rest"); d=$(field duration_us " $rest")
  n=$(field non2xx " $rest"); s=$(( $(field connect " $rest") + $(field read " $rest") + $(field write " $rest") + $(field timeout " $rest") ))
  printf '%-7s %10s %8.0f %9s %9s %8.1f %8.1f %8.1f %10s\n' "$seg" "$r" \
    "$(awk -v r="$r" -v d="$d" 'BEGIN { print (d > 0 ? r / (d / 1e6) : 0) }')" "$n" "$s" \
    "$(awk -v v="$(field p50_us " $rest")" 'BEGIN { print v / 1000 }')" \
    "$(awk -v v="$(field p99_us " $rest")" 'BEGIN { print v / 1000 }')" \
    "$(awk -v v="$(field max_us " $rest")" 'BEGIN { print v / 1000 }')" "$(field documents " $rest")"
  total=$(( total + r )); errors=$(( errors + n + s ))
done < "$WORK/segments.txt"
runs=$(grep -c . "$WORK/index-failures" 2>/dev/null || true)
echo "requests served: $total; errors (non-2xx + socket): $errors; failed indexing runs: ${runs:-0}"
echo "start: $START_STATE"
echo "end:   $END_STATE"
echo "server errors logged: $(grep -c -E '\[(ERROR|WARN)\]| 5[0-9][0-9] [0-9.]* ms$' "$WORK/server.log" || true) (log: $WORK/server.log)"
echo "work dir: $WORK"
if [ "$errors" -eq 0 ] && [ "${runs:-0}" -eq 0 ] && kill -0 "$SERVER_PID" 2>/dev/null; then
  exit 0
fi
exit 1
