#!/usr/bin/env bash
# Runs every test: builds the module, then the engine's unit tests and the hosted-PowerShell suite, which
# starts its own moto server on loopback and drives the built module as a user would.
set -euo pipefail
cd "$(dirname "$0")"
source tools/prerequisites.sh
./build.sh
dotnet test IntegrationTools.slnx -c Release --nologo
