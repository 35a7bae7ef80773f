#!/bin/sh
# Load the running site with wrk (Debian package "wrk"): 64 connections for 60 s by default over
# the main public pages, and report throughput, latency, errors and app-server memory.
#   scripts/load_test.sh http://127.0.0.1:8000 [connections] [seconds]
# The site should run as in production (make serve) on the database to measure.
set -eu
base="${1:?give the site's base URL, e.g. http://127.0.0.1:8000}"
connections="${2:-64}"
seconds="${3:-60}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

# A real job, guide and role from the site itself, so every request is a 200.
job=$(curl -fsS "$base/sitemap-jobs.xml" | grep -o '<loc>[^<]*' | head -n 1 | sed 's|<loc>[a-z]*://[^/]*||')
guide=$(curl -fsS "$base/sitemap-guides.xml" | grep -o '<loc>[^<]*' | head -n 1 | sed 's|<loc>[a-z]*://[^/]*||')
role=$(curl -fsS "$base/sitemap-roles.xml" | grep -o '<loc>[^<]*' | head -n 1 | sed 's|<loc>[a-z]*://[^/]*||')
script=$(mktemp)
cat > "$script" <<LUA
paths = {"/", "/jobs/", "/jobs/?workplace=remote&experience_level=senior", "/jobs/?q=data",
         "/jobs/?page=50", "$job", "$guide", "$role", "/feeds/jobs/", "/salaries/"}
i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

memory() { ps -C gunicorn -o rss= | awk '{ total += $1 } END { printf "%.0f MB", total / 1024 }'; }
echo "App-server memory before: $(memory)"
wrk --latency --threads 2 --connections "$connections" --duration "${seconds}s" --timeout 10s \
  --script "$script" "$base"
echo "App-server memory after: $(memory)"
rm -f "$script"
