#!/usr/bin/env bash
# Use the built bundle as a desk editor would, with no Python on PATH, offscreen, and with
# networking blocked: import an article, search it, link a claim to a quote, ask for claim
# suggestions and other reports, export the fact sheet as PDF and read it back, open the desk
# window and close it.
#
#   packaging/smoke.sh [BUNDLE]        # default: dist/factdesk (made by packaging/build.sh)
#
# Networking: every run happens in a new network namespace (`unshare -n`, which has no
# interfaces but a downed loopback), and under strace when it is installed, which records every
# socket the program opens; any internet socket (AF_INET, AF_INET6, AF_PACKET) fails the smoke
# run even though it could not have reached anything. Exits non-zero on the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUNDLE=$(cd "${1:-$ROOT/dist/factdesk}" 2>/dev/null && pwd) \
  || { echo "packaging/smoke.sh: no bundle at ${1:-$ROOT/dist/factdesk}; run packaging/build.sh" >&2; exit 1; }
PROGRAM=$BUNDLE/factdesk
WORK=$(mktemp -d "${TMPDIR:-/tmp}/factdesk-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/empty-path" "$WORK/logs"

fail() { echo "packaging/smoke.sh: FAILED: $*" >&2; exit 1; }
ok() { echo "  ok   $*" >&2; }

# --- the walls: no Python, no network ------------------------------------------------------
BARE_ENV=(env -i "HOME=$WORK/home" "PATH=$WORK/empty-path" "LANG=C.UTF-8" "TMPDIR=$WORK"
  "QT_QPA_PLATFORM=offscreen" "FACTDESK_LOG_DIR=$WORK/logs" "FACTDESK_BACKUP_MINUTES=0")
"${BARE_ENV[@]}" /bin/sh -c 'command -v python3 || command -v python' >/dev/null \
  && fail "a Python is reachable on the bare PATH"
unshare -n true 2>/dev/null || fail "cannot block networking here: 'unshare -n' needs root or user namespaces"
TRACE=()
if command -v strace >/dev/null 2>&1; then
  TRACE=(strace -f -qq -e trace=socket,connect,sendto,sendmsg -e signal=none -o "$WORK/trace")
else
  echo "packaging/smoke.sh: strace is not installed; networking is blocked but attempts are not recorded" >&2
fi

# run the bundle's program in the walls; stdout to $WORK/out, stderr to $WORK/err
run() {
  : > "$WORK/trace"
  local status=0
  unshare -n -- "${TRACE[@]}" "${BARE_ENV[@]}" "$@" "$PROGRAM" "${ARGS[@]}" \
    > "$WORK/out" 2> "$WORK/err" || status=$?
  if [ -s "$WORK/trace" ] && grep -E 'AF_INET6?|AF_PACKET' "$WORK/trace" > "$WORK/net"; then
    fail "factdesk ${ARGS[*]} tried to use the network: $(head -3 "$WORK/net")"
  fi
  if [ "$status" != 0 ]; then
    fail "factdesk ${ARGS[*]} exited $status: $(tail -3 "$WORK/err")"
  fi
}

cat > "$WORK/article.txt" <<'EOF'
Harbour bridge repairs to cost £41m, council says

By Dana Whitlow, Transport Correspondent

The council leader, Mara Ellison, said the repairs were "the biggest single investment in
the harbour for a generation" and would be finished by March 2027.

Image credit: Kelbridge Council

Traders on the quay told the paper that 18 businesses had already lost trade.

“Work on the first span starts in the spring,” Ms Ellison told the meeting.
EOF
DESK=$WORK/smoke.factdesk

echo "packaging/smoke.sh: $BUNDLE" >&2
ARGS=(--version); run
[ "$(cat "$WORK/out")" = "factdesk $(grep -oP '(?<=^version = ")[^"]+' "$ROOT/pyproject.toml")" ] \
  || fail "--version printed '$(cat "$WORK/out")'"
ok "--version: $(cat "$WORK/out")"

ARGS=(--desk "$DESK" import "$WORK/article.txt" --json); run
grep -q '"title": "Harbour bridge repairs to cost £41m, council says"' "$WORK/out" \
  || fail "import printed no document: $(cat "$WORK/out")"
ok "import: $(grep -o '"words": [0-9]*' "$WORK/out") words"

ARGS=(--desk "$DESK" search "quay businesses"); run
grep -q "\[quay\].*\[businesses\]" "$WORK/out" || fail "search found nothing: $(cat "$WORK/out")"
ok "full-text search (the bundled SQLite's FTS5)"

ARGS=(--desk "$DESK" claim add 1 --quote "the biggest single investment in the harbour for a generation"
  --speaker "Mara Ellison" --date 2026-11-02 --status verified --note "Council budget, table 3" --json)
run
grep -q '"status": "verified"' "$WORK/out" || fail "claim add printed: $(cat "$WORK/out")"
ok "claim linked to its quote (across a line break)"

ARGS=(--desk "$DESK" suggest 1 --json); run
grep -q '"speaker": "Mara Ellison"' "$WORK/out" || fail "suggest found no quotation by Mara Ellison: $(head -c 300 "$WORK/out")"
ok "suggestions: the council leader's quotation, with her name"

cat > "$WORK/report.txt" <<'EOF2'
Harbour works approved

Ms Ellison called it “the biggest single investment in the harbour for a generation”.
EOF2
ARGS=(--desk "$DESK" import "$WORK/report.txt"); run
ARGS=(--desk "$DESK" matches 1 --json); run
grep -q '"doc": 2' "$WORK/out" || fail "matches did not find the second report: $(head -c 300 "$WORK/out")"
ok "corroboration: the same statement found in the second article (rapidfuzz inside the bundle)"

ARGS=(--desk "$DESK" export pdf -o "$WORK/sheet.pdf" --title "Smoke fact sheet"); run
[ "$(head -c 5 "$WORK/sheet.pdf")" = "%PDF-" ] || fail "the export is not a PDF"
# read the PDF back with the bundle's own importer (pypdf inside the bundle)
ARGS=(--desk "$WORK/readback.factdesk" import "$WORK/sheet.pdf"); run
ARGS=(--desk "$WORK/readback.factdesk" show 1); run
for want in "Smoke fact sheet" "Mara Ellison" "Council budget, table 3" "investment in the harbour"; do
  tr -s ' \n' ' ' < "$WORK/out" | grep -qF "$want" || fail "the PDF does not say '$want'"
done
ok "PDF export read back: $(wc -c < "$WORK/sheet.pdf") bytes, title, speaker, quote and note present"

ARGS=(gui "$DESK"); run FACTDESK_REPORT_READY=1
grep -q '^shown ' "$WORK/out" && grep -q '^loaded ' "$WORK/out" \
  || fail "the window did not report shown and loaded: $(cat "$WORK/out") $(tail -3 "$WORK/err")"
ok "window opened on the desk, showed it, closed ($(awk '/^loaded/ {print int($3/1024)}' "$WORK/out") MB resident)"

[ -z "$(ls -A "$WORK/logs")" ] || ! grep -q Traceback "$WORK"/logs/* \
  || fail "the bundle logged a bug: $(grep -m1 -A3 Traceback "$WORK"/logs/*)"
echo "packaging/smoke.sh: passed${TRACE:+ (no network socket opened)}" >&2
