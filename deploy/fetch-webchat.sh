#!/usr/bin/env bash
# Puts the official Web Chat bundle (npm botframework-webchat, dist/webchat.js) into bot/wwwroot/lib.
# The build does this by itself when npm can reach a registry; for intranet machines run this once on a connected
# machine (or pass a tarball made there with `npm pack botframework-webchat@4.18.1`) and copy the file across.
#   deploy/fetch-webchat.sh                                  # npm pack from the registry
#   deploy/fetch-webchat.sh botframework-webchat-4.18.1.tgz  # from a tarball, no network
#   deploy/fetch-webchat.sh --force                          # replace an existing bundle
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.18.1
dest=bot/wwwroot/lib/webchat.js
force=false tarball=
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    *) tarball=$(realpath "$arg") ;;
  esac
done
if [ -f "$dest" ] && [ "$force" = false ]; then
  echo "$dest is already there ($(wc -c <"$dest") bytes); use --force to replace it"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$tarball" ]; then
  command -v npm >/dev/null || { echo "npm is not installed; pass a tarball made with: npm pack botframework-webchat@$version" >&2; exit 1; }
  (cd "$tmp" && npm pack "botframework-webchat@$version" --silent >/dev/null)
  tarball="$tmp/botframework-webchat-$version.tgz"
fi
tar -xzf "$tarball" -C "$tmp" package/dist/webchat.js
mkdir -p "$(dirname "$dest")"
cp "$tmp/package/dist/webchat.js" "$dest"
echo "$dest: $(wc -c <"$dest") bytes from $(basename "$tarball")"
