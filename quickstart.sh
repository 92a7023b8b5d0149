#!/usr/bin/env bash
# The quickstart: builds the module, starts a local moto server, and runs examples/Quickstart.ps1 in the hosted
# PowerShell 7.6 engine (no pwsh needed): it sets up a REST API and an HTTP API with a few integrations and shows
# them through the module's cmdlets and views.
set -euo pipefail
cd "$(dirname "$0")"
source tools/prerequisites.sh
./build.sh
dotnet run --project tools/RunScript/RunScript.csproj -c Release -- --moto examples/Quickstart.ps1
