#!/bin/sh
# Restore a backup made by scripts/backup.sh into the PostgreSQL database named by DATABASE_URL.
# Existing tables of the site are replaced.   DATABASE_URL=postgres://... scripts/restore.sh FILE
set -eu
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to restore into}"
file="${1:?give the backup file to restore}"
[ -r "$file" ] || { echo "Cannot read $file" >&2; exit 2; }
pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --dbname="$DATABASE_URL" "$file"
echo "Restored $file"
