# shellcheck shell=bash disable=SC2034 # it sets variables for the scripts that source it
# Shared by the ops scripts (sourced, never run). Settings are read the way the app reads them:
# the real environment first, then /etc/claude-rasp.env (the systemd EnvironmentFile), then .env in
# the app's directory, then the built-in default; an empty value means "not set".
#
# The CLAUDE_RASP_* variables below exist so the scripts can be exercised outside a real install
# (the tests use them); on a Pi you never need to set them.

APP_DIR=${CLAUDE_RASP_APP_DIR:-/opt/claude-rasp}
APP_USER=${CLAUDE_RASP_USER:-claude-rasp}
STATE_DIR=${CLAUDE_RASP_STATE_DIR:-/var/lib/claude-rasp}
ENV_FILE=${CLAUDE_RASP_ENV_FILE:-/etc/claude-rasp.env}
SERVICE=${CLAUDE_RASP_SERVICE:-claude-rasp}
NODE_BIN=${NODE_BIN:-node}

# The checkout or release these scripts belong to: the parent of ops/.
OPS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
APP_ROOT=$(dirname "$OPS_DIR")

if [[ -t 2 ]]; then
  _bold=$'\e[1m' _red=$'\e[31m' _yellow=$'\e[33m' _reset=$'\e[0m'
else
  _bold='' _red='' _yellow='' _reset=''
fi

log() { printf '%s==>%s %s\n' "$_bold" "$_reset" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_yellow" "$_reset" "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$_red" "$_reset" "$*" >&2
  exit 1
}

# print_usage SCRIPT: the comment block at the top of SCRIPT, without the #s.
print_usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"
}

require_root() {
  [[ $EUID -eq 0 ]] || die "run this as root: sudo $0 $*"
}

# Whether to drive systemd. CLAUDE_RASP_NO_SYSTEMCTL=1 skips every systemctl call: for a machine
# without systemd, where you stop and start the app yourself (and for the tests).
use_systemctl() {
  [[ ${CLAUDE_RASP_NO_SYSTEMCTL:-0} != 1 ]]
}

