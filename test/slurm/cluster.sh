#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, for the Slurm tests: Debian's slurm-wlm and munge,
# daemons started by hand (no systemd), all config, state, logs and pid files under one private folder.
#
#   test/slurm/cluster.sh start    install if missing (root), write the config, start munged, slurmctld
#                                  and slurmd, wait until the node is idle; already up is fine.
#                                  Its last line on stdout is `export SLURM_CONF=...`; the same line is
#                                  in $ZEROSIM_SLURM_DIR/env.
#   test/slurm/cluster.sh stop     cancel the cluster's jobs, stop the daemons it started, leave no process.
#   test/slurm/cluster.sh status   exit 0 and print the node's state when up, exit 1 when not.
#
# ZEROSIM_SLURM_DIR chooses the private folder (default /tmp/zerosim-slurm). ZEROSIM_SLURM_PORT is the
# slurmctld port (default 6817); slurmd listens on the next one.
#
# CI (.ci/run, as root in a fresh clone) calls it before `npm test` and stops it on the way out:
#   bash test/slurm/cluster.sh start
#   trap 'bash test/slurm/cluster.sh stop' EXIT
#   source /tmp/zerosim-slurm/env        # optional: the tests find SLURM_CONF themselves
# The first start on a new machine installs the packages (apt-get, about a minute); test/slurm's own
# beforeAll runs `start` too, so the tests also work without it, and stop only a cluster they started.
set -euo pipefail
export PATH=$PATH:/usr/sbin:/sbin

DIR=${ZEROSIM_SLURM_DIR:-/tmp/zerosim-slurm}
PORT=${ZEROSIM_SLURM_PORT:-6817}
NODE=zerosim-node
CONF=$DIR/etc/slurm.conf
MUNGE_SOCKET=$DIR/munge/munge.socket
MUNGE_PID=$DIR/munge/munged.pid
MUNGE_KEY=/etc/munge/munge.key
START_TIMEOUT=${ZEROSIM_SLURM_TIMEOUT:-60}
export SLURM_CONF=$CONF

log() { echo "cluster.sh: $*" >&2; }

# Whether a process runs; a zombie does not count (PID 1 here may never reap the daemons' exits).
running() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d ' ' -f 1) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# The pid in a pid file, if that process runs.
alive_pid() {
  local file=$1 pid
  [ -s "$file" ] || return 1
  pid=$(cat "$file")
  [[ $pid =~ ^[0-9]+$ ]] && running "$pid" && echo "$pid"
}

ensure_installed() {
  local missing=()
  for cmd in munged mungekey slurmctld slurmd sinfo sbatch squeue scontrol scancel; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "cluster.sh: Slurm is not installed (no ${missing[*]}); as root run: apt-get install -y slurm-wlm munge" >&2
    exit 1
  fi
  log "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
}

ensure_munge_key() {
  [ -s "$MUNGE_KEY" ] && return 0
  log "creating $MUNGE_KEY"
  mkdir -p "$(dirname "$MUNGE_KEY")"
  mungekey --create --keyfile="$MUNGE_KEY" 2>/dev/null ||
    dd if=/dev/urandom of="$MUNGE_KEY" bs=1024 count=1 status=none
  chown munge:munge "$MUNGE_KEY" 2>/dev/null || true
  chmod 400 "$MUNGE_KEY"
}

# Writes $2 to $1 only when it differs, so a running cluster keeps the same file.
write_if_changed() {
  local file=$1 text=$2
  if [ ! -f "$file" ] || [ "$(cat "$file")" != "$text" ]; then
    printf '%s\n' "$text" >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
}

