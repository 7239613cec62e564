#!/usr/bin/env bash
# HTTP benchmark: the query mix through 'abstracta serve' with wrk at 1, 8 and 32 connections
# (throughput, p50/p99, non-2xx and socket errors), then one client on the 2-3 word keyword
# queries with 10 highlighted hits and an exact total, without facets and with all facets counted
# (the headlines: p50 <= 1 ms and p99 <= 5 ms, and p50 <= 2 ms with facets, at 112k).
# BENCH_APP_JAR=other/abstracta.jar measures another build with the same queries.
#   src/bench/http.sh [--index DIR] [--queries FILE] [--duration 30s] [--conns "1 8 32"] [--heap 1g]
. "$(dirname "$0")/lib.sh"
INDEX="$INDEX_112K"; DURATION=30s; CONNS="1 8 32"; SERVE_HEAP=1g
while [ $# -gt 0 ]; do
  case "$1" in
    --index) INDEX="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --heap) SERVE_HEAP="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq; need wrk
[ "$INDEX" = "$INDEX_112K" ] && ensure_index "$INDEX"
ensure_queries "$INDEX"
abstracta_requests "$QUERIES" mix '.*' >"$WORK/http-mix.txt"
abstracta_requests "$QUERIES" all 'two|three' >"$WORK/http-headline.txt"
abstracta_requests "$QUERIES" none 'two|three' >"$WORK/http-headline-none.txt"

start_serve "$INDEX" "$SERVE_HEAP"
wait_ok "$SERVE_URL/health" >/dev/null
docs="$(curl -sf "$SERVE_URL/api/stats" | jq -r '.documents // .docs // empty')"
log "serving $INDEX ($docs documents) at $SERVE_URL; warm-up: 10s at 8 connections, then until steady"
wrk_json "$SERVE_URL" "$WORK/http-mix.txt" 8 10s >/dev/null
warm_until_steady "$SERVE_URL" "$WORK/http-mix.txt" "$SERVE_PID"
for c in $CONNS; do
  log "wrk mix, $c connection(s), $DURATION (load $(loadavg))"
  j="$(wrk_json "$SERVE_URL" "$WORK/http-mix.txt" "$c" "$DURATION")"
  record http engine=abstracta docs="$docs" workload=mix conns="$c" \
    $(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$j")
done
# The headline's own warm-up: right after the mix, its queries run slower for some seconds (JFR and
# tookMs show the search itself, not HTTP, at 5.7 ms p50 then 3.0 ms once warm on them).
for variant in none all; do
  file="$WORK/http-headline.txt"; workload=2-3-words-all-facets
  [ "$variant" = none ] && { file="$WORK/http-headline-none.txt"; workload=2-3-words-no-facets; }
  log "headline warm-up until steady ($workload)"
  warm_until_steady "$SERVE_URL" "$file" "$SERVE_PID"
  log "wrk headline ($workload), 1 connection, $DURATION (load $(loadavg))"
  j="$(wrk_json "$SERVE_URL" "$file" 1 "$DURATION")"
  record http engine=abstracta docs="$docs" workload="$workload" conns=1 jar="$APP_JAR" \
    $(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$j")
done
stop_serve

echo
echo "HTTP, $docs documents, $(wc -l <"$WORK/http-mix.txt") mix requests ($(wc -l <"$WORK/http-headline.txt") headline), $DURATION each:"
table http workload conns requests rps p50ms p90ms p99ms non2xx socketErrors load1
echo "(headline targets at 112k: no facets p50 <= 1 ms, p99 <= 5 ms; all facets p50 <= 2 ms)"
