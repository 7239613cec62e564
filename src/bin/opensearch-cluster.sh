#!/usr/bin/env bash
# A local OpenSearch cluster for trying Abstracta's OpenSearch backend and for its tests: N nodes
# on 127.0.0.1, each with its own config, data and log directory, from the integ-test-zip
# distribution on Maven Central (the only download: checked against its SHA-512, cached).
#
#   src/bin/opensearch-cluster.sh start  [--nodes N] [--port P] [--heap SIZE] [--fresh]
#                                        [--stop-with-parent] [--urls-file F] [--name NAME | --dir DIR]
#   src/bin/opensearch-cluster.sh stop   [--clean] [--name NAME | --dir DIR]
#   src/bin/opensearch-cluster.sh status [--name NAME | --dir DIR]
#   src/bin/opensearch-cluster.sh kill NODE [--name NAME | --dir DIR]  # SIGKILL one node (failover tests)
#   src/bin/opensearch-cluster.sh urls   [--name NAME | --dir DIR]     # the nodes' URLs, comma-separated
#
# start: N nodes (default 2), HTTP on ports P, P+1, ... (default 9200; 0 picks free ports),
# transport on the ports 100 above; heap SIZE per node (default 512m). It waits until every node
# has joined and prints the URLs for --opensearch. Starting a started cluster starts only the
# nodes that are not running (a node killed by 'kill' rejoins). --fresh stops the cluster in DIR
# and deletes its data first; --stop-with-parent stops it when the calling process (a build) ends.
# --urls-file F also writes the URLs to F. --name NAME keeps a second cluster apart from the default
# one (the build's tests use --name it).
# stop: stops each node this script started, by the PID it recorded (SIGTERM, then SIGKILL after
# 30 s); --clean also deletes DIR. DIR defaults to /tmp/abstracta-opensearch-<hash of this
# checkout's path>, one cluster per checkout. OpenSearch refuses to run as root: run as root,
# the nodes run as the user nobody, and DIR must be a directory nobody can reach.
# Needs a JDK 21+ (found like ./abstracta finds one), curl, unzip.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
VERSION=3.6.0
SHA512=b82066a97902879c47e26608848d068c09e74d2128edee2802e622867abd451d34a366acc6519d0b40fc97acc89d61c5bb330ab8b2086cf6ffa0f9fe4b9acaa4
URL_ZIP="https://repo1.maven.org/maven2/org/opensearch/distribution/integ-test-zip/opensearch/$VERSION/opensearch-$VERSION.zip"
CACHE="${ABSTRACTA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/abstracta}"
ZIP="$CACHE/opensearch-$VERSION.zip"

die() { echo "opensearch-cluster: $*" >&2; exit 1; }
say() { echo "opensearch-cluster: $*" >&2; }

[ $# -ge 1 ] || die "usage: $0 start|stop|status|kill|urls [options] (--help)"
CMD="$1"; shift
NODES=2; PORT=9200; HEAP=512m; FRESH=0; CLEAN=0; KILL_NODE=""; WATCH_PARENT=0; URLS_FILE=""
DIR=""; NAME=""
case "$CMD" in
  -h|--help|help) sed -n '2,24p' "$0" | sed 's/^# \?//'; exit 0 ;;
  kill) [ $# -ge 1 ] || die "kill needs a node number"; KILL_NODE="$1"; shift ;;
  start|stop|status|urls) ;;
  *) die "unknown command '$CMD' (start, stop, status, kill, urls)" ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --urls-file) URLS_FILE="$2"; shift 2 ;;
    --fresh) FRESH=1; shift ;;
    --clean) CLEAN=1; shift ;;
    --stop-with-parent) WATCH_PARENT=1; shift ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "$NODES" =~ ^[1-9][0-9]?$ ]] || die "--nodes takes 1 to 99, not '$NODES'"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "--port takes a number, not '$PORT'"
[[ "$HEAP" =~ ^[0-9]+[mg]$ ]] || die "--heap takes a size like 512m or 1g, not '$HEAP'"
[[ "$NAME" =~ ^[a-z0-9-]*$ ]] || die "--name takes lower-case letters, digits and '-', not '$NAME'"
[ -n "$DIR" ] || DIR="/tmp/abstracta-opensearch-$(printf '%s' "$ROOT" | sha256sum | cut -c1-8)${NAME:+-$NAME}"
DIR="$(mkdir -p "$DIR" && cd "$DIR" && pwd)"
HOME_OS="$DIR/opensearch-$VERSION"
STATE="$DIR/cluster.env" # NODES, HTTP_PORTS, TRANSPORT_PORTS of the cluster in DIR

as_user=()
if [ "$(id -u)" = 0 ]; then as_user=(runuser -u nobody --); fi

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The PID of node $1 when it is running and is the OpenSearch this script started there.
node_pid() {
  local f="$DIR/node-$1/pid" pid
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "org.opensearch.bootstrap.OpenSearch" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR/node-$1/config" || return 1
  echo "$pid"
}

