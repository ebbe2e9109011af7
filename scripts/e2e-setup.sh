#!/usr/bin/env bash
# Installs what the offline e2e runner (scripts/e2e-offline.mjs) needs:
#   - Debian packages: chromium (the browser that drives the workbench),
#     ripgrep (code-server's search binary, see below), libkrb5-dev and build
#     tools (code-server's native modules argon2 and kerberos build from source);
#   - code-server, pinned, into .e2e/code-server (git-ignored).
# Idempotent and cached: a second run checks and does nothing. Every network
# step has a time bound; a step that cannot work stops with a clear message.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# code-server 4.100.3 serves VS Code 1.100.3, the newest that runs on Node 20;
# package.json's engines.vscode and @types/vscode stay at or below it.
CODE_SERVER_VERSION=4.100.3
# Read from that release's lib/vscode/npm-shrinkwrap.json (@vscode/ripgrep)
# and from @vscode/ripgrep's lib/postinstall.js: the postinstall step
# downloads this tarball from GitHub unless it is in its cache folder.
RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11
RIPGREP_TARBALL=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

E2E=$ROOT/.e2e
PREFIX=$E2E/code-server
CODE_SERVER_BIN=$PREFIX/node_modules/.bin/code-server
STAMP=$E2E/setup-$CODE_SERVER_VERSION.done
DEBIAN_PACKAGES=(chromium ripgrep libkrb5-dev make g++ python3 pkg-config fonts-dejavu-core)

APT_UPDATE_TIMEOUT=${E2E_APT_UPDATE_TIMEOUT:-300}
APT_INSTALL_TIMEOUT=${E2E_APT_INSTALL_TIMEOUT:-900}
NPM_INSTALL_TIMEOUT=${E2E_NPM_INSTALL_TIMEOUT:-1200}

say() { printf 'e2e-setup: %s\n' "$*"; }
fail() { printf 'e2e-setup: error: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  local package
  for package in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || printf '%s\n' "$package"
  done
}

code_server_version() {
  [[ -x $CODE_SERVER_BIN ]] && TMPDIR="$E2E/tmp" "$CODE_SERVER_BIN" --version 2>&1 | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ '
}

code_server_ok() {
  [[ "$(code_server_version)" == "$CODE_SERVER_VERSION "* ]]
}

# Runs apt-get under a time bound; waits for the dpkg lock (another engineer or
# process may be installing at the same time) instead of failing on it.
apt_get() {
  local limit=$1
  shift
  local attempt
  for attempt in 1 2 3 4 5 6; do
    local status=0
    timeout "$limit" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 -o Acquire::http::Timeout=30 \
      -o Acquire::Retries=2 "$@" >>"$E2E/apt.log" 2>&1 || status=$?
    [[ $status -eq 0 ]] && return 0
    tail -n 5 "$E2E/apt.log" >&2
    [[ $status -eq 124 ]] && fail "apt-get $* took longer than ${limit}s (are Debian's package mirrors reachable?)"
    if pgrep -x 'apt-get|dpkg|apt' >/dev/null 2>&1 || tail -n 5 "$E2E/apt.log" | grep -qi 'lock'; then
      say "apt-get $1 failed while another apt/dpkg runs (lock held); retrying in 20 s (attempt $attempt)"
      sleep 20
    else
      return "$status"
    fi
  done
  return 1
}

# --- fast path -------------------------------------------------------------
if [[ -f $STAMP ]] && [[ -z "$(missing_packages)" ]] && code_server_ok; then
  say "already set up (code-server $CODE_SERVER_VERSION, chromium, ripgrep): nothing to do"
  exit 0
fi

started=$(date +%s)

# --- Debian packages --------------------------------------------------------
mapfile -t missing < <(missing_packages)
if (( ${#missing[@]} > 0 )); then
  [[ $(id -u) -eq 0 ]] || fail "Debian packages missing (${missing[*]}); run this script as root or install them: apt-get install ${missing[*]}"
  command -v apt-get >/dev/null || fail "Debian packages missing (${missing[*]}) and no apt-get on this machine"
  say "installing Debian packages: ${missing[*]} (log: .e2e/apt.log)"
  mkdir -p "$E2E"
  apt_get "$APT_UPDATE_TIMEOUT" update -qq || fail "apt-get update failed: Debian's package lists cannot be read"
  apt_get "$APT_INSTALL_TIMEOUT" install -y -qq --no-install-recommends "${missing[@]}" \
    || fail "apt-get install ${missing[*]} failed (see above)"
fi
[[ -x /usr/bin/chromium ]] || fail "/usr/bin/chromium is missing after installing the chromium package"
RG=$(command -v rg) || fail "rg (ripgrep) is missing after installing the ripgrep package"

# --- code-server -------------------------------------------------------------
if ! code_server_ok; then
  say "installing code-server@$CODE_SERVER_VERSION into .e2e/code-server (builds argon2 and kerberos: a few minutes)"
  mkdir -p "$PREFIX" "$E2E/tmp"
  [[ -f $PREFIX/package.json ]] || printf '{ "name": "archframe-e2e-code-server", "private": true }\n' >"$PREFIX/package.json"
  # @vscode/ripgrep's postinstall looks in $TMPDIR/<cache>/ before downloading:
  # put Debian's rg there as the tarball it expects.
  mkdir -p "$E2E/tmp/$RIPGREP_CACHE" "$E2E/tmp/rg-pack"
  cp "$RG" "$E2E/tmp/rg-pack/rg"
  tar -C "$E2E/tmp/rg-pack" -czf "$E2E/tmp/$RIPGREP_CACHE/$RIPGREP_TARBALL" rg
  # As root, npm runs install scripts as another user unless unsafe-perm is set.
  if ! timeout "$NPM_INSTALL_TIMEOUT" env TMPDIR="$E2E/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --prefix "$PREFIX" --no-audit --no-fund --no-save --loglevel=error \
    --fetch-timeout=60000 --fetch-retries=2 "code-server@$CODE_SERVER_VERSION"; then
    fail "npm install code-server@$CODE_SERVER_VERSION failed or took longer than ${NPM_INSTALL_TIMEOUT}s (the npm registry must be reachable; native modules need libkrb5-dev, make, g++, python3)"
  fi
  code_server_ok || fail "code-server installed, but '$CODE_SERVER_BIN --version' says: $(TMPDIR="$E2E/tmp" "$CODE_SERVER_BIN" --version 2>&1 | head -n3)"
fi

touch "$STAMP"
say "ready in $(( $(date +%s) - started )) s: code-server $(code_server_version), $(/usr/bin/chromium --version 2>/dev/null)"
