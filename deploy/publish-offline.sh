#!/usr/bin/env bash
# Builds a self-contained folder for an intranet machine with no internet access (linux-x64 by default).
# Run on a connected machine with the .NET 10 SDK and npm; copy the resulting tarball across.
#   deploy/publish-offline.sh [runtime-id]
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${1:-linux-x64}
out=artifacts/partyaffairs-bot-$rid

if [ ! -f bot/wwwroot/lib/webchat.js ] && [ -x deploy/fetch-webchat.sh ]; then
  deploy/fetch-webchat.sh
fi
dotnet publish bot/Bot.csproj -c Release -r "$rid" --self-contained true -o "$out" --nologo
[ -f "$out/wwwroot/lib/webchat.js" ] || { echo "warning: the Web Chat bundle is missing from $out/wwwroot/lib" >&2; }
tar -C artifacts -czf "artifacts/partyaffairs-bot-$rid.tar.gz" "partyaffairs-bot-$rid"
echo "artifacts/partyaffairs-bot-$rid.tar.gz: unpack to /opt/partyaffairs-bot and install deploy/partyaffairs-bot.service"
