#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real redis-server, embedded Garnet, PostgreSQL), deployment (the
# offline publish started without the SDK) and end-to-end (the real Web Chat bundle in headless Chromium).
# Sets up what it needs first, on a Debian machine with the .NET 10 SDK: missing Debian packages are installed with apt
# (as root, or through sudo when it needs no password), then the npm packages of tests/e2e and the Web Chat bundle.
# Every step is skipped when already done, so a second run goes straight to the build (and works offline).
# Ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
say() { echo "setting up: $*"; }

# Debian packages: redis-server (store tests), chromium and a CJK font (browser tests), PostgreSQL (ledger tests),
# Node.js and npm (browser tests, the Web Chat bundle).
need=()
command -v redis-server >/dev/null || need+=(redis-server)
command -v chromium >/dev/null || need+=(chromium)
{ command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || need+=(fonts-wqy-microhei)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt=(env DEBIAN_FRONTEND=noninteractive apt-get)
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    apt=(sudo -n env DEBIAN_FRONTEND=noninteractive apt-get)
  else
    apt=()
    echo "setting up: missing ${need[*]}; install them (apt-get install ${need[*]}) as root; the tests that need them will fail" >&2
  fi
  if [ ${#apt[@]} -gt 0 ]; then
    say "installing ${need[*]}…"
    "${apt[@]}" update -qq >/dev/null
    "${apt[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

# Browser tests: playwright-core (drives Debian chromium; no browser download) and the Web Chat bundle.
if [ ! -d tests/e2e/node_modules/playwright-core ]; then
  say "installing the npm packages of tests/e2e…"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm ci in tests/e2e failed; the browser tests will fail" >&2
fi
if [ ! -f bot/wwwroot/lib/webchat.js ]; then
  say "fetching the Web Chat bundle…"
  deploy/fetch-webchat.sh || echo "warning: the Web Chat bundle could not be fetched; the browser tests will fail" >&2
fi
command -v systemd-analyze >/dev/null || echo "setting up: systemd-analyze is not installed; the systemd unit's check is skipped" >&2

say "building (Release)…"
dotnet build Bot.sln -c Release -nologo -clp:ErrorsOnly

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  echo "testing: $name"
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
