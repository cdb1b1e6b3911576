#!/usr/bin/env bash
# 高可用演示与测试：用 pg_auto_failover 在本机回环地址上建立一个监控节点（monitor）、
# 一个主库（primary）和一个备库（standby），三者是各自独立的 PostgreSQL 集群；主备之间为同步
# 复制（synchronous_standby_names = ANY 1 (…)，synchronous_commit = on）：已确认的提交必已写到备库。
# 主库故障时，监控节点提升备库；RedShield 用多主机 DATABASE_URL（target_session_attrs=read-write）
# 自行找到新的主库。
#
# High availability on one machine with pg_auto_failover (Debian: postgresql-15-auto-failover):
# a monitor, a primary and a standby, each its own cluster on a loopback port, with synchronous
# replication, so a commit the primary acknowledged is on the standby too. When the primary fails
# the monitor promotes the standby; RedShield follows through its multi-host DATABASE_URL.
#
#   deploy/ha/pg-auto-failover.sh up [DIR]            create and start the three nodes, wait until
#                                                     the pair replicates synchronously, print the URL
#   deploy/ha/pg-auto-failover.sh url [DIR]           the DATABASE_URL for RedShield
#   deploy/ha/pg-auto-failover.sh state [DIR]         the monitor's view (pg_autoctl show state)
#   deploy/ha/pg-auto-failover.sh primary [DIR]       the port of the current primary
#   deploy/ha/pg-auto-failover.sh wait-primary PORT [DIR]   wait until the node on PORT is primary
#   deploy/ha/pg-auto-failover.sh kill-primary [DIR]  SIGKILL the primary node (its pg_autoctl and
#                                                     postgres): a crash, not a shutdown
#   deploy/ha/pg-auto-failover.sh restart NODE [DIR] start a stopped node again (node1, node2, monitor):
#                                                     a former primary rejoins as the standby
#   deploy/ha/pg-auto-failover.sh down [DIR]          stop everything and delete DIR
#
# DIR defaults to $HA_DIR or /tmp/redshield-ha. Ports: HA_PORT_BASE (default 25421) for the monitor,
# +1 and +2 for the two data nodes (the range 25421–25429 is RedShield's for such clusters: below
# Linux's ephemeral ports, 32768–60999, which any outgoing connection may be given).
# PostgreSQL does not run as root: as root the nodes run as the user `postgres` (runuser), otherwise
# as the calling user. Loopback only, trust authentication, no TLS: a demonstration and a test
# fixture, not a production deployment (there: one node per machine, --ssl-self-signed or real
# certificates, --auth scram-sha-256 with a .pgpass, and the monitor on a third machine).
#
# Timing. A failover takes the time to find the primary unhealthy, then primary_demote_timeout: the
# monitor promotes the standby only once the old primary must have demoted itself (its keeper does
# after network_partition_timeout without the monitor and without a standby), so two primaries never
# take writes at once. pg_auto_failover's defaults give 20 s + 30 s; here, for the fault test:
# HA_HEALTH_CHECK_MS (default 1000), HA_UNHEALTHY_MS (5000), HA_PARTITION_TIMEOUT_S (5) and
# HA_DEMOTE_TIMEOUT_MS (10000, keep it above the partition timeout), about 15 s in all.
set -euo pipefail

cmd="${1:-}"
[ $# -gt 0 ] && shift
if [ "$cmd" = wait-primary ]; then
  want_port="${1:?wait-primary needs a port}"
  shift
elif [ "$cmd" = restart ]; then
  restart_node="${1:?restart needs a node name: node1, node2 or monitor}"
  shift
fi
DIR="${1:-${HA_DIR:-/tmp/redshield-ha}}"
BASE="${HA_PORT_BASE:-25421}"
MON_PORT=$BASE
NODE_PORTS=($((BASE + 1)) $((BASE + 2)))
DBNAME="${HA_DBNAME:-redshield}"
HEALTH_CHECK_MS="${HA_HEALTH_CHECK_MS:-1000}"
UNHEALTHY_MS="${HA_UNHEALTHY_MS:-5000}"
PARTITION_TIMEOUT_S="${HA_PARTITION_TIMEOUT_S:-5}"
DEMOTE_TIMEOUT_MS="${HA_DEMOTE_TIMEOUT_MS:-10000}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
export PATH="$PG_BIN:$PATH"
# The caller's libpq settings (CI exports PGHOST/PGPORT/PGUSER for its own server) must not leak in.
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS

if [ "$(id -u)" = 0 ]; then
  RUN_AS=(runuser -u postgres --)
else
  RUN_AS=()
fi

# pg_autoctl keeps its configuration and state under XDG_*; keep them inside DIR, so `down` removes all.
as_pg() {
  "${RUN_AS[@]}" env PATH="$PATH" XDG_CONFIG_HOME="$DIR/xdg/config" XDG_DATA_HOME="$DIR/xdg/data" \
    XDG_RUNTIME_DIR="$DIR/xdg/run" PGHOST=127.0.0.1 "$@"
}

die() {
  echo "pg-auto-failover.sh: $*" >&2
  exit 1
}

mon_sql() { as_pg psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$MON_PORT" -d pg_auto_failover -c "$1"; }

# Starts `pg_autoctl run` for one node in a session of its own: its pid is its process group's id.
start_node() {
  as_pg setsid pg_autoctl run --pgdata "$DIR/$1" >>"$DIR/$1.log" 2>&1 </dev/null &
}

# SIGKILL to a node's pg_autoctl process group (supervisor, keeper, postgres controller) and to its
# postmaster, should it have a group of its own: nothing of the node is left to restart it.
kill_node() {
  local pidfile
  pidfile="$(as_pg pg_autoctl show file --pid --pgdata "$DIR/$1" 2>/dev/null)" || true
  if [ -n "$pidfile" ] && [ -f "$pidfile" ]; then kill -KILL -- "-$(head -n1 "$pidfile")" 2>/dev/null || true; fi
  if [ -f "$DIR/$1/postmaster.pid" ]; then kill -KILL "$(head -n1 "$DIR/$1/postmaster.pid")" 2>/dev/null || true; fi
}

wait_until() {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 2))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  die "timed out after ${seconds}s waiting for $what (logs in $DIR/*.log)"
}

