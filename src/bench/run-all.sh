#!/usr/bin/env bash
# Runs the benchmark suite; every part prints its table and appends to target/bench/results.jsonl.
#   src/bench/run-all.sh [--parts index,queries,http,growth,startup] [--peers]
#                        [--sizes 112788,500000,2000000] [--duration 30s] [--quick]
# Default: every part at full size, no peers. --peers adds OpenSearch and SQLite FTS5 (or list
# them in --parts: opensearch, sqlite). --quick validates everything end to end in minutes:
# sizes 5000,20000, 3 s wrk runs, 2 query passes, peers on 5,000 documents.
. "$(dirname "$0")/lib.sh"
PARTS="index,queries,http,growth,startup"; SIZES="112788,500000,2000000"; DURATION=30s
PASSES=10; PEER_DOCS="$CORPUS_DOCS"; QUICK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --parts) PARTS="$2"; shift 2 ;;
    --peers) PARTS="$PARTS,opensearch,sqlite"; shift ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --quick) QUICK=1; SIZES=5000,20000; DURATION=3s; PASSES=2; PEER_DOCS=5000; shift ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
export BENCH_RUN="$RUN"
has() { [[ ",$PARTS," == *",$1,"* ]]; }
B="$ROOT/src/bench"
started=$(date +%s)
log "run $RUN: parts $PARTS; sizes $SIZES; load $(loadavg); $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
if [ "$QUICK" = 1 ]; then
  has index && "$B/index.sh" --docs 5000
else
  has index && "$B/index.sh"
fi
has queries && "$B/queries.sh" --passes "$PASSES"
has http && "$B/http.sh" --duration "$DURATION"
has growth && "$B/growth.sh" --sizes "$SIZES" --duration "$DURATION"
if has startup; then
  biggest="$WORK/idx-${SIZES##*,}"
  [ -d "$biggest" ] || biggest="$INDEX_112K"
  "$B/startup.sh" --index "$biggest"
fi
if has opensearch; then # with its own english analysis, then with Abstracta's (exact + stems)
  "$B/opensearch.sh" --docs "$PEER_DOCS" --duration "$DURATION"
  "$B/opensearch.sh" --docs "$PEER_DOCS" --duration "$DURATION" --mapping exact
fi
has sqlite && "$B/sqlite.sh" --docs "$PEER_DOCS" --passes "$PASSES"
log "run $RUN done in $(( ($(date +%s) - started) / 60 )) min; rows in $RESULTS (jq 'select(.run == \"$RUN\")')"