# dotenv_value FILE NAME: prints the last NAME=... of FILE with quotes or a trailing " # comment"
# removed. Fails when FILE is unreadable or does not set NAME.
dotenv_value() {
  local file=$1 name=$2 line value result found=1
  [[ -r $file ]] || return 1
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?${name}[[:space:]]*=[[:space:]]*(.*)$ ]] || continue
    value=${BASH_REMATCH[2]}
    if [[ $value =~ ^\"([^\"]*)\" ]] || [[ $value =~ ^\'([^\']*)\' ]]; then
      value=${BASH_REMATCH[1]}
    else
      value=${value%%[[:space:]]#*}
      value=${value%"${value##*[![:space:]]}"}
    fi
    result=$value
    found=0
  done <"$file"
  [[ $found -eq 0 ]] && printf '%s' "$result"
}

# setting NAME DEFAULT: the value the app would see for NAME.
setting() {
  local name=$1 default=$2 value=''
  if [[ -v $name ]]; then
    value=${!name}
  elif value=$(dotenv_value "$ENV_FILE" "$name"); then
    :
  elif value=$(dotenv_value "$APP_ROOT/.env" "$name"); then
    :
  fi
  value=${value#"${value%%[![:space:]]*}"}
  value=${value%"${value##*[![:space:]]}"}
  printf '%s' "${value:-$default}"
}

# Sets STORAGE (absolute storage dir), DB_PATH, HTTP_PORT and HTTP_HOST.
load_config() {
  if [[ ! -v STORAGE_DIR && -e $ENV_FILE && ! -r $ENV_FILE ]]; then
    die "cannot read $ENV_FILE (run with sudo, or set STORAGE_DIR)"
  fi
  # The systemd unit's default: an installed release keeps its data in the state directory.
  local default_storage=$APP_ROOT/storage
  [[ $APP_ROOT == "$APP_DIR" ]] && default_storage=$STATE_DIR/storage
  STORAGE=$(setting STORAGE_DIR "$default_storage")
  [[ $STORAGE == /* ]] || STORAGE=$APP_ROOT/$STORAGE
  STORAGE=$(realpath -m -- "$STORAGE")

  local url path
  url=$(setting DATABASE_URL '')
  if [[ -z $url ]]; then
    DB_PATH=$STORAGE/database/claude-rasp.sqlite
  else
    [[ $url == sqlite:* ]] || die "DATABASE_URL ($url) is not sqlite:<path>; these scripts handle SQLite only"
    path=${url#sqlite:}
    [[ $path == ///* ]] && path=${path#//}
    [[ $path != ':memory:' ]] || die 'DATABASE_URL is sqlite::memory:; there is nothing to back up'
    [[ $path == /* ]] || path=$STORAGE/$path
    DB_PATH=$(realpath -m -- "$path")
  fi

  HTTP_PORT=$(setting PORT 3000)
  HTTP_HOST=$(setting HOST 0.0.0.0)
}

# The /healthz URL on this machine, from HOST and PORT.
health_url() {
  local host=$HTTP_HOST
  case $host in
    0.0.0.0 | :: | '[::]' | '') host=127.0.0.1 ;;
    \[*) ;;
    *:*) host="[$host]" ;;
  esac
  printf 'http://%s:%s/healthz' "$host" "$HTTP_PORT"
}

# wait_healthy SECONDS: polls /healthz until it answers 200 (prints its JSON) or time runs out.
wait_healthy() {
  local timeout=$1 url deadline
  url=$(health_url)
  deadline=$((SECONDS + timeout))
  log "waiting up to ${timeout}s for $url"
  while ((SECONDS < deadline)); do
    if "$NODE_BIN" -e '
      fetch(process.argv[1], { signal: AbortSignal.timeout(3000) }).then(
        async (r) => { const body = await r.text(); if (!r.ok) process.exit(1); console.log(body); },
        () => process.exit(1),
      );' "$url" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  return 1
}

# Prints the service's last log lines (to explain a failed start).
show_service_log() {
  use_systemctl || return 0
  warn "last log lines of $SERVICE:"
  journalctl -u "$SERVICE" -n 40 --no-pager >&2 || true
}

# Runs a command as the service user with its home (npm cache, node-gyp headers) in STATE_DIR.
as_app_user() {
  runuser -u "$APP_USER" -- env HOME="$STATE_DIR" npm_config_update_notifier=false \
    npm_config_fund=false npm_config_audit=false "$@"
}

# stage_release SRC DEST: copies the sources of the checkout SRC into a fresh DEST, leaving out
# what git ignores (node_modules, builds, storage, .env) and .git itself.
stage_release() {
  local src=$1 dest=$2
  [[ -f $src/package.json && -f $src/package-lock.json && -d $src/server ]] ||
    die "$src is not a claude-rasp checkout"
  rm -rf -- "$dest"
  mkdir -p -- "$dest"
  rsync -a --delete \
    --exclude=/.git/ --exclude=node_modules/ --exclude=/storage/ --exclude=/.env \
    --exclude=/server/dist/ --exclude=/client/build/ --exclude=/client/.svelte-kit/ \
    --filter=':- .gitignore' \
    "$src/" "$dest/"
  if git -c safe.directory="$src" -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
    {
      printf 'source=%s\n' "$src"
      printf 'revision=%s\n' "$(git -c safe.directory="$src" -C "$src" describe --always --dirty 2>/dev/null)"
      printf 'staged=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    } >"$dest/.release"
  fi
}

# build_release DIR: npm ci and npm run build as the service user (so third-party install scripts
# never run as root), then hands the tree to root, read-only for the service.
build_release() {
  local dir=$1
  chown -R "$APP_USER:" "$dir"
  log "installing dependencies and building in $dir (several minutes on a Pi)"
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  # npm prune: the build tools (vite, typescript, ...) are not needed to run; ~140 MB instead of ~350.
  as_app_user bash -c 'cd "$1" && npm ci --no-audit --no-fund && npm run build &&
    npm prune --omit=dev --no-audit --no-fund' _ "$dir" || return 1
  [[ -f $dir/server/dist/server/src/main.js && -f $dir/client/build/index.html ]] || {
    warn "the build left no server/dist/server/src/main.js or client/build/index.html"
    return 1
  }
  chown -R root:root "$dir"
  chmod -R u+rwX,go+rX,go-w "$dir"
}

# node_version_ok NODE: that binary is Node.js >= 20.19.
node_version_ok() {
  local version major minor
  version=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  IFS=. read -r major minor _ <<<"$version"
  ((major > 20 || (major == 20 && minor >= 19)))
}
