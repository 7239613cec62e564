#!/usr/bin/env bash
# Start-up benchmark: from launching 'abstracta serve' (heap 1g) to /health answering and to the
# first answered /api/search.
#   src/bench/startup.sh [--index DIR] [--heap 1g] [--repeat N]
. "$(dirname "$0")/lib.sh"
INDEX="$WORK/idx-2000000"; [ -d "$INDEX" ] || INDEX="$INDEX_112K"; SERVE_HEAP=1g; REPEAT=3
while [ $# -gt 0 ]; do
  case "$1" in
    --index) INDEX="$2"; shift 2 ;;
    --heap) SERVE_HEAP="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \?//'; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done
build; need jq
[ -d "$INDEX" ] || die "no index at $INDEX (run index.sh or growth.sh first, or pass --index)"
ensure_queries "$INDEX"
q="$(grep -v '^#' "$QUERIES" | awk -F'\t' '$1 == "two" { print $3; exit }')"
for i in $(seq "$REPEAT"); do
  sync
  start_serve "$INDEX" "$SERVE_HEAP"
  health_ms="$(wait_ok "$SERVE_URL/health")"
  first_ms="$(wait_ok "$SERVE_URL/api/search?q=$(jq -rn --arg q "$q" '$q|@uri')")"
  docs="$(curl -sf "$SERVE_URL/api/stats" | jq -r '.documents // empty')"
  stop_serve
  record startup docs="$docs" index="$INDEX" healthMs="$health_ms" firstQueryMs="$first_ms" heap="$SERVE_HEAP"
done
echo
echo "Start-up of 'abstracta serve' on $INDEX (page cache warm after the first; query '$q'):"
table startup docs healthMs firstQueryMs heap load1
