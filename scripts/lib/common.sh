# Shared by the scripts in scripts/ (sourced, never run): paths, a JDK, logging, background
# processes, packages and the third-party tools of scripts/tools/pom.xml.
# shellcheck shell=bash

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Messages go to stderr so that stdout stays machine-readable (env lines, tokens, paths).
log() { printf '%s [partnerplan] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# pp_java_major HOME: the Java feature version of HOME ("17", "25"), empty when unknown.
# Reads HOME/release first: starting a JVM per candidate would cost ~0.1 s each.
pp_java_major() {
  local home="$1" version=""
  if [ -f "$home/release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [ -z "$version" ] && [ -x "$home/bin/java" ]; then
    version="$("$home/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = *//p')"
  fi
  version="${version#1.}"          # 1.8 -> 8
  printf '%s\n' "${version%%[!0-9]*}"
}

# pp_java_home [MIN]: prints (and exports as JAVA_HOME) a Java home of version >= MIN (default 21,
# what the build needs). JAVA_HOME wins when it qualifies; otherwise the newest under
# /usr/lib/jvm or behind `java` on the PATH, full JDKs (with javac) before bare runtimes.
# Use as JAVA_HOME="$(pp_java_home)"; export JAVA_HOME  (a substitution cannot export for you).
pp_java_home() {
  local min="${1:-21}" candidate major score best="" best_score=-1 path_java candidates
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major="$(pp_java_major "$JAVA_HOME")"
    if [ "${major:-0}" -ge "$min" ]; then
      export JAVA_HOME
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  candidates=(/usr/lib/jvm/*)
  if path_java="$(command -v java 2>/dev/null)"; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$path_java")")")")
  fi
  for candidate in "${candidates[@]}"; do
    [ -x "$candidate/bin/java" ] || continue
    major="$(pp_java_major "$candidate")"
    [ "${major:-0}" -ge "$min" ] || continue
    score="$major"
    [ -x "$candidate/bin/javac" ] && score=$((score + 1000))
    if [ "$score" -gt "$best_score" ]; then
      best="$candidate" best_score="$score"
    fi
  done
  if [ -z "$best" ]; then
    log "error: no Java >= $min (checked JAVA_HOME, /usr/lib/jvm/*, PATH); install e.g. Temurin 21 or 25"
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
  printf '%s\n' "$best"
}

# The services' JVM flags (scripts/stack), also the benchmark's reference application's (bench/run), so
# that every figure has its floor measured on the same JVM set-up.
pp_service_java_opts=(-Xms64m -Xmx256m -XX:+UseSerialGC --add-opens java.base/java.lang=ALL-UNNAMED)

# wait_for_port HOST PORT TIMEOUT_S: succeeds once HOST:PORT accepts a TCP connection; with a
# timeout of 0 it tries once (a cheap "is anything listening?").
wait_for_port() {
  local host="$1" port="$2" deadline=$((SECONDS + $3))
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.2
  done
}

# pid_live PID [CMDLINE_PART]: the process runs (a zombie does not count: detached processes are
# reaped by init, here only after a second or two) and, when CMDLINE_PART is given, its command
# line contains it, so a PID reused by an unrelated process after a crash is never taken for ours.
pid_live() {
  local pid="$1" expect="${2:-}" stat
  case "$pid" in '' | *[!0-9]*) return 1 ;; esac
  stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
  stat="${stat##*) }"
  [ "${stat:0:1}" != Z ] || return 1
  [ -z "$expect" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$expect"
}

# pid_alive PIDFILE [CMDLINE_PART]: pid_live for the PID recorded in PIDFILE.
pid_alive() {
  [ -s "$1" ] && pid_live "$(cat "$1")" "${2:-}"
}

# wait_pid_gone PID TIMEOUT_S: waits until PID no longer runs; fails on timeout.
wait_pid_gone() {
  local deadline=$((SECONDS + $2))
  while pid_live "$1"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# start_bg NAME LOGFILE PIDFILE CMD...: runs CMD detached in its own session (it survives the
# calling script and terminal), output appended to LOGFILE, PID written to PIDFILE.
start_bg() {
  local name="$1" logfile="$2" pidfile="$3"
  shift 3
  mkdir -p "$(dirname "$logfile")" "$(dirname "$pidfile")"
  # Without job control the child is not a group leader, so setsid does not fork: $! is CMD's PID.
  # fd 9 is the scripts' lock (flock): a long-lived child must not inherit and hold it.
  set +m
  setsid nohup "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$pidfile"
  log "started $name (pid $!, log $logfile)"
}

# stop_pid PIDFILE TIMEOUT_S [CMDLINE_PART]: TERM, then KILL after the timeout; only the recorded
# PID (checked against CMDLINE_PART when given), never processes found by name. Removes PIDFILE.
stop_pid() {
  local pidfile="$1" timeout="$2" expect="${3:-}" pid
  [ -f "$pidfile" ] || return 0
  if pid_alive "$pidfile" "$expect"; then
    pid="$(cat "$pidfile")"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_pid_gone "$pid" "$timeout"; then
      log "pid $pid still running after ${timeout}s: KILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" 5 || true
    fi
  fi
  rm -f "$pidfile"
}

# pp_apt_install PACKAGE...: installs Debian packages when we are root; otherwise explains.
pp_apt_install() {
  [ "$(id -u)" = 0 ] || die "missing: $*; ask an administrator to run: apt-get install -y $*"
  command -v apt-get >/dev/null 2>&1 || die "missing: $* (and no apt-get to install it)"
  log "installing $* (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists may be absent or stale on a fresh machine: update only when a plain install fails.
  apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$@" >/dev/null; } \
    || die "apt-get install $* failed"
}

# pp_tool_dir kafka|greenmail|swagger-ui: prints .infra/tools/<tool>, fetching it first with
# scripts/tools/pom.xml unless its marker says it was fetched with the current pom.
pp_tool_dir() {
  local tool="$1" tools="$repo_root/.infra/tools" pom="$repo_root/scripts/tools/pom.xml"
  local dir="$tools/$1" skips=() other stamp
  case "$tool" in kafka | greenmail | swagger-ui) ;; *) die "unknown tool $tool" ;; esac
  stamp="$(sha256sum "$pom" | cut -d' ' -f1)"
  if [ "$(cat "$dir/.fetched" 2>/dev/null)" != "$stamp" ]; then
    mkdir -p "$tools"
    (
      # Two scripts fetching at once would interleave their copies: one at a time.
      flock -w 600 9 || die "timed out waiting for $tools/.lock"
      if [ "$(cat "$dir/.fetched" 2>/dev/null)" = "$stamp" ]; then exit 0; fi
      for other in kafka greenmail swagger-ui; do
        [ "$other" = "$tool" ] || skips+=("-D$other.skip=true")
      done
      log "fetching $tool from Maven Central into $dir"
      rm -rf "$dir"   # a partial or older copy would leave stale jars on Kafka's classpath
      # Maven 3.9 runs on any Java >= 8; keep the caller's JAVA_HOME when it has one.
      JAVA_HOME="$(pp_java_home 11)" || exit 1
      export JAVA_HOME
      "$repo_root/mvnw" -B -ntp -q -f "$pom" package "${skips[@]}" "-D$tool.dir=$dir" \
        >"$tools/fetch-$tool.log" 2>&1 || { tail -30 "$tools/fetch-$tool.log" >&2; die "fetching $tool failed"; }
      printf '%s\n' "$stamp" >"$dir/.fetched"
    ) 9>"$tools/.lock" || return 1
  fi
  printf '%s\n' "$dir"
}
