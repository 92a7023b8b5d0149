# Sourced by quickstart.sh and test.sh: checks what the run needs and says how to get what is missing.
# - the .NET SDK of global.json
# - a Python interpreter that imports moto with its server (Flask); exported as MOTO_PYTHON
# - the AWS CLI (for the interoperability tests); exported as AWS_CLI
if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET SDK is missing: install .NET 10 (https://dotnet.microsoft.com/download) and run this again." >&2
  exit 1
fi

find_moto_python() {
  local candidates=("${MOTO_PYTHON:-}" "$HOME/.pyenv/shims/python3")
  local v
  for v in "$HOME"/.pyenv/versions/*/bin/python3; do candidates+=("$v"); done
  candidates+=("$(command -v python3 2>/dev/null || true)" /usr/bin/python3)
  local p
  for p in "${candidates[@]}"; do
    [ -n "$p" ] && [ -x "$p" ] || continue
    if "$p" -c 'import moto.server, flask' >/dev/null 2>&1; then echo "$p"; return 0; fi
  done
  return 1
}

if ! MOTO_PYTHON="$(find_moto_python)"; then
  cat >&2 <<'MSG'
No Python interpreter with moto's server was found (tried $MOTO_PYTHON, pyenv's interpreters and python3 on PATH).
Install it into a Python 3 of your choice and point MOTO_PYTHON at that interpreter:
    python3 -m pip install "moto[server]"
    export MOTO_PYTHON="$(command -v python3)"
MSG
  exit 1
fi
export MOTO_PYTHON

if [ -z "${AWS_CLI:-}" ]; then
  for c in "$(dirname "$MOTO_PYTHON")/aws" "$(command -v aws 2>/dev/null || true)" "$HOME/.pyenv/shims/aws" /usr/bin/aws; do
    if [ -n "$c" ] && [ -x "$c" ]; then AWS_CLI="$c"; break; fi
  done
fi
if [ -z "${AWS_CLI:-}" ]; then
  echo "The AWS CLI is missing; installing it from Debian's packages (apt-get install -y awscli)." >&2
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && apt-get install -y -qq awscli) >&2 && AWS_CLI=/usr/bin/aws
  fi
fi
if [ -z "${AWS_CLI:-}" ]; then
  echo "The AWS CLI is needed for the interoperability tests: install it (pip install awscli, or apt-get install awscli) and run this again." >&2
  exit 1
fi
export AWS_CLI
