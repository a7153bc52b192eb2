# Shared by the scripts in scripts/: paths, a JDK >= 21, logging, background processes.
# shellcheck shell=bash

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

log() { printf '%s [partnerplan] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Prints the home of a JDK >= 21: JAVA_HOME when it qualifies, else the newest under /usr/lib/jvm.
pp_java_home() {
  local candidate major best="" best_major=0
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    [ -n "$major" ] || continue
    if [ "$candidate" = "${JAVA_HOME:-}" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"; return 0
    fi
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  [ -n "$best" ] || die "no JDK >= 21 found (JAVA_HOME or /usr/lib/jvm/*); install one, e.g. Temurin 21 or 25"
  echo "$best"
}

# wait_for_port HOST PORT TIMEOUT_SECONDS
wait_for_port() {
  local host="$1" port="$2" deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.2
  done
}

# start_bg NAME LOGFILE PIDFILE CMD... : runs CMD detached (own session), records its PID.
start_bg() {
  local name="$1" logfile="$2" pidfile="$3"; shift 3
  mkdir -p "$(dirname "$logfile")" "$(dirname "$pidfile")"
  setsid nohup "$@" >>"$logfile" 2>&1 < /dev/null &
  echo $! > "$pidfile"
  log "started $name (pid $!)"
}

# stop_pid PIDFILE TIMEOUT_SECONDS : TERM, then KILL after the timeout; never by name.
stop_pid() {
  local pidfile="$1" timeout="$2" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + timeout))
    while kill -0 "$pid" 2>/dev/null; do
      if [ $SECONDS -ge $deadline ]; then
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  fi
  rm -f "$pidfile"
}

# Runs a command as the PostgreSQL OS user when we are root (the server refuses to run as root).
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
