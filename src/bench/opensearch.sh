#!/usr/bin/env bash
# Peer: OpenSearch 3.6 (the integ-test-zip distribution from Maven Central: no security plugin,
# no bundled JDK), single node on 127.0.0.1, heap 1g. Bulk-loads the same corpus with the mapping
# --mapping names (timed: bulk requests + refresh) between two whole 'abstracta index' runs of the
# same papers (its rate ratio is to their mean: this machine's speed drifts from minute to minute),
# then runs the same query mix with wrk at 1, 8 and 32 connections, and prints each figure with its
# ratio to Abstracta's (queries: the latest http.sh rows in results.jsonl).
#   src/bench/opensearch.sh [--docs N] [--duration 30s] [--conns "1 8 32"] [--heap 1g]
#                           [--mapping english|exact]
# --mapping exact gives title and abstract what Abstracta indexes: stems (with ASCII folding, as
# Abstracta's) and an unstemmed "exact" subfield that quoted phrases search; default: english only.
. "$(dirname "$0")/lib.sh"
DOCS="$CORPUS_DOCS"; DURATION=30s; CONNS="1 8 32"; OS_HEAP=1g; MAPPING=english
while [ $# -gt 0 ]; do
  case "$1" in
    --docs) DOCS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --heap) OS_HEAP="$2"; shift 2 ;;
    --mapping) MAPPING="$2"; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
case "$MAPPING" in english|exact) ;; *) die "--mapping is english or exact, not $MAPPING" ;; esac
VERSION=3.6.0
REPO="https://repo1.maven.org/maven2/org/opensearch/distribution/integ-test-zip/opensearch"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/abstracta-bench"
ZIP="$CACHE/opensearch-$VERSION.zip"
build; need jq; need wrk; need unzip
ensure_index "$INDEX_112K"
ensure_queries "$INDEX_112K"

if [ ! -f "$ZIP" ]; then
  mkdir -p "$CACHE"
  curl -sf "$REPO/maven-metadata.xml" | grep -q "<version>$VERSION</version>" ||
    die "OpenSearch $VERSION integ-test-zip is not listed in $REPO/maven-metadata.xml"
  log "downloading $REPO/$VERSION/opensearch-$VERSION.zip (160 MB) to $CACHE"
  curl -fL -o "$ZIP.part" "$REPO/$VERSION/opensearch-$VERSION.zip" || die "download failed"
  [ "$(curl -sf "$REPO/$VERSION/opensearch-$VERSION.zip.sha1")" = "$(sha1sum <"$ZIP.part" | cut -d' ' -f1)" ] ||
    die "checksum mismatch for the OpenSearch zip"
  mv "$ZIP.part" "$ZIP"
fi

HOME_OS="$WORK/opensearch-$VERSION"
rm -rf "$HOME_OS"; unzip -q "$ZIP" -d "$WORK"
PORT="$(free_port)"; URL="http://127.0.0.1:$PORT"
cat >>"$HOME_OS/config/opensearch.yml" <<YML
cluster.name: abstracta-bench
network.host: 127.0.0.1
http.port: $PORT
transport.port: $(free_port)
discovery.type: single-node
path.data: $HOME_OS/data
path.logs: $HOME_OS/logs
YML
# OpenSearch refuses to run as root: then it runs as nobody, in a directory nobody owns.
as_user=()
if [ "$(id -u)" = 0 ]; then chown -R nobody "$HOME_OS"; as_user=(runuser -u nobody --); fi
log "starting OpenSearch $VERSION at $URL (heap $OS_HEAP, JDK $JAVA_HOME)"
"${as_user[@]}" env OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_JAVA_OPTS="-Xms$OS_HEAP -Xmx$OS_HEAP" \
  "$HOME_OS/bin/opensearch" >"$WORK/opensearch.log" 2>&1 &
OS_PID=$!
# The JVM itself (bin/opensearch runs it as a child, under runuser when started as root).
os_jvm() { pgrep -f "org.opensearch.bootstrap.OpenSearch" | head -1 || true; }
# Resumes a paused OpenSearch: the JVM, and runuser, which stops itself when its child stops.
os_resume() { kill -CONT $(os_jvm) "$OS_PID" 2>/dev/null || true; }
trap 'os_resume; kill $OS_PID 2>/dev/null; wait $OS_PID 2>/dev/null' EXIT
deadline=$(($(date +%s) + 300))
until curl -sf "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null; do
  kill -0 $OS_PID 2>/dev/null || { tail -30 "$WORK/opensearch.log" >&2; die "OpenSearch exited"; }
  [ "$(date +%s)" -lt "$deadline" ] || die "OpenSearch did not start"
  sleep 1
