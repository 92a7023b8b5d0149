#!/usr/bin/env bash
# Runs every test, one suite per layer, and ends with one line 'N passed, N failed':
#   1. the engine's unit tests (xunit, plain C#: definitions, rules, planners, wire client, session resolution);
#   2. the cmdlet suite (Pester 5.9.1 in pwsh 7.6.10, both pinned and restored by the project) against the built
#      module, each file with its own moto server on loopback, the fault proxy and the AWS CLI.
set -euo pipefail
cd "$(dirname "$0")"
source tools/prerequisites.sh
source tools/test-tools.sh
./build.sh
dotnet build tests/FaultProxy/FaultProxy.csproj -c Release --nologo -v quiet

mkdir -p TestResults
status=0
dotnet test tests/IntegrationTools.Engine.Tests/IntegrationTools.Engine.Tests.csproj -c Release --nologo \
  | tee TestResults/engine.log || status=1
dotnet pwsh -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 | tee TestResults/pester.log || status=1

# The summary line of each suite: xunit 'Failed: N, Passed: N, Skipped: N'; Pester 'Pester: N passed, N failed, N skipped'.
read -r xfailed xpassed xskipped < <(sed -n 's/.*Failed: *\([0-9]*\), Passed: *\([0-9]*\), Skipped: *\([0-9]*\).*/\1 \2 \3/p' TestResults/engine.log | tail -1; echo)
read -r ppassed pfailed pskipped < <(sed -n 's/^Pester: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\1 \2 \3/p' TestResults/pester.log | tail -1; echo)
if [ -z "${xpassed:-}" ] || [ -z "${ppassed:-}" ]; then
  echo "A suite printed no summary (engine: '${xpassed:-none}', Pester: '${ppassed:-none}'): see TestResults/." >&2
  status=1
fi
echo "engine (xunit): ${xpassed:-0} passed, ${xfailed:-0} failed, ${xskipped:-0} skipped"
echo "cmdlets (Pester): ${ppassed:-0} passed, ${pfailed:-0} failed, ${pskipped:-0} skipped"
echo "$(( ${xpassed:-0} + ${ppassed:-0} )) passed, $(( ${xfailed:-0} + ${pfailed:-0} )) failed, $(( ${xskipped:-0} + ${pskipped:-0} )) skipped"
exit $status
