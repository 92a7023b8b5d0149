#!/usr/bin/env bash
# Prints the module's speed and memory figures (not a test): the rule catalog in plain C#, and
# Test-ApiIntegration through the pipeline in the hosted PowerShell engine. Usage: ./benchmark.sh [count]
set -euo pipefail
cd "$(dirname "$0")"
./build.sh >/dev/null
dotnet run --project tools/Benchmarks/Benchmarks.csproj -c Release -- "$@"
