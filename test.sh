#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real redis-server, embedded Garnet) and end-to-end
# (the real Web Chat bundle in headless Chromium). Prerequisites are listed in README.md.
set -euo pipefail
cd "$(dirname "$0")"

dotnet build Bot.sln -c Release -nologo -clp:ErrorsOnly
dotnet test Bot.sln -c Release --no-build -nologo --logger "console;verbosity=minimal"