done

if [ "$MAPPING" = exact ]; then
  # Abstracta's analysis (Analyzers.text): possessives, lower case, ASCII folding; stems without
  # stop words for ranked queries, every word unstemmed for phrases.
  ANALYSIS='"analysis": {"analyzer": {
      "stems": {"type": "custom", "tokenizer": "standard",
        "filter": ["english_possessive", "lowercase", "asciifolding", "english_stop", "porter_stem"]},
      "exact": {"type": "custom", "tokenizer": "standard",
        "filter": ["english_possessive", "lowercase", "asciifolding"]}},
    "filter": {"english_possessive": {"type": "stemmer", "language": "possessive_english"},
      "english_stop": {"type": "stop", "stopwords": "_english_"}}},'
  TEXT='{"type": "text", "analyzer": "stems", "fields": {"exact": {"type": "text", "analyzer": "exact"}}}'
else
  ANALYSIS=''
  TEXT='{"type": "text", "analyzer": "english"}'
fi
curl -sf -X PUT "$URL/papers" -H 'Content-Type: application/json' -d '{
  "settings": {'"$ANALYSIS"' "number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"},
  "mappings": {"properties": {
    "id": {"type": "keyword"},
    "title": '"$TEXT"',
    "abstract": '"$TEXT"',
    "authors": {"type": "text", "fields": {"raw": {"type": "keyword"}}},
    "categories": {"type": "keyword"},
    "archives": {"type": "keyword"},
    "year": {"type": "integer"}}}}' >/dev/null || die "cannot create the index"

INPUT="$(corpus_of "$DOCS")"
log "preparing bulk files from $INPUT (untimed)"
rm -rf "$WORK/os-bulk"
python3 "$ROOT/src/bench/peers.py" os-bulk "$INPUT" "$WORK/os-bulk" >/dev/null
# Abstracta's whole load of the same papers right before and right after OpenSearch's. OpenSearch
# is paused meanwhile (SIGSTOP): its start-up JIT and its merges after a load would otherwise take
# CPU from the run measured beside it.
abstracta_rates=(); abstracta_cpu=(); abstracta_cores=()
abstracta_load() { # abstracta_load before|after
  local jvm; jvm="$(os_jvm)"
  [ -n "$jvm" ] || die "OpenSearch's JVM is not running"
  log "abstracta index $INPUT, $1 OpenSearch's load, OpenSearch paused (load $(loadavg))"
  kill -STOP "$jvm"
  index_run "$INPUT" "$WORK/idx-beside-opensearch"
  os_resume
  record_indexing "$INPUT" beside="opensearch-$1"
  abstracta_rates+=("$(calc "$IDX_DOCS / $IDX_SECONDS")")
  abstracta_cpu+=("$IDX_CPU_SECONDS")
  abstracta_cores+=("$(calc "$IDX_CPU_SECONDS / $IDX_SECONDS")")
  rm -rf "$WORK/idx-beside-opensearch"
}
abstracta_load before
log "bulk loading (1 client, 5,000 documents a request; load $(loadavg))"
os_cpu0="$(cpu_seconds "$(os_jvm)")"
t0=$(date +%s%N)
for f in "$WORK"/os-bulk/bulk-*.ndjson; do
  curl -sf -H 'Content-Type: application/x-ndjson' --data-binary "@$f" "$URL/_bulk" |
    jq -e '.errors == false' >/dev/null || die "bulk request $f failed or had errors"
done
curl -sf -X POST "$URL/papers/_refresh" >/dev/null
secs="$(calc "($(date +%s%N) - $t0) / 1e9")"
# Its JVM's CPU over the load (every thread: the write thread, flushes, merges, JIT, GC).
os_cpu="$(calc "$(cpu_seconds "$(os_jvm)") - $os_cpu0")"
count="$(curl -sf "$URL/papers/_count" | jq .count)"
size_mb="$(curl -sf "$URL/papers/_stats/store" | jq '._all.primaries.store.size_in_bytes / 1e6')"
rm -rf "$WORK/os-bulk"
abstracta_load after
abstracta_rate="$(calc "(${abstracta_rates[0]} + ${abstracta_rates[1]}) / 2")"
record peer-opensearch what=load mapping="$MAPPING" docs="$count" seconds="$secs" docsPerSec="$(calc "$count / $secs")" \
  indexMB="$size_mb" rateRatio="$(calc "$count / $secs / $abstracta_rate")" \
  abstractaBefore="${abstracta_rates[0]}" abstractaAfter="${abstracta_rates[1]}" cpuSeconds="$os_cpu" \
  abstractaCpuBefore="${abstracta_cpu[0]}" abstractaCpuAfter="${abstracta_cpu[1]}"

