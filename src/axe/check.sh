#!/usr/bin/env bash
# The accessibility check (axe-core, and HTML_CodeSniffer for WCAG2AA as pa11y runs it): starts the packaged app (target/quarkus-app, built by ./mvnw package or verify) on a
# fresh data directory, installs axe-core, html_codesniffer and playwright-core from npm into a scratch folder, and runs
# src/axe/run.js over every page (phone and desktop, English and Chinese). Exits non-zero on any violation.
# Needs node and npm, and Debian's chromium. Usage: src/axe/check.sh [port]
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${1:-8187}"
work="$(mktemp -d)"
app=""
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund axe-core@4 html_codesniffer@2.5.1 playwright-core@1 >/dev/null)

FORUMPASS_ADMIN_PASSWORD=axe-check-password-12345 FORUMPASS_DATA_DIR="$work/data" \
  java -Dquarkus.http.port="$port" -Dquarkus.http.ssl-port="$((port + 1000))" -jar target/quarkus-app/quarkus-run.jar >"$work/app.log" 2>&1 &
app=$!
# "Listening on" comes once every start-up observer is done (the demo forums with their delegations are loaded after
# the sign-in banner is printed), when the HTTP server takes requests
for _ in $(seq 120); do
  if grep -q "Listening on" "$work/app.log"; then break; fi
  if ! kill -0 "$app" 2>/dev/null; then cat "$work/app.log"; exit 1; fi
  sleep 1
done
grep -q "Listening on" "$work/app.log" || { echo "the app did not start"; tail -40 "$work/app.log"; exit 1; }

NODE_PATH="$work/node_modules" node src/axe/run.js "http://localhost:${port}" axe-check-password-12345 bri-ict-forum