write_config() {
  mkdir -p "$DIR"/{etc,run,log,state,spool,munge}
  # munged runs as the munge user: its socket, pid, log and seed live in a folder of its own.
  chown -R munge:munge "$DIR/munge"
  chmod 755 "$DIR/munge"
  local cpus mem_mb
  cpus=$(nproc)
  mem_mb=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
  write_if_changed "$CONF" "# Written by test/slurm/cluster.sh: one node on localhost, no cgroups, no accounting.
ClusterName=zerosim
SlurmctldHost=$(hostname -s)(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$MUNGE_SOCKET
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SwitchType=switch/none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=600
KillWait=5
NodeName=$NODE NodeHostname=$(hostname -s) NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP"
  write_if_changed "$DIR/etc/cgroup.conf" "# Written by test/slurm/cluster.sh: no cgroups are used (proctrack/linuxproc, task/none).
CgroupPlugin=autodetect
IgnoreSystemd=yes"
  write_if_changed "$DIR/env" "export SLURM_CONF=$CONF"
}

start_munged() {
  alive_pid "$MUNGE_PID" >/dev/null && return 0
  rm -f "$MUNGE_PID" "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
  runuser -u munge -- munged --socket="$MUNGE_SOCKET" --key-file="$MUNGE_KEY" --pid-file="$MUNGE_PID" \
    --log-file="$DIR/munge/munged.log" --seed-file="$DIR/munge/munged.seed" ||
    fail "munged did not start"
  for _ in $(seq 50); do
    [ -S "$MUNGE_SOCKET" ] && munge -n -S "$MUNGE_SOCKET" | unmunge -S "$MUNGE_SOCKET" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  fail "munged did not answer on $MUNGE_SOCKET"
}

start_slurmctld() {
  alive_pid "$DIR/run/slurmctld.pid" >/dev/null && return 0
  rm -f "$DIR/run/slurmctld.pid"
  # -c: a fresh controller forgets jobs of an earlier run.
  slurmctld -c -f "$CONF"
}

start_slurmd() {
  alive_pid "$DIR/run/slurmd.pid" >/dev/null && return 0
  rm -f "$DIR/run/slurmd.pid"
  slurmd -N "$NODE" -f "$CONF"
}

node_state() {
  sinfo -h -N -n "$NODE" -o %T 2>/dev/null | head -n 1
}

pid_file() {
  if [ "$1" = munged ]; then echo "$MUNGE_PID"; else echo "$DIR/run/$1.pid"; fi
}

log_file() {
  if [ "$1" = munged ]; then echo "$DIR/munge/munged.log"; else echo "$DIR/log/$1.log"; fi
}

show_logs() {
  local file
  for name in munged slurmctld slurmd; do
    file=$(log_file "$name")
    if [ -f "$file" ]; then
      echo "--- tail of $file" >&2
      tail -n 15 "$file" >&2
    fi
  done
}

fail() {
  echo "cluster.sh: error: $*" >&2
  show_logs
  exit 1
}

wait_idle() {
  local deadline=$((SECONDS + START_TIMEOUT)) state="" resumed=0
  while [ $SECONDS -lt $deadline ]; do
    for name in munged slurmctld slurmd; do
      # a daemon writes its pid file once forked: one whose file is there but is gone has died
      if [ -s "$(pid_file "$name")" ] && ! alive_pid "$(pid_file "$name")" >/dev/null; then
        fail "$name exited while starting (see $(log_file "$name"))"
      fi
    done
    state=$(node_state || true)
    case $state in
      idle | mixed | allocated | completing) return 0 ;;
      down* | drain* | drained*)
        if [ $resumed -eq 0 ] && alive_pid "$DIR/run/slurmd.pid" >/dev/null; then
          scontrol update nodename="$NODE" state=resume >/dev/null 2>&1 || true
          resumed=1
        fi
        ;;
    esac
    sleep 0.5
  done
  fail "node $NODE not idle after ${START_TIMEOUT}s (state: ${state:-no answer from slurmctld})"
}

cmd_start() {
  ensure_installed
  if [ "$(id -u)" -ne 0 ]; then
    echo "cluster.sh: start needs root (the daemons run as root and munge); run it with sudo" >&2
    exit 1
  fi
  ensure_munge_key
  write_config
  start_munged
  start_slurmctld || fail "slurmctld did not start"
  start_slurmd || fail "slurmd did not start"
  wait_idle
  echo "export SLURM_CONF=$CONF"
}

cmd_status() {
  local state
  for name in munged slurmctld slurmd; do
    if ! alive_pid "$(pid_file "$name")" >/dev/null; then
      echo "down: $name not running"
      return 1
    fi
  done
  state=$(node_state || true)
  if [ -z "$state" ]; then
    echo "down: slurmctld does not answer"
    return 1
  fi
  echo "up: node $NODE $state; export SLURM_CONF=$CONF"
}

# Sends TERM to the daemon in a pid file, then KILL after 10 s; removes the pid file.
stop_daemon() {
  local file pid
  file=$(pid_file "$1")
  if pid=$(alive_pid "$file"); then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      running "$pid" || break
      sleep 0.1
    done
    running "$pid" && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$file"
}

# Sessions of this cluster's job steps still running: a slurmstepd holds the cluster's slurmd log
# open, and its job's processes share its session.
step_sessions() {
  local exe
  for proc in /proc/[0-9]*; do
    exe=$(readlink "$proc/exe" 2>/dev/null) || continue
    case ${exe##*/} in slurmstepd*) ;; *) continue ;; esac
    running "${proc#/proc/}" || continue
    if ls -l "$proc/fd" 2>/dev/null | grep -qF -- "-> $DIR/"; then
      ps -o sid= -p "${proc#/proc/}" 2>/dev/null | tr -d ' '
    fi
  done | sort -u
}

# Kills what is left of job steps (after slurmd is gone): every process in their sessions.
kill_steps() {
  local sessions pids
  sessions=$(step_sessions)
  [ -n "$sessions" ] || return 0
  log "killing job steps left behind (sessions $(echo $sessions))"
  pids=$(ps -eo pid=,sid= | awk -v s=" $(echo $sessions) " 'index(s, " " $2 " ") { print $1 }')
  # shellcheck disable=SC2086
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  return 0
}

cmd_stop() {
  [ -f "$CONF" ] || return 0
  if alive_pid "$(pid_file slurmctld)" >/dev/null; then
    local jobs
    jobs=$(squeue -h -o %A 2>/dev/null || true)
    if [ -n "$jobs" ]; then
      # shellcheck disable=SC2086
      scancel $jobs 2>/dev/null || true
      for _ in $(seq 100); do
        [ -z "$(squeue -h -t running,completing -o %A 2>/dev/null || true)" ] && break
        sleep 0.1
      done
    fi
  fi
  stop_daemon slurmd
  stop_daemon slurmctld
  kill_steps
  stop_daemon munged
  rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
}

case ${1:-} in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
