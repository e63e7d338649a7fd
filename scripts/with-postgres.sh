#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 beside it:
#   scripts/with-postgres.sh CMD [ARGS…]
# initdb into a temporary folder (as the `postgres` user when run as root:
# initdb refuses root), Unix socket only (listen_addresses=''), in a temporary
# socket directory; exports GUANLAN_TEST_POSTGRES_URL for the tests, runs CMD,
# and stops and removes the server whatever happens. Installs the `postgresql`
# package with apt-get only when its binaries are missing.
set -euo pipefail

pgbin=""
for v in 17 16 15; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then pgbin="/usr/lib/postgresql/$v/bin"; break; fi
done
if [ -z "$pgbin" ]; then
  echo "安装 PostgreSQL / installing postgresql" >&2
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi

# Run the server as `postgres` when we are root; as ourselves otherwise.
as_pg=()
owner="$(id -un)"
# `cd /` first: the postgres user may not be allowed into the caller's folder.
if [ "$(id -u)" -eq 0 ]; then as_pg=(env -C / runuser -u postgres --); owner=postgres; fi

dir="$(mktemp -d /tmp/guanlan-pg.XXXXXX)"
chmod 755 "$dir"
mkdir -p "$dir/data" "$dir/socket" "$dir/log"
[ "$owner" = "$(id -un)" ] || chown -R "$owner" "$dir/data" "$dir/socket" "$dir/log"
port=5432

cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

# C collation: ORDER BY on text sorts by code point, as SQLite does.
"${as_pg[@]}" "$pgbin/initdb" -D "$dir/data" -U "$owner" -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log/server.log" -w -t 30 start \
  -o "-c listen_addresses='' -k $dir/socket -p $port -c max_connections=200 -c fsync=on" >/dev/null \
  || { cat "$dir/log/server.log" >&2; exit 1; }

export GUANLAN_TEST_POSTGRES_URL="postgres://$owner@/postgres?host=$dir/socket&port=$port"
export GUANLAN_TEST_POSTGRES_DATA="$dir/data" GUANLAN_TEST_POSTGRES_BIN="$pgbin"
echo "PostgreSQL: $GUANLAN_TEST_POSTGRES_URL" >&2
status=0
"$@" || status=$?
exit $status
