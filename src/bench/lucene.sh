#!/usr/bin/env bash
# The floor under the headline: the 2-3 word queries of the query file answered by bare Lucene on
# the same index (every word's stem required in title or abstract, BM25; top 10 ids with Lucene's
# default pruning, and top 10 + exact count + the hits' stored papers) and by Abstracta's service
# without facets (exact total, 10 highlighted hits), in process, one thread, in the same run.
#   src/bench/lucene.sh [--index DIR] [--queries FILE] [--passes N] [--warmup N]
. "$(dirname "$0")/lib.sh"
INDEX="$INDEX_112K"; PASSES=30; WARMUP=20
while [ $# -gt 0 ]; do
  case "$1" in
    --index) INDEX="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    --passes) PASSES="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq
[ "$INDEX" = "$INDEX_112K" ] && ensure_index "$INDEX"
ensure_queries "$INDEX"
log "bare Lucene and Abstracta in process on $INDEX (load $(loadavg))"
bench_java lucene --index "$INDEX" --queries "$QUERIES" --passes "$PASSES" --warmup "$WARMUP" \
  --results "$RESULTS" --run "$RUN"