python3 "$ROOT/src/bench/peers.py" os-requests "$QUERIES" mix '.*' --mapping "$MAPPING" >"$WORK/os-mix.txt"
python3 "$ROOT/src/bench/peers.py" os-requests "$QUERIES" all 'two|three' --mapping "$MAPPING" >"$WORK/os-headline.txt"
python3 "$ROOT/src/bench/peers.py" os-requests "$QUERIES" none 'two|three' --mapping "$MAPPING" >"$WORK/os-headline-none.txt"
OS_JVM="$(os_jvm)"
log "warm-up: 10s at 8 connections, then until steady (as http.sh does for Abstracta; JVM $OS_JVM)"
wrk_json "$URL" "$WORK/os-mix.txt" 8 10s >/dev/null
warm_until_steady "$URL" "$WORK/os-mix.txt" "$OS_JVM"
run_wrk() { # run_wrk WORKLOAD FILE CONNS
  local j a
  j="$(wrk_json "$URL" "$2" "$3" "$DURATION")"
  a="$(jq -cs --arg w "$1" --argjson c "$3" --argjson d "$count" '[.[] | select(.bench == "http" and .engine == "abstracta" and .workload == $w and .conns == $c and .docs == $d)] | last // {}' "$RESULTS")"
  record peer-opensearch what=http mapping="$MAPPING" docs="$count" workload="$1" conns="$3" \
    $(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$j") \
    rpsRatio="$(jq -rn --argjson p "$j" --argjson a "$a" 'if $a.rps then $p.rps / $a.rps else null end')" \
    p50Ratio="$(jq -rn --argjson p "$j" --argjson a "$a" 'if $a.p50ms then $p.p50ms / $a.p50ms else null end')" \
    p99Ratio="$(jq -rn --argjson p "$j" --argjson a "$a" 'if $a.p99ms then $p.p99ms / $a.p99ms else null end')"
}
for c in $CONNS; do
  log "wrk mix, $c connection(s), $DURATION (load $(loadavg))"
  run_wrk mix "$WORK/os-mix.txt" "$c"
done
for variant in none all; do # as http.sh: the headline without aggregations, then with all
  file="$WORK/os-headline.txt"; workload=2-3-words-all-facets
  [ "$variant" = none ] && { file="$WORK/os-headline-none.txt"; workload=2-3-words-no-facets; }
  log "headline warm-up until steady ($workload)"
  warm_until_steady "$URL" "$file" "$OS_JVM"
  log "wrk headline ($workload), 1 connection, $DURATION"
  run_wrk "$workload" "$file" 1
done
kill $OS_PID 2>/dev/null; wait $OS_PID 2>/dev/null || true; trap - EXIT
rm -rf "$HOME_OS"

echo
echo "OpenSearch $VERSION ($count documents, heap $OS_HEAP, $MAPPING mapping). Ratios are OpenSearch / Abstracta"
echo "(rate and rps: < 1 means Abstracta is faster; p50/p99: > 1 means Abstracta is faster):"
table peer-opensearch what mapping workload conns docs seconds docsPerSec rateRatio indexMB requests rps p50ms p99ms non2xx socketErrors rpsRatio p50Ratio p99Ratio load1
printf '\nIndexing: OpenSearch %.0f documents/s; Abstracta %.0f/s before and %.0f/s after its load:\n' \
  "$(calc "$count / $secs")" "${abstracta_rates[0]}" "${abstracta_rates[1]}"
printf 'Abstracta / OpenSearch %.2fx (%.2fx, %.2fx; target >= 1)\n' "$(calc "$abstracta_rate * $secs / $count")" \
  "$(calc "${abstracta_rates[0]} * $secs / $count")" "$(calc "${abstracta_rates[1]} * $secs / $count")"
printf 'CPU seconds (all threads): OpenSearch %.1f (%.2f cores busy); Abstracta %.1f and %.1f (%.2f and %.2f cores)\n' \
  "$os_cpu" "$(calc "$os_cpu / $secs")" "${abstracta_cpu[0]}" "${abstracta_cpu[1]}" \
  "${abstracta_cores[0]}" "${abstracta_cores[1]}"
