#!/usr/bin/env bash
# Restores claude-rasp's database from a backup made by backup.sh.
#
#   sudo /opt/claude-rasp/ops/restore.sh [--yes] BACKUP
#
# BACKUP is a .sqlite.gz file, or "latest" for the newest one in the backup folder, or a plain
# database file such as claude-rasp.sqlite.before-restore-<time> (its -wal, if any, is included).
# In order: unpacks and checks the backup (integrity_check) beside the database, and stops there if
# it is unusable; stops the service; moves the current database and its WAL aside to
# claude-rasp.sqlite.before-restore-<time> (+ -wal), deletes the -shm; puts the backup in place,
# owned by the data's owner with mode 0600; starts the service and waits for /healthz.
#
#   --yes  do not ask for confirmation (needed when stdin is not a terminal)
#
# CLAUDE_RASP_NO_SYSTEMCTL=1 skips stopping and starting the service: only for a machine without
# systemd, where you stop the app yourself first (the database must not be open while it runs).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

assume_yes=0
backup=''
while (($# > 0)); do
  case $1 in
    -h | --help)
      print_usage "$0"
      exit 0
      ;;
    -y | --yes) assume_yes=1 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *)
      [[ -z $backup ]] || die "one backup at a time (see --help)"
      backup=$1
      ;;
  esac
  shift
done
[[ -n $backup ]] || die "which backup? usage: $0 [--yes] BACKUP|latest"
if use_systemctl; then require_root "$@"; fi

load_config
if [[ $backup == latest ]]; then
  backup_dir=$(setting BACKUP_DIR "$STORAGE/backups")
  [[ $backup_dir == /* ]] || backup_dir=$APP_ROOT/$backup_dir
  backup=$(find "$backup_dir" -maxdepth 1 -type f -name 'claude-rasp-*.sqlite.gz' -printf '%T@ %p\n' 2>/dev/null |
    sort -rn | head -n 1 | cut -d' ' -f2-)
  [[ -n $backup ]] || die "no backups in $backup_dir"
fi
[[ -f $backup ]] || die "no such file: $backup"
backup=$(realpath -- "$backup")

db_dir=$(dirname "$DB_PATH")
stamp=$(date -u +%Y-%m-%dT%H%M%S)
aside=$DB_PATH.before-restore-$stamp
for ((n = 2; ; n++)); do
  [[ -e $aside ]] || break
  aside=$DB_PATH.before-restore-$stamp-$n
done

if ((assume_yes == 0)); then
  [[ -t 0 ]] || die "add --yes to restore without a terminal"
  printf 'Restore %s\n   over %s\n(the current database is kept as %s)? [y/N] ' "$backup" "$DB_PATH" "$aside" >&2
  read -r answer
  [[ $answer == [yY]* ]] || die "nothing changed"
fi

# 1. Unpack next to the database (same filesystem: the final move is an atomic rename) and check.
if [[ ! -d $db_dir ]]; then
  mkdir -p -- "$db_dir"
  if [[ $EUID -eq 0 && -d $STORAGE ]]; then chown -- "$(stat -c %u:%g -- "$STORAGE")" "$db_dir"; fi
fi
incoming=$db_dir/.restore-$stamp.sqlite
cleanup() { rm -f -- "$incoming" "$incoming-journal" "$incoming-wal" "$incoming-shm"; }
trap cleanup EXIT
umask 077
if [[ $backup == *.gz ]]; then
  gzip -dc -- "$backup" >"$incoming" || die "cannot unpack $backup; nothing changed"
else
  # A plain database file, e.g. a before-restore copy: its -wal (if any) holds part of its data.
  cp -- "$backup" "$incoming"
  if [[ -f $backup-wal ]]; then cp -- "$backup-wal" "$incoming-wal"; fi
fi
"$NODE_BIN" "$OPS_DIR/backup.mjs" verify "$incoming" || die "$backup failed its check; nothing changed"

# 2. Stop the app: nothing may hold the database open while its files are swapped.
if use_systemctl; then
  log "stopping $SERVICE"
  systemctl stop "$SERVICE"
fi

# 3. Keep the current database, WAL included (it may hold committed data), under another name.
#    A stale -wal/-shm next to the restored file would be replayed into it: none may stay.
if [[ -e $DB_PATH ]]; then
  mv -- "$DB_PATH" "$aside"
  log "the previous database is kept as $aside"
fi
for suffix in -wal -journal; do
  if [[ -e $DB_PATH$suffix ]]; then mv -- "$DB_PATH$suffix" "$aside$suffix"; fi
done
rm -f -- "$DB_PATH-shm"

# 4. Put the backup in place, owned like the data around it.
mv -- "$incoming" "$DB_PATH"
chmod 600 -- "$DB_PATH"
if [[ $EUID -eq 0 ]]; then
  chown -- "$(stat -c %u:%g -- "$db_dir")" "$DB_PATH"
fi
log "restored $backup to $DB_PATH"

# 5. Start the app again and wait until it answers.
if use_systemctl; then
  log "starting $SERVICE"
  systemctl start "$SERVICE"
  if ! wait_healthy "${RESTORE_HEALTH_TIMEOUT:-60}"; then
    show_service_log
    die "$SERVICE does not answer on $(health_url) after the restore; the previous database is $aside"
  fi
  log "done: $SERVICE is up with the restored database"
else
  log "done (CLAUDE_RASP_NO_SYSTEMCTL=1: start the app yourself)"
fi
