#!/usr/bin/env bash
# Updates an installed claude-rasp (/opt/claude-rasp) to the code of this checkout, and rolls back
# if the new version does not come up.
#
#   cd ~/claude-rasp && git pull && sudo ops/deploy.sh
#   sudo ops/deploy.sh --pull       # the same, with the git pull done for you (as the checkout's owner)
#
# 1. Copies this checkout (not .git, node_modules, storage or .env) to /opt/claude-rasp.new and runs
#    npm ci and npm run build there as the service user while the old version keeps serving. A
#    failed build changes nothing.
# 2. Stops the service and backs up the database with backup.sh (stopped, so the backup holds the
#    very last write).
# 3. Moves /opt/claude-rasp to /opt/claude-rasp.previous and the new release in its place, starts
#    the service and waits for /healthz (60 s, --health-timeout N).
# 4. If it does not answer: puts the previous release back, restores the pre-deploy backup (the new
#    version may have migrated the database) with restore.sh, starts it, and exits with status 1
#    (2 if even the rollback fails). The failed release is kept in /opt/claude-rasp.failed.
#
# Options: --pull, --source DIR (another checkout), --health-timeout SECONDS.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

source_dir=$APP_ROOT
pull=0
health_timeout=60
while (($# > 0)); do
  case $1 in
    -h | --help)
      print_usage "$0"
      exit 0
      ;;
    --pull) pull=1 ;;
    --source)
      source_dir=${2:?--source needs a directory}
      shift
      ;;
    --health-timeout)
      health_timeout=${2:?--health-timeout needs a number of seconds}
      [[ $health_timeout =~ ^[0-9]+$ ]] || die "--health-timeout takes whole seconds"
      shift
      ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

require_root "$@"
source_dir=$(realpath -- "$source_dir")
new=$APP_DIR.new
previous=$APP_DIR.previous
failed=$APP_DIR.failed

[[ -f $APP_DIR/server/dist/server/src/main.js ]] ||
  die "no installed release in $APP_DIR: run ops/install.sh first"
[[ $source_dir != "$APP_DIR" ]] ||
  die "run deploy.sh from your checkout (e.g. ~/claude-rasp), not from $APP_DIR: it copies that checkout here"
systemctl cat "$SERVICE" >/dev/null 2>&1 || die "no $SERVICE service: run ops/install.sh first"

exec 8>"/run/lock/$SERVICE-deploy.lock"
flock -n 8 || die "another deploy is running"

# The installed app's configuration (health URL), not this checkout's.
APP_ROOT=$APP_DIR
load_config

phase=''
trap '[[ -z $phase ]] || warn "deploy.sh stopped while $phase; check ls -d $APP_DIR* and systemctl status $SERVICE"' EXIT

if ((pull == 1)); then
  owner=$(stat -c %U -- "$source_dir")
  log "git pull in $source_dir (as $owner)"
  runuser -u "$owner" -- git -C "$source_dir" pull --ff-only || die "git pull failed; nothing changed"
fi

# 1. Build the new release beside the running one.
log "staging $source_dir into $new"
stage_release "$source_dir" "$new"
build_release "$new" ||
  die "the build failed; nothing changed (the running version is untouched, the failed tree is $new)"

# 2. Stop, then back up: nothing is written between the backup and the switch.
phase="stopping $SERVICE for the switch (it may be stopped)"
log "stopping $SERVICE"
systemctl stop "$SERVICE"
phase="backing up the database ($SERVICE is stopped)"
if ! pre_deploy_backup=$(bash "$APP_DIR/ops/backup.sh"); then
  systemctl start "$SERVICE" || true
  phase=''
  die "the database backup failed, so nothing was deployed; $SERVICE runs the old version again"
fi
log "pre-deploy backup: $pre_deploy_backup"

# 3. Switch and start.
phase="switching releases ($SERVICE is stopped)"
rm -rf -- "$previous"
mv -- "$APP_DIR" "$previous"
mv -- "$new" "$APP_DIR"
phase="starting the new release"
log "starting $SERVICE"
if systemctl start "$SERVICE" && wait_healthy "$health_timeout"; then
  phase=''
  if ! cmp -s "$APP_DIR/ops/claude-rasp.service" "/etc/systemd/system/$SERVICE.service"; then
    warn "ops/claude-rasp.service changed in this release: run ops/install.sh to install the new unit"
  fi
  rm -rf -- "$failed" # an older failed attempt, now outdated
  revision=$(sed -n 's/^revision=//p' "$APP_DIR/.release" 2>/dev/null || true)
  log "deployed${revision:+ $revision}; the previous release is in $previous"
  exit 0
fi

# 4. Roll back: previous code, pre-deploy database.
show_service_log
warn "the new release did not answer on $(health_url) within ${health_timeout}s: rolling back"
phase="rolling back"
systemctl stop "$SERVICE" || true
rm -rf -- "$failed"
mv -- "$APP_DIR" "$failed"
mv -- "$previous" "$APP_DIR"
if bash "$APP_DIR/ops/restore.sh" --yes "$pre_deploy_backup"; then
  phase=''
  die "deploy failed: rolled back to the previous release and the pre-deploy database ($pre_deploy_backup); the failed release is in $failed"
fi
phase=''
printf '%sROLLBACK FAILED:%s the previous release is back in %s, but restoring the pre-deploy backup %s or starting %s failed (see above and journalctl -u %s). The failed release is in %s.\n' \
  "$_red" "$_reset" "$APP_DIR" "$pre_deploy_backup" "$SERVICE" "$SERVICE" "$failed" >&2
exit 2
