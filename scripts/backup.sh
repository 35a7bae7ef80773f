#!/bin/sh
# Back up the PostgreSQL database named by DATABASE_URL into one compressed file.
#   DATABASE_URL=postgres://... scripts/backup.sh [FILE]   (default: backups/jobboard-<UTC time>.dump)
set -eu
: "${DATABASE_URL:?set DATABASE_URL to the PostgreSQL database to back up}"
case "$DATABASE_URL" in postgres://*|postgresql://*) ;; *)
  echo "backup.sh backs up PostgreSQL; for SQLite, copy the database file while the site is stopped." >&2
  exit 2 ;;
esac
file="${1:-backups/jobboard-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$file")"
# Custom format: compressed, and pg_restore can restore it whole or table by table.
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$DATABASE_URL"
echo "Backed up to $file ($(du -h "$file" | cut -f1))"
