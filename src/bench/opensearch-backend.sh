#!/usr/bin/env bash
# The OpenSearch backend at scale, on a local 2-node cluster (src/bin/opensearch-cluster.sh, heap
# --heap per node, 2 shards, 1 replica):
#  0. the sample corpus indexed and served: the issue's four acceptance queries;
#  1. 'abstracta index' of the 112,788 arXiv papers into it (papers/s);
#  2. the http.sh query mix through 'serve --opensearch' and through 'serve --index' (the embedded
#     112k index) at 1, 8 and 32 connections, in the same run (ratios OpenSearch / embedded);
#  3. failover: requests in a loop while node 2 is killed with SIGKILL, then restarted: failed
#     requests, the window they fell in, and how long the node took to rejoin;
#  4. re-indexing the same input (new/updated counts, document count, export checksum), then the
#     sample corpus merged in, compared with an embedded index of the same inputs.
#   src/bench/opensearch-backend.sh [--duration 30s] [--conns "1 8 32"] [--heap 512m]
. "$(dirname "$0")/lib.sh"
DURATION=30s; CONNS="1 8 32"; OS_HEAP=512m
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --conns) CONNS="$2"; shift 2 ;;
    --heap) OS_HEAP="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq; need wrk
CLUSTER=(bash "$ROOT/src/bin/opensearch-cluster.sh")
log "starting a 2-node cluster (heap $OS_HEAP per node; load $(loadavg))"
URLS="$("${CLUSTER[@]}" start --nodes 2 --port 0 --name bench --fresh --heap "$OS_HEAP" --stop-with-parent)"
trap 'stop_serve; "${CLUSTER[@]}" stop --name bench --clean >/dev/null 2>&1 || true' EXIT
OS=(--opensearch "$URLS" --opensearch-index arxiv)
os_index() { # os_index LOG INPUT... : abstracta index into the cluster; sets OS_SECONDS
  local out="$1" t0; shift
  t0=$(date +%s%N)
  abstracta index "$@" "${OS[@]}" --shards 2 --replicas 1 --no-progress >"$out" 2>&1 ||
    { cat "$out" >&2; die "abstracta index --opensearch failed"; }
  OS_SECONDS="$(calc "($(date +%s%N) - $t0) / 1e9")"
}
summary() { awk -v k="$2" '$1 == k { gsub(",", "", $2); print $2 }' "$1"; }
serve_on() { # serve_on ARGS...: like start_serve, with any store
  local port; port="$(free_port)"
  SERVE_URL="http://127.0.0.1:$port"; SERVE_T0="$(date +%s%N)"
  "$JAVA" "${JVM_FLAGS[@]}" -Xmx1g -jar "$APP_JAR" serve "$@" --port "$port" >"$WORK/serve.log" 2>&1 &
  SERVE_PID=$!
  wait_ok "$SERVE_URL/health" >/dev/null
}
api() { curl -sf "$SERVE_URL/api/search?$1"; }

log "0. the sample corpus into the cluster (alias sample), served: the acceptance queries"
abstracta index "$ROOT/src/corpus" --opensearch "$URLS" --opensearch-index sample --shards 2 \
  --replicas 1 --no-progress >"$WORK/os-sample.log" 2>&1 || { cat "$WORK/os-sample.log" >&2; die "indexing the sample failed"; }
serve_on --opensearch "$URLS" --opensearch-index sample
ro="$(api 'subject=cs.RO&size=0&facets=subject')"
record opensearch-backend what=sample docs="$(summary "$WORK/os-sample.log" documents)" \
  epistemicFirst="$(api 'q=%22epistemic+injustice%22&facets=none' | jq -r '.hits[0].title')" \
  jackieKay="$(api 'q=author%3A%22Jackie+Kay%22&size=0&facets=none' | jq .total)" \
  csRO="$(jq .total <<<"$ro")" \
  csROfacetLG="$(jq '[.facets.subject[] | .children[]? | select(.value == "cs.LG") | .count][0]' <<<"$ro")" \
  years2019to2020="$(api 'year=2019..2020&size=0&facets=none' | jq .total)"
stop_serve

log "1. indexing $CORPUS into the cluster (load $(loadavg))"
os_index "$WORK/os-index.log" "$CORPUS"
docs="$(summary "$WORK/os-index.log" documents)"
record opensearch-backend what=index docs="$docs" seconds="$OS_SECONDS" docsPerSec="$(calc "$docs / $OS_SECONDS")"

