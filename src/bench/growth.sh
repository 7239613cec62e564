#!/usr/bin/env bash
# Growth benchmark: at each corpus size, index with the real CLI (time, size, peak RSS), serve it
# with a 1 GiB heap (start-up to first query, heap used after a full GC) and measure single-client
# HTTP latency of the query mix and of the 2-3 word headline queries. Sizes above the real corpus
# are SYNTHETIC: grown by 'abstracta-bench multiply' (new ids 9PPP.NNNNN, abstract sentences
# shuffled, seeded). The queries are the ones derived from the 112k index, at every size.
#   src/bench/growth.sh [--sizes 112788,500000,2000000] [--duration 30s] [--heap 1g] [--keep]
#                       [--reuse]
# --reuse serves an index of that size left by an earlier run instead of indexing again (serving
# figures only; the index columns stay empty).
. "$(dirname "$0")/lib.sh"
SIZES="112788,500000,2000000"; DURATION=30s; SERVE_HEAP=1g; KEEP=0; REUSE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --heap) SERVE_HEAP="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --reuse) REUSE=1; shift ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq; need wrk
ensure_index "$INDEX_112K"
ensure_queries "$INDEX_112K"
abstracta_requests "$QUERIES" mix '.*' >"$WORK/http-mix.txt"
abstracta_requests "$QUERIES" all 'two|three' >"$WORK/http-headline.txt"

for n in ${SIZES//,/ }; do
  dir="$WORK/idx-$n"; [ "$n" = "$CORPUS_DOCS" ] && dir="$INDEX_112K"
  if [ "$REUSE" = 1 ] && ls "$dir"/segments_* >/dev/null 2>&1; then
    log "growth $n: reusing $dir (load $(loadavg))"
    IDX_DOCS=null; IDX_SECONDS=null; IDX_CPU_SECONDS=null; IDX_RSS_KB=null; IDX_BYTES="$(du -sb "$dir" | cut -f1)"
  else
    input="$(corpus_of "$n")"
    log "growth $n: indexing $input (load $(loadavg))"
    index_run "$input" "$dir"
  fi
  if [ "$IDX_DOCS" = null ]; then log "growth $n: serving $dir with -Xmx$SERVE_HEAP"
  else log "growth $n: $IDX_DOCS documents in ${IDX_SECONDS}s; serving with -Xmx$SERVE_HEAP"; fi
  sync
  start_serve "$dir" "$SERVE_HEAP"
  health_ms="$(wait_ok "$SERVE_URL/health" 900)"
  first_ms="$(wait_ok "$SERVE_URL/api/search?q=$(head -1 "$WORK/http-headline.txt" | sed 's/.*q=//')" 900)"
  [ "$IDX_DOCS" = null ] && IDX_DOCS="$(curl -sf "$SERVE_URL/api/stats" | jq -r .documents)"
  warm_until_steady "$SERVE_URL" "$WORK/http-mix.txt" "$SERVE_PID"
  mix="$(wrk_json "$SERVE_URL" "$WORK/http-mix.txt" 1 "$DURATION")"
  warm_until_steady "$SERVE_URL" "$WORK/http-headline.txt" "$SERVE_PID" # its own warm-up (see http.sh)
  head="$(wrk_json "$SERVE_URL" "$WORK/http-headline.txt" 1 "$DURATION")"
  heap_mb="$(heap_after_gc_mb "$SERVE_PID")"
  kill -0 "$SERVE_PID" 2>/dev/null || die "serve died at $n documents (see $WORK/serve.log)"
  stop_serve
  record growth docs="$IDX_DOCS" synthetic="$((IDX_DOCS > CORPUS_DOCS ? IDX_DOCS - CORPUS_DOCS : 0))" \
    indexSeconds="$IDX_SECONDS" indexCpuSeconds="$IDX_CPU_SECONDS" \
    docsPerSec="$([ "$IDX_SECONDS" = null ] && echo null || calc "$IDX_DOCS / $IDX_SECONDS")" \
    indexMB="$(calc "$IDX_BYTES / 1000000")" \
    indexRssMB="$([ "$IDX_RSS_KB" = null ] && echo null || echo $((IDX_RSS_KB / 1024)))" \
    serveHeap="$SERVE_HEAP" heapAfterGcMB="$heap_mb" healthMs="$health_ms" firstQueryMs="$first_ms" \
    mixP50ms="$(jq .p50ms <<<"$mix")" mixP99ms="$(jq .p99ms <<<"$mix")" mixRps="$(jq .rps <<<"$mix")" \
    headP50ms="$(jq .p50ms <<<"$head")" headP99ms="$(jq .p99ms <<<"$head")" \
    errors="$(jq -s 'map(.non2xx + .socketErrors) | add' <<<"$mix$head")"
  if [ "$KEEP" = 0 ] && [ "$n" != "$CORPUS_DOCS" ]; then rm -f "$WORK/corpus-$n.jsonl"; fi
done

echo
echo "Growth (serve -Xmx$SERVE_HEAP; latencies over HTTP, 1 client, $DURATION each):"
table growth docs synthetic indexSeconds docsPerSec indexMB indexRssMB heapAfterGcMB firstQueryMs \
  mixP50ms mixP99ms headP50ms headP99ms errors load1