load_state() {
  [ -f "$STATE" ] || return 1
  # shellcheck disable=SC1090
  . "$STATE"
}

urls() {
  local out="" p
  for p in $HTTP_PORTS; do out="$out${out:+,}http://127.0.0.1:$p"; done
  echo "$out"
}

fetch_zip() {
  [ -f "$ZIP" ] && return 0
  command -v curl >/dev/null || die "curl is needed to download OpenSearch"
  mkdir -p "$CACHE"
  say "downloading OpenSearch $VERSION (integ-test-zip, 160 MB) from Maven Central to $CACHE"
  curl -fsSL --retry 3 -o "$ZIP.part" "$URL_ZIP" || { rm -f "$ZIP.part"; die "download of $URL_ZIP failed"; }
  echo "$SHA512  $ZIP.part" | sha512sum -c --quiet - >/dev/null 2>&1 ||
    { rm -f "$ZIP.part"; die "checksum mismatch: $URL_ZIP is not the OpenSearch $VERSION this script pins"; }
  mv "$ZIP.part" "$ZIP"
}

# Picks free ports for HTTP and transport, or checks the given ones.
choose_ports() {
  local base="$PORT" i tries=0 ok
  while :; do
    if [ "$PORT" = 0 ]; then base=$((20000 + RANDOM % 30000)); fi
    HTTP_PORTS=""; TRANSPORT_PORTS=""; ok=1
    for ((i = 0; i < NODES; i++)); do
      HTTP_PORTS="$HTTP_PORTS $((base + i))"; TRANSPORT_PORTS="$TRANSPORT_PORTS $((base + 100 + i))"
      if listening $((base + i)) || listening $((base + 100 + i)); then ok=0; fi
    done
    [ "$ok" = 1 ] && break
    [ "$PORT" = 0 ] || die "port $base..$((base + NODES - 1)) or $((base + 100))..$((base + 99 + NODES)) is in use; pick others with --port"
    tries=$((tries + 1)); [ "$tries" -lt 50 ] || die "found no free ports"
  done
  HTTP_PORTS="${HTTP_PORTS# }"; TRANSPORT_PORTS="${TRANSPORT_PORTS# }"
}

configure_node() { # configure_node I HTTP_PORT TRANSPORT_PORT
  local node="$DIR/node-$1" seeds="" p names="" n
  for p in $TRANSPORT_PORTS; do seeds="$seeds${seeds:+, }\"127.0.0.1:$p\""; done
  for ((n = 1; n <= NODES; n++)); do names="$names${names:+, }\"node-$n\""; done
  mkdir -p "$node/data" "$node/logs" "$node/tmp"
  rm -rf "$node/config"; cp -r "$HOME_OS/config" "$node/config"
  # Each node's own heap-dump and crash-log paths; no GC log files (a test cluster needs none).
  grep -v -e 'Xlog:gc' -e 'Xloggc' -e 'HeapDumpPath' -e 'ErrorFile' -e '^-Xm[sx]' \
    "$HOME_OS/config/jvm.options" >"$node/config/jvm.options"
  printf '%s\n' "-XX:HeapDumpPath=$node/logs" "-XX:ErrorFile=$node/logs/hs_err_pid%p.log" \
    >>"$node/config/jvm.options"
  {
    echo "cluster.name: abstracta-local"
    echo "node.name: node-$1"
    echo "network.host: 127.0.0.1"
    echo "http.port: $2"
    echo "transport.port: $3"
    echo "path.data: $node/data"
    echo "path.logs: $node/logs"
    if [ "$NODES" = 1 ]; then
      echo "discovery.type: single-node"
    else
      echo "discovery.seed_hosts: [$seeds]"
      echo "cluster.initial_cluster_manager_nodes: [$names]"
    fi
    # A shared development disk may be fuller than OpenSearch's watermarks allow; a local cluster
    # should not turn its indexes read-only for that.
    echo "cluster.routing.allocation.disk.threshold_enabled: false"
  } >"$node/config/opensearch.yml"
}

start_node() { # start_node I
  local node="$DIR/node-$1"
  rm -f "$node/pid"
  # OPENSEARCH_TMPDIR: the node's temporary files stay in its directory (else a directory in /tmp
  # per start, left behind).
  "${as_user[@]}" env OPENSEARCH_JAVA_HOME="$JAVA_HOME" OPENSEARCH_PATH_CONF="$node/config" OPENSEARCH_TMPDIR="$node/tmp" \
    OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" "$HOME_OS/bin/opensearch" -d -p "$node/pid" \
    >"$node/logs/console.log" 2>&1 || { tail -20 "$node/logs/console.log" >&2; die "node-$1 did not start"; }
}

health() { curl -sf "http://127.0.0.1:$1/_cluster/health?$2" 2>/dev/null; }

