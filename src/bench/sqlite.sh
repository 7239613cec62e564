#!/usr/bin/env bash
# Peer: SQLite FTS5 (python3's sqlite3 module; porter unicode61 tokenizer, bm25 with title weight
# 2, top 10 plus exact count, snippets; facet variants add GROUP BY counts of category and year).
# Loads the same corpus (timed: inserts + optimize + commit), runs the same query mix in one client
# and prints every figure with its ratio to Abstracta's in-process figures from results.jsonl.
#   src/bench/sqlite.sh [--docs N] [--passes N]
. "$(dirname "$0")/lib.sh"
DOCS="$CORPUS_DOCS"; PASSES=10
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --passes) PASSES="$2"; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
need jq
python3 -c 'import sqlite3; sqlite3.connect(":memory:").execute("create virtual table t using fts5(a)")' ||
  die "python3's sqlite3 has no FTS5"
build
ensure_index "$INDEX_112K"
ensure_queries "$INDEX_112K"
INPUT="$(corpus_of "$DOCS")"
log "SQLite FTS5 on $INPUT (load $(loadavg))"
python3 "$ROOT/src/bench/peers.py" sqlite "$INPUT" "$WORK/fts5.db" "$QUERIES" --passes "$PASSES" \
  --results "$RESULTS" --run "$RUN"
echo
echo "Ratios are SQLite / Abstracta (load rate and qps: < 1 means Abstracta is faster; p50: > 1 means"
echo "Abstracta is faster); Abstracta's figures: the latest index.sh and queries.sh rows at $DOCS docs."
jq -rs --arg r "$RUN" '
  [.[] | select(.bench == "inprocess")] as $a
  | [.[] | select(.bench == "indexing" and .engine == "abstracta")] as $i
  | (["what", "kind", "facets", "docs", "p50ms", "p99ms", "qps/docsPerSec", "abstracta", "ratio", "p50Ratio"] | @tsv),
    (.[] | select(.bench == "peer-sqlite" and .run == $r) as $s
     | if $s.what == "load" then
         ([$i[] | select(.docs == $s.docs)] | last) as $m
         | ["load", "", "", $s.docs, "", "", $s.docsPerSec, ($m.docsPerSec // "n/a"),
            (if $m then $s.docsPerSec / $m.docsPerSec else "n/a" end), ""]
       else
         ([$a[] | select(.docs == $s.docs and .kind == $s.kind and .facets == $s.facets)] | last) as $m
         | ["query", $s.kind, $s.facets, $s.docs, $s.p50ms, $s.p99ms, $s.qps, ($m.qps // "n/a"),
            (if $m then $s.qps / $m.qps else "n/a" end), (if $m then $s.p50ms / $m.p50ms else "n/a" end)]
       end
     | map(if type == "number" and . != floor then (. * 1000 | round / 1000) else . end) | @tsv)' \
  "$RESULTS" | column -t -s $'\t'