# The reported state of the node on a port, as the monitor sees it (primary, secondary, wait_primary …).
node_state() { mon_sql "select reportedstate from pgautofailover.node where nodeport = $1"; }
# A primary alone (its standby gone) is wait_primary: it takes writes, without a synchronous standby.
primary_port() {
  mon_sql "select nodeport from pgautofailover.node where reportedstate in ('primary', 'wait_primary') and goalstate = reportedstate"
}
is_state() { [ "$(node_state "$1")" = "$2" ]; }
is_primary() { [ "$(as_pg psql -X -At -h 127.0.0.1 -p "$1" -d "$DBNAME" -c 'select pg_is_in_recovery()')" = f ] && [ "$(primary_port)" = "$1" ]; }
is_sync() {
  [ -n "$(as_pg psql -X -At -h 127.0.0.1 -p "$1" -d "$DBNAME" -c "select 1 from pg_stat_replication where sync_state in ('sync','quorum')")" ]
}

up() {
  command -v pg_autoctl >/dev/null || die "pg_autoctl not found: apt-get install -y postgresql-15-auto-failover (.ci/run does)"
  [ -e "$DIR/monitor" ] && die "$DIR already holds a setup: run '$0 down $DIR' first"
  mkdir -p "$DIR/xdg/config" "$DIR/xdg/data" "$DIR/xdg/run"
  chmod 700 "$DIR/xdg/run"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$DIR"
  as_pg test -w "$DIR/xdg/run" || die "$DIR is not writable by $(as_pg id -un): its parent folders must let it through"

  as_pg pg_autoctl create monitor --pgdata "$DIR/monitor" --pgport "$MON_PORT" --hostname 127.0.0.1 \
    --auth trust --no-ssl >"$DIR/monitor.log" 2>&1 || die "creating the monitor failed: $(tail -n 20 "$DIR/monitor.log")"
  start_node monitor
  wait_until "the monitor" 60 mon_sql 'select 1 from pgautofailover.formation limit 1'
  # Faster failure detection than the defaults (5 s checks, 20 s before a node counts as unhealthy).
  for setting in health_check_period="$HEALTH_CHECK_MS" health_check_timeout="$HEALTH_CHECK_MS" \
    health_check_max_retries=1 health_check_retry_delay="$HEALTH_CHECK_MS" node_considered_unhealthy_timeout="$UNHEALTHY_MS" \
    primary_demote_timeout="$DEMOTE_TIMEOUT_MS"; do
    mon_sql "alter system set pgautofailover.${setting%%=*} = ${setting#*=}" >/dev/null
  done
  mon_sql 'select pg_reload_conf()' >/dev/null
  local monitor_uri="postgres://autoctl_node@127.0.0.1:$MON_PORT/pg_auto_failover?sslmode=disable"

  local i=1
  for port in "${NODE_PORTS[@]}"; do
    as_pg pg_autoctl create postgres --pgdata "$DIR/node$i" --pgport "$port" --hostname 127.0.0.1 \
      --listen 127.0.0.1 --name "node$i" --dbname "$DBNAME" --monitor "$monitor_uri" --auth trust --no-ssl \
      >"$DIR/node$i.log" 2>&1 || die "creating node$i failed: $(tail -n 20 "$DIR/node$i.log")"
    as_pg pg_autoctl config set --pgdata "$DIR/node$i" timeout.network_partition_timeout "$PARTITION_TIMEOUT_S" >/dev/null
    start_node "node$i"
    if [ $i = 1 ]; then
      wait_until "node1 to be primary" 120 is_state "$port" single
    fi
    i=$((i + 1))
  done
  wait_until "node2 to be a secondary" 180 is_state "${NODE_PORTS[1]}" secondary
  wait_until "node1 to be primary" 60 is_primary "${NODE_PORTS[0]}"
  wait_until "synchronous replication" 60 is_sync "${NODE_PORTS[0]}"
  url
}

url() {
  echo "postgres://postgres@127.0.0.1:${NODE_PORTS[0]},127.0.0.1:${NODE_PORTS[1]}/$DBNAME?target_session_attrs=read-write"
}

kill_primary() {
  local port name
  port="$(primary_port)"
  [ -n "$port" ] || die "no primary"
  for i in 1 2; do [ "${NODE_PORTS[$((i - 1))]}" = "$port" ] && name="node$i"; done
  kill_node "$name"
  echo "$name $port"
}

down() {
  [ -d "$DIR" ] || return 0
  for name in node2 node1 monitor; do
    [ -d "$DIR/$name" ] && as_pg pg_autoctl stop --pgdata "$DIR/$name" --immediate >/dev/null 2>&1 || true
  done
  sleep 1
  for name in node2 node1 monitor; do [ -d "$DIR/$name" ] && kill_node "$name"; done
  rm -rf "$DIR"
}

case "$cmd" in
  up) up ;;
  url) url ;;
  state) as_pg pg_autoctl show state --pgdata "$DIR/monitor" ;;
  primary) primary_port ;;
  wait-primary) wait_until "the node on port $want_port to be primary" 120 is_primary "$want_port" ;;
  kill-primary) kill_primary ;;
  restart) start_node "$restart_node" ;;
  down) down ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2 && exit 2 ;;
esac