wait_for_cluster() {
  local first="${HTTP_PORTS%% *}" deadline=$(($(date +%s) + 240)) i
  until health "$first" "wait_for_nodes=$NODES&wait_for_status=yellow&timeout=1s" | grep -q '"timed_out":false'; do
    for ((i = 1; i <= NODES; i++)); do
      node_pid "$i" >/dev/null || [ ! -f "$DIR/node-$i/pid" ] ||
        { tail -30 "$DIR/node-$i/logs/abstracta-local.log" >&2 2>/dev/null; die "node-$i exited (logs: $DIR/node-$i/logs)"; }
    done
    [ "$(date +%s)" -lt "$deadline" ] || die "the cluster did not form within 4 minutes (logs: $DIR/node-*/logs)"
    sleep 1
  done
}

cmd_start() {
  . "$HERE/find-java.sh"
  find_java_home || exit 1
  command -v unzip >/dev/null || die "unzip is needed (apt-get install unzip)"
  local i started=0 http transport
  if [ "$FRESH" = 1 ]; then
    if load_state; then cmd_stop; fi
    rm -rf "$DIR"/node-* "$STATE"
  fi
  if ! load_state; then
    choose_ports
    printf 'NODES=%s\nHTTP_PORTS="%s"\nTRANSPORT_PORTS="%s"\n' "$NODES" "$HTTP_PORTS" "$TRANSPORT_PORTS" >"$STATE"
  fi
  fetch_zip
  if [ ! -x "$HOME_OS/bin/opensearch" ]; then
    rm -rf "$HOME_OS"; unzip -q "$ZIP" -d "$DIR" || die "cannot unpack $ZIP"
  fi
  for ((i = 1; i <= NODES; i++)); do
    node_pid "$i" >/dev/null && continue
    http="$(echo "$HTTP_PORTS" | cut -d' ' -f"$i")"; transport="$(echo "$TRANSPORT_PORTS" | cut -d' ' -f"$i")"
    ! listening "$http" || die "port $http of node-$i is taken by another process"
    configure_node "$i" "$http" "$transport"
    started=$((started + 1))
  done
  if [ "${#as_user[@]}" -gt 0 ]; then
    chown -R nobody "$DIR"
    runuser -u nobody -- test -w "$DIR" ||
      die "the user nobody cannot write $DIR (a parent directory is closed to it); choose --dir under /tmp"
  fi
  for ((i = 1; i <= NODES; i++)); do
    node_pid "$i" >/dev/null && continue
    say "starting node-$i (heap $HEAP, JDK $JAVA_HOME${as_user:+, as nobody})"
    start_node "$i"
  done
  wait_for_cluster
  if [ "$WATCH_PARENT" = 1 ]; then
    # Stops the cluster when the process that started this script ends (a build that fails or is
    # interrupted before its own stop step).
    local parent="$PPID"
    setsid bash -c "while kill -0 $parent 2>/dev/null; do sleep 3; done; \"$0\" stop --dir \"$DIR\" --clean" \
      </dev/null >/dev/null 2>&1 &
  fi
  say "$NODES node(s) up ($started started) in $DIR"
  urls | tee "$DIR/urls"
  [ -z "$URLS_FILE" ] || urls >"$URLS_FILE"
}

cmd_stop() {
  load_state || { say "no cluster in $DIR"; [ "$CLEAN" = 0 ] || rm -rf "$DIR"; return 0; }
  local i pid pids=() waited=0
  for ((i = 1; i <= NODES; i++)); do
    if pid="$(node_pid "$i")"; then kill -TERM "$pid"; pids+=("$pid"); fi
  done
  while [ "${#pids[@]}" -gt 0 ]; do
    local alive=()
    for pid in "${pids[@]}"; do [ -d "/proc/$pid" ] && alive+=("$pid"); done
    pids=("${alive[@]+"${alive[@]}"}")
    [ "${#pids[@]}" -gt 0 ] || break
    if [ "$waited" -ge 30 ]; then kill -KILL "${pids[@]}" 2>/dev/null || true; sleep 1; break; fi
    sleep 1; waited=$((waited + 1))
  done
  for ((i = 1; i <= NODES; i++)); do rm -f "$DIR/node-$i/pid"; done
  say "stopped the cluster in $DIR"
  [ "$CLEAN" = 0 ] || { rm -rf "$DIR"; say "deleted $DIR"; }
}

cmd_status() {
  load_state || { say "no cluster in $DIR"; return 1; }
  local i pid first="" p
  for ((i = 1; i <= NODES; i++)); do
    p="$(echo "$HTTP_PORTS" | cut -d' ' -f"$i")"
    if pid="$(node_pid "$i")"; then echo "node-$i  pid $pid  http://127.0.0.1:$p"; first="${first:-$p}"
    else echo "node-$i  not running  http://127.0.0.1:$p"; fi
  done
  [ -n "$first" ] || return 1
  health "$first" "" || true; echo
}

cmd_kill() {
  load_state || die "no cluster in $DIR"
  local pid
  pid="$(node_pid "$KILL_NODE")" || die "node-$KILL_NODE is not running"
  kill -KILL "$pid"
  say "killed node-$KILL_NODE (pid $pid) with SIGKILL; 'start' restarts it"
}

case "$CMD" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill) cmd_kill ;;
  urls) load_state || die "no cluster in $DIR"; urls ;;
esac
