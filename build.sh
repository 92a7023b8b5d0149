#!/usr/bin/env bash
# Builds the module folder out/IntegrationTools (manifest, IntegrationTools.dll, dependencies/, formats/, en-US help).
# Needs only the .NET SDK (global.json pins the band). build.ps1 does the same for people with pwsh.
set -euo pipefail
cd "$(dirname "$0")"
configuration="${CONFIGURATION:-Release}"
dotnet publish src/Cmdlets/IntegrationTools.csproj -c "$configuration" -o artifacts/publish --nologo -v quiet
dotnet run --project tools/ModuleBuilder/ModuleBuilder.csproj -c "$configuration" -- \
  --repo . --bin artifacts/publish --out out/IntegrationTools