ensure_index "$INDEX_112K"
ensure_queries "$INDEX_112K"
abstracta_requests "$QUERIES" mix '.*' >"$WORK/os-backend-mix.txt"
declare -A RPS P50
for engine in embedded opensearch; do
  if [ "$engine" = embedded ]; then serve_on --index "$INDEX_112K"; else serve_on "${OS[@]}"; fi
  log "2. $engine: warm-up, then the mix at $CONNS connection(s), $DURATION each"
  wrk_json "$SERVE_URL" "$WORK/os-backend-mix.txt" 8 10s >/dev/null
  warm_until_steady "$SERVE_URL" "$WORK/os-backend-mix.txt" "$SERVE_PID"
  for c in $CONNS; do
    j="$(wrk_json "$SERVE_URL" "$WORK/os-backend-mix.txt" "$c" "$DURATION")"
    RPS[$engine$c]="$(jq -r .rps <<<"$j")"; P50[$engine$c]="$(jq -r .p50ms <<<"$j")"
    record opensearch-backend what=http engine="$engine" docs="$docs" conns="$c" \
      $(jq -r 'to_entries[] | "\(.key)=\(.value)"' <<<"$j")
  done
  [ "$engine" = opensearch ] || stop_serve
done
for c in $CONNS; do
  record opensearch-backend what=ratio conns="$c" rpsRatio="$(calc "${RPS[opensearch$c]} / ${RPS[embedded$c]}")" \
    p50Ratio="$(calc "${P50[opensearch$c]} / ${P50[embedded$c]}")"
done

log "3. failover: a request loop; node 2 killed at 10 s, restarted at 30 s; 60 s in all"
python3 - "$SERVE_URL" "$WORK/os-backend-mix.txt" "$WORK/failover.tsv" 60 <<'PY' &
import sys, time, urllib.request, urllib.error
base, requests, out, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
paths = [l.split(" ", 1)[1].strip() for l in open(requests) if l.startswith("GET ")]
t0 = time.time(); i = 0
with open(out, "w") as f:
    while time.time() - t0 < seconds:
        p = paths[i % len(paths)]; i += 1; t = time.time()
        try:
            status = urllib.request.urlopen(base + p, timeout=30).status
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception:
            status = 0
        f.write("%.3f\t%d\t%.1f\n" % (t - t0, status, (time.time() - t) * 1000))
PY
LOOP=$!
sleep 10; KILL_T=$(date +%s.%N)
"${CLUSTER[@]}" kill 2 --name bench
sleep 20; log "restarting node 2"
restart0=$(date +%s%N)
"${CLUSTER[@]}" start --name bench >/dev/null
until curl -sf "${URLS%%,*}/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=1s" | jq -e '.status == "green"' >/dev/null; do sleep 1; done
rejoin="$(calc "($(date +%s%N) - $restart0) / 1e9")"
wait "$LOOP"
read -r total failed first last < <(awk -F'\t' -v k=10 '{ n++ } $2 != 200 { f++; if (!a) a = $1; b = $1 } END { printf "%d %d %s %s\n", n, f, (a ? a : "-"), (b ? b : "-") }' "$WORK/failover.tsv")
record opensearch-backend what=failover requests="$total" failed="$failed" firstFailS="$first" lastFailS="$last" \
  killAtS=10 rejoinSeconds="$rejoin"
stop_serve

log "4. re-indexing the same input, then the sample corpus merged in"
abstracta export "${OS[@]}" | md5sum | cut -d' ' -f1 >"$WORK/os-export-1.md5"
os_index "$WORK/os-reindex.log" "$CORPUS"
abstracta export "${OS[@]}" | md5sum | cut -d' ' -f1 >"$WORK/os-export-2.md5"
record opensearch-backend what=reindex seconds="$OS_SECONDS" new="$(summary "$WORK/os-reindex.log" new)" \
  updated="$(summary "$WORK/os-reindex.log" updated)" unchanged="$(summary "$WORK/os-reindex.log" unchanged)" \
  docs="$(summary "$WORK/os-reindex.log" documents)" sameExport="$(cmp -s "$WORK/os-export-1.md5" "$WORK/os-export-2.md5" && echo 1 || echo 0)"
os_index "$WORK/os-merge.log" "$ROOT/src/corpus"
rm -rf "$WORK/emb-merge"
abstracta index "$CORPUS" --index "$WORK/emb-merge" --no-vectors --no-progress >/dev/null
abstracta index "$ROOT/src/corpus" --index "$WORK/emb-merge" --no-vectors --no-progress >"$WORK/emb-merge.log"
record opensearch-backend what=merge seconds="$OS_SECONDS" docs="$(summary "$WORK/os-merge.log" documents)" \
  embeddedDocs="$(summary "$WORK/emb-merge.log" documents)" \
  sameExport="$([ "$(abstracta export "${OS[@]}" | md5sum)" = "$(abstracta export --index "$WORK/emb-merge" | md5sum)" ] && echo 1 || echo 0)"
rm -rf "$WORK/emb-merge"

echo
echo "OpenSearch backend, 2 nodes (heap $OS_HEAP each), 2 shards, 1 replica; $docs papers:"
table opensearch-backend what engine conns docs seconds docsPerSec requests rps p50ms p99ms non2xx socketErrors rpsRatio p50Ratio load1
table opensearch-backend what docs epistemicFirst jackieKay csRO csROfacetLG years2019to2020
table opensearch-backend what requests failed firstFailS lastFailS killAtS rejoinSeconds new updated unchanged docs embeddedDocs sameExport
