#!/usr/bin/env bash
# Prints the module's speed and memory figures from one run on this machine (not a test): cold Import-Module, the
# rule catalog in plain C#, Test-ApiIntegration through the pipeline in the hosted engine, the cmdlets against the
# AWS CLI per integration on the same local moto server, and a bulk apply of 300 definitions under the default
# management quota, and the bulk applies under the quota with 200 ms added per request (--bulk-only runs only those).
# Usage: ./benchmark.sh [count] [--no-aws] [--bulk-only]
set -euo pipefail
cd "$(dirname "$0")"
source tools/prerequisites.sh
./build.sh >/dev/null
dotnet run --project bench/Benchmarks/Benchmarks.csproj -c Release -- "$@"
