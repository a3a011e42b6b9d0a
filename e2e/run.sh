#!/usr/bin/env bash
# Browser tests of the portal: builds `socert`, serves it on a free port with a temporary SQLite
# file and the demo data, runs the node tests against it in Debian's Chromium, and stops it.
# Screenshots land in target/screenshots/. Never downloads a browser.
set -euo pipefail
e2e="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$e2e")"
cd "$root"

export SOCERT_CHROMIUM="${SOCERT_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$SOCERT_CHROMIUM" ]; then
  echo "e2e: no Chromium at $SOCERT_CHROMIUM; install it with: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
# playwright-core never downloads browsers; the variable makes sure nothing else tries either.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -d "$e2e/node_modules/playwright-core" ] || [ ! -d "$e2e/node_modules/axe-core" ]; then
  (cd "$e2e" && npm ci --no-audit --no-fund)
fi

cargo build --quiet --bin socert
target_dir="${CARGO_TARGET_DIR:-$root/target}"
binary="$target_dir/debug/socert"

scratch="$(mktemp -d)"
server=""
stop() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap stop EXIT

port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export SOCERT_BASE_URL="http://127.0.0.1:$port"
SOCERT_LOG="${SOCERT_LOG:-warn}" "$binary" --database-url "sqlite://$scratch/socert.db" \
  serve --bind "127.0.0.1:$port" >"$scratch/server.log" 2>&1 &
server=$!

# The first start migrates and loads the demo registry: give it time.
for _ in $(seq 1 240); do
  if node -e 'fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))' "$SOCERT_BASE_URL/healthz"; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "e2e: socert serve exited; its log:" >&2
    cat "$scratch/server.log" >&2
    exit 1
  fi
  sleep 0.5
done

export SOCERT_SCREENSHOTS="$root/target/screenshots"
mkdir -p "$SOCERT_SCREENSHOTS"
started=$(date +%s)
status=0
# A hung page must not hang CI: every test has two minutes.
(cd "$e2e" && node --test --test-concurrency=1 --test-timeout=120000 tests/) || status=$?
echo "e2e: browser tests took $(( $(date +%s) - started )) s; screenshots in target/screenshots/"
if [ "$status" -ne 0 ]; then
  echo "e2e: server log:" >&2
  tail -n 50 "$scratch/server.log" >&2
fi
exit "$status"
