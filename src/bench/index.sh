#!/usr/bin/env bash
# Indexing benchmark: 'abstracta index' on the arXiv corpus into a fresh index (docs/s, input MB/s,
# peak RSS, index size, elapsed) and, in the same run, the bare-Lucene baseline on the same papers
# (parsed and converted up front, writing timed); prints Abstracta/baseline as a ratio.
#   src/bench/index.sh [--docs N] [--heap 1g] [--no-baseline]
# --docs N indexes N records (cut from or grown from the real corpus; see multiply); default all.
. "$(dirname "$0")/lib.sh"
DOCS="$CORPUS_DOCS"; BASELINE=1; HEAP="${HEAP:-1g}"
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --no-baseline) BASELINE=0; shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq
INPUT="$(corpus_of "$DOCS")"
DIR="$WORK/idx-$DOCS"; [ "$DOCS" = "$CORPUS_DOCS" ] && DIR="$INDEX_112K"
RAW_BYTES="$(stat -c %s "$INPUT")"; BYTES="$(uncompressed_bytes "$INPUT")"

log "abstracta index $INPUT (heap $HEAP, load $(loadavg))"
index_run "$INPUT" "$DIR"
record_indexing "$INPUT"

if [ "$BASELINE" = 1 ]; then
  # The baseline runs with a larger heap to hold all documents, but with the indexer's RAM buffer
  # for the indexer's heap (IndexWriterFactory.ramBufferMb).
  heap_mb="$(numfmt --from=iec "${HEAP^^}" | awk '{ printf "%d", $1 / 1048576 }')"
  log "bare-Lucene baseline (the RAM buffer of an indexer with $HEAP of heap, load $(loadavg))"
  BENCH_HEAP="${BASELINE_HEAP:-6g}" bench_java baseline "$INPUT" --index "$WORK/idx-baseline" \
    --indexer-heap-mb "$heap_mb" --results "$WORK/baseline.jsonl" --run "$RUN"
  base="$(tail -1 "$WORK/baseline.jsonl")"
  base_rate="$(jq -r .docsPerSec <<<"$base")"
  record indexing engine=bare-lucene docs="$(jq -r .docs <<<"$base")" \
    seconds="$(jq -r .seconds <<<"$base")" docsPerSec="$base_rate" \
    indexMB="$(jq -r .indexMB <<<"$base")" heap="${BASELINE_HEAP:-6g}"
  rm -rf "$WORK/idx-baseline"
fi

echo
echo "Indexing $IDX_DOCS documents from $INPUT ($((RAW_BYTES / 1000000)) MB file, $((BYTES / 1000000)) MB uncompressed), load $(loadavg):"
table indexing engine docs seconds docsPerSec inputMBps gzMBps peakRssMB indexMB
if [ "$BASELINE" = 1 ]; then
  ratio="$(calc "100 * $IDX_DOCS / $IDX_SECONDS / $base_rate")"
  record indexing-ratio abstractaOverBaselinePct="$ratio" target=85
  printf '\nAbstracta / bare Lucene: %.0f%% of the baseline docs/s (target >= 85%%)\n' "$ratio"
  echo "(Abstracta: whole 'abstracta index' process incl. JVM start, reading, gunzip, parsing;"
  echo " baseline: IndexWriter addDocument + commit only, one thread, documents prepared up front)"
fi
