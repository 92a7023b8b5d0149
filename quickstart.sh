#!/usr/bin/env bash
# The quickstart: builds the module, starts a local moto server on a free loopback port, and runs
# examples/Quickstart.ps1 in pwsh 7.6.10 (pinned in .config/dotnet-tools.json and restored here): it sets up a REST
# API and an HTTP API with a few integrations and shows them through the module's cmdlets and views.
set -euo pipefail
cd "$(dirname "$0")"
source tools/prerequisites.sh
source tools/test-tools.sh
./build.sh

port="$("$MOTO_PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
log="$(mktemp)"
"$MOTO_PYTHON" -m moto.server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  if "$MOTO_PYTHON" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/data.json', timeout=1)" 2>/dev/null; then break; fi
  if ! kill -0 "$moto" 2>/dev/null; then cat "$log" >&2; echo "moto did not start." >&2; exit 1; fi
  sleep 0.2
done
echo "moto is serving API Gateway on http://127.0.0.1:$port ($MOTO_PYTHON)"

# Dummy credentials for the local server; nothing here reaches AWS. The AWS CLI that sets up the APIs comes first on PATH.
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_PROFILE AWS_SESSION_TOKEN
export PATH="$(dirname "$AWS_CLI"):$PATH"
dotnet pwsh -NoProfile -NonInteractive -Command \
  "Import-Module ./out/IntegrationTools/IntegrationTools.psd1; ./examples/Quickstart.ps1 -EndpointUrl http://127.0.0.1:$port"
