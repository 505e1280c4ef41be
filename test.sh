#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real redis-server, embedded Garnet) and end-to-end
# (the real Web Chat bundle in headless Chromium). Prerequisites are listed in README.md.
set -euo pipefail
cd "$(dirname "$0")"

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# Browser tests: playwright-core (drives Debian chromium; no browser download) and the Web Chat bundle.
# Both steps are skipped when already done, so the suite also runs offline once set up.
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm ci in tests/e2e failed; the browser tests will fail" >&2
fi
if [ ! -f bot/wwwroot/lib/webchat.js ]; then
  deploy/fetch-webchat.sh || echo "warning: the Web Chat bundle could not be fetched; the browser tests will fail" >&2
fi

dotnet build Bot.sln -c Release -nologo -clp:ErrorsOnly
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=$?
done

# One closing line over every test project: "N passed, N failed, N skipped".
passed=0 failed=0 total=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$((total + $(get total))); passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
done
echo "$passed passed, $failed failed, $((total - passed - failed)) skipped"
exit "$status"
