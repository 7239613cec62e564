#!/usr/bin/env bash
# Embedding benchmarks. models: the bundled model against all-MiniLM-L6-v2 on a BEIR collection by
# vector search alone (nDCG@10, Recall@100; texts split into windows or cut; documents/s). stage:
# 'abstracta embed' over N arXiv papers indexed with --no-vectors (papers/s, CPU seconds, peak RSS,
# index size before and after). vectors: Lucene's vector formats on the vectors of an embedded
# index of M papers, queried with the titles of 1,000 other papers (size, recall@10 against exact
# search, query time).
#   src/bench/embeddings.sh [--parts models,stage,vectors] [--docs 2000] [--vector-docs 20000]
#                           [--collection ../shared/data/scifact-dev] [--threads N]
# The vectors part embeds its M papers first unless an index of them is left from a run before
# (about 8 papers per CPU second: 20,000 papers take 40 minutes of both cores).
. "$(dirname "$0")/lib.sh"
PARTS="models,stage,vectors"; DOCS=2000; VDOCS=20000; COLLECTION="../shared/data/scifact-dev"
THREADS="$(nproc)"
while [ $# -gt 0 ]; do
  case "$1" in
    --parts) PARTS="$2"; shift 2 ;;
    --docs) DOCS="$2"; shift 2 ;;
    --vector-docs) VDOCS="$2"; shift 2 ;;
    --collection) COLLECTION="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq; need time time

# Indexes the first N papers (keyword only), then times 'abstracta embed' over them; sets EMB_*.
embed_run() { # embed_run N DIR
  local n="$1" dir="$2" input="$WORK/arxiv-first-$1.jsonl" tlog="$WORK/time.$$"
  [ -f "$input" ] || gzip -dc "$CORPUS" | head -n "$n" >"$input"
  rm -rf "$dir"
  abstracta index "$input" --index "$dir" --no-vectors --no-progress >"$WORK/index.log" 2>&1 ||
    { cat "$WORK/index.log" >&2; die "abstracta index failed"; }
  EMB_BYTES_BEFORE="$(du -sb "$dir" | cut -f1)"
  log "abstracta embed over $n papers ($THREADS threads, load $(loadavg))"
  /usr/bin/time -f '%e %U %S %M' -o "$tlog" "$JAVA" "${JVM_FLAGS[@]}" -Xmx"${HEAP:-1g}" -jar "$APP_JAR" \
    embed --index "$dir" --threads "$THREADS" --no-progress >"$WORK/embed.log" 2>&1 ||
    { cat "$WORK/embed.log" >&2; die "abstracta embed failed"; }
  local user sys
  read -r EMB_SECONDS user sys EMB_RSS_KB <"$tlog"; rm -f "$tlog"
  EMB_CPU="$(calc "$user + $sys")"
  EMB_BYTES_AFTER="$(du -sb "$dir" | cut -f1)"
  cat "$WORK/embed.log"
  record embedding docs="$n" seconds="$EMB_SECONDS" papersPerSec="$(calc "$n / $EMB_SECONDS")" \
    cpuSeconds="$EMB_CPU" papersPerCpuSec="$(calc "$n / $EMB_CPU")" threads="$THREADS" \
    peakRssMB="$((EMB_RSS_KB / 1024))" indexMBBefore="$(calc "$EMB_BYTES_BEFORE / 1000000")" \
    indexMBAfter="$(calc "$EMB_BYTES_AFTER / 1000000")" heap="${HEAP:-1g}"
}

if [[ ",$PARTS," == *,models,* ]]; then
  log "models on $COLLECTION (load $(loadavg))"
  bench_java models "$COLLECTION" --threads "$THREADS" --results "$RESULTS" --run "$RUN"
fi
if [[ ",$PARTS," == *,stage,* ]]; then
  embed_run "$DOCS" "$WORK/idx-embed-$DOCS"
  echo; echo "The embedding stage over $DOCS arXiv papers:"
  table embedding docs seconds papersPerSec cpuSeconds papersPerCpuSec threads peakRssMB indexMBBefore indexMBAfter
fi
if [[ ",$PARTS," == *,vectors,* ]]; then
  dir="$WORK/idx-embed-$VDOCS"
  [ -f "$dir/.embedded" ] || { embed_run "$VDOCS" "$dir"; touch "$dir/.embedded"; }
  queries="$WORK/arxiv-after-$VDOCS.jsonl"
  [ -f "$queries" ] || gzip -dc "$CORPUS" | sed -n "$((VDOCS + 1)),$((VDOCS + 1000))p" >"$queries"
  log "vector formats over $VDOCS papers (load $(loadavg))"
  bench_java vectors --index "$dir" --queries "$queries" --work "$WORK/vectors" \
    --results "$RESULTS" --run "$RUN"
fi
