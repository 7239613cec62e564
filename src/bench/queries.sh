#!/usr/bin/env bash
# In-process query benchmark: p50/p95/p99 and single-thread QPS of the query mix (one, two, three
# words, phrase, field, prefix, fuzzy; each without facets, with all facets, with a subject filter)
# over IndexSearchService on an index. Derives the query file first if there is none.
#   src/bench/queries.sh [--index DIR] [--queries FILE] [--passes N] [--warmup N] [--regenerate]
. "$(dirname "$0")/lib.sh"
INDEX="$INDEX_112K"; PASSES=10; WARMUP=3; REGEN=0
while [ $# -gt 0 ]; do
  case "$1" in
    --index) INDEX="$2"; shift 2 ;;
    --queries) QUERIES="$2"; shift 2 ;;
    --passes) PASSES="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --regenerate) REGEN=1; shift ;;
    -h|--help) sed -n '2,5p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq
[ "$INDEX" = "$INDEX_112K" ] && ensure_index "$INDEX"
[ "$REGEN" = 1 ] && rm -f "${QUERIES:-$QUERIES_DEFAULT}"
ensure_queries "$INDEX"
log "in-process queries on $INDEX (load $(loadavg))"
bench_java inprocess --index "$INDEX" --queries "$QUERIES" --passes "$PASSES" --warmup "$WARMUP" \
  --results "$RESULTS" --run "$RUN"
