#!/usr/bin/env bash
# Builds the folder to install on an intranet machine with no internet access, and a tarball of it.
# Run on a connected machine with the .NET 10 SDK and npm (for the Web Chat bundle); copy the tarball across.
#   deploy/publish-offline.sh [options] [runtime-id]        runtime-id defaults to linux-x64
#     --framework-dependent   needs the ASP.NET Core 10 runtime on the target (smaller; reuses the Release build)
#     --output DIR            publish into DIR (default artifacts/partyaffairs-bot-<runtime-id>)
#     --no-archive            skip the tarball
# The default is self-contained: the target needs no .NET at all, only libicu (Chinese text) and tzdata.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-x64 self_contained=true out= archive=true
while [ $# -gt 0 ]; do
  case "$1" in
    --framework-dependent) self_contained=false ;;
    --output) out=$(realpath -m "$2"); shift ;;
    --no-archive) archive=false ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) rid=$1 ;;
  esac
  shift
done
out=${out:-$PWD/artifacts/partyaffairs-bot-$rid}

if [ ! -f bot/wwwroot/lib/webchat.js ] && [ -x deploy/fetch-webchat.sh ]; then
  deploy/fetch-webchat.sh
fi
if [ "$self_contained" = true ]; then
  dotnet publish bot/Bot.csproj -c Release -r "$rid" --self-contained true -o "$out" --nologo -clp:ErrorsOnly
else
  dotnet publish bot/Bot.csproj -c Release --self-contained false -o "$out" --nologo -clp:ErrorsOnly
fi
[ -f "$out/wwwroot/lib/webchat.js" ] || { echo "warning: the Web Chat bundle is missing from $out/wwwroot/lib" >&2; }
# Shipped data lives in the folder (data/cn-holidays.json); state belongs elsewhere (Storage:DataDir, see the unit).
cp deploy/partyaffairs-bot.service "$out/"
# The quick start and the guides, with their sample roster, travel with the folder (docs/quickstart.md runs from it).
rm -rf "$out/samples" "$out/docs"
cp -r samples "$out/samples"
mkdir -p "$out/docs"
cp docs/quickstart.md docs/用户手册.md docs/运维手册.md "$out/docs/"
echo "published to $out"
if [ "$archive" = true ]; then
  tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
  echo "$out.tar.gz: unpack to /opt/partyaffairs-bot and install partyaffairs-bot.service (docs/operations.md)"
fi
