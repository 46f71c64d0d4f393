#!/usr/bin/env bash
# Hot backup of claude-rasp's SQLite database, safe while the app runs.
#
#   sudo /opt/claude-rasp/ops/backup.sh        # or: systemctl start claude-rasp-backup
#
# Writes STORAGE_DIR/backups/claude-rasp-YYYY-MM-DDTHHMMSS.sqlite.gz (UTC time), checked with
# PRAGMA integrity_check, and deletes backups older than 7 days (always keeping the newest).
# Prints the new backup's path on stdout; messages go to stderr.
#
# Settings (environment, else /etc/claude-rasp.env, else .env): STORAGE_DIR, DATABASE_URL, and
#   BACKUP_DIR        where backups go (default STORAGE_DIR/backups)
#   BACKUP_KEEP_DAYS  age in days after which backups are deleted (default 7)
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case ${1:-} in
  -h | --help)
    print_usage "$0"
    exit 0
    ;;
  '') ;;
  *) die "unexpected argument: $1 (see --help)" ;;
esac

load_config
backup_dir=$(setting BACKUP_DIR "$STORAGE/backups")
[[ $backup_dir == /* ]] || backup_dir=$APP_ROOT/$backup_dir
keep_days=$(setting BACKUP_KEEP_DAYS 7)
[[ $keep_days =~ ^[0-9]+$ ]] || die "BACKUP_KEEP_DAYS must be a whole number of days, got \"$keep_days\""

[[ -f $DB_PATH ]] || die "no database at $DB_PATH (has the app started once? is STORAGE_DIR right?)"
command -v "$NODE_BIN" >/dev/null || die "node not found (set NODE_BIN)"

umask 077
mkdir -p -- "$backup_dir"
# One backup at a time: the timer, a deploy and a manual run may meet.
exec 9<"$backup_dir"
flock -w 300 9 || die "another backup has been running for 5 minutes; giving up"

new_backup=$("$NODE_BIN" "$OPS_DIR/backup.mjs" backup "$DB_PATH" "$backup_dir" "$keep_days")

# Run as root (by hand, or by deploy.sh): give what was created back to the owner of the data, so
# the service user can still open the database (-wal/-shm) and rotate the backups.
if [[ $EUID -eq 0 ]]; then
  owner=$(stat -c %u:%g -- "$DB_PATH")
  for file in "$DB_PATH-wal" "$DB_PATH-shm"; do
    if [[ -e $file ]]; then chown -- "$owner" "$file"; fi
  done
  if [[ $backup_dir == "$STORAGE"/* ]]; then
    chown -- "$(stat -c %u:%g -- "$STORAGE")" "$backup_dir" "$new_backup"
  fi
fi

printf '%s\n' "$new_backup"
