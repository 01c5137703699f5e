#!/usr/bin/env bash
# slurm-local.sh — a real, single-node Slurm cluster on this machine, for trying and testing
# `crackdown slurm` without a cluster.
#
#   bash scripts/slurm-local.sh          # start (installs slurm-wlm and munge first if missing)
#   bash scripts/slurm-local.sh status   # show the node
#   bash scripts/slurm-local.sh stop     # stop the daemons this script started
#
# Needs root: it installs Debian's slurm-wlm and munge packages with apt-get when they are
# missing, writes /etc/slurm/slurm.conf (only if there is none, or the one there was written by
# this script, so a real cluster's configuration is never touched), creates the munge key, and
# starts munged, slurmctld and slurmd. The node's CPUs and memory come from `slurmd -C`; it is
# reached on 127.0.0.1 only. Jobs run as the user who submits them; the daemons run as root.
set -euo pipefail

MARK="# written by crackdown scripts/slurm-local.sh"
CONF_DIR=/etc/slurm
CONF="$CONF_DIR/slurm.conf"
STATE=/var/lib/slurm-crackdown
LOGS=/var/log/slurm-crackdown
RUN=/run/slurm-crackdown
WAIT_SECONDS=${SLURM_LOCAL_WAIT:-90}

say() { echo "slurm-local: $*" >&2; }
die() { say "$*"; exit 1; }

need_root() {
  [ "$(id -u)" -eq 0 ] || die "needs root (it installs packages, writes $CONF and starts daemons)"
}

install_packages() {
  local missing=()
  for cmd in slurmctld slurmd sbatch sinfo; do command -v "$cmd" >/dev/null 2>&1 || missing+=(slurm-wlm); done
  command -v munged >/dev/null 2>&1 || missing+=(munge)
  [ ${#missing[@]} -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  say "installing ${missing[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  # Package lists may be absent on a fresh machine: update once, then install.
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# A pid file counts only if its process is alive and is the daemon named (not a reused pid).
pid_alive() {
  local file=$1 name=$2 pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ]
}

start_munge() {
  mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
  if [ ! -s /etc/munge/munge.key ]; then
    say "creating the munge key"
    if command -v mungekey >/dev/null 2>&1; then
      mungekey --create --keyfile=/etc/munge/munge.key --force
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
    fi
  fi
  if id munge >/dev/null 2>&1; then
    chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
  fi
  chmod 0700 /etc/munge
  chmod 0400 /etc/munge/munge.key
  if munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
    return 0 # a munged is already answering
  fi
  if id munge >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/munged.pid
  else
    /usr/sbin/munged --force --pid-file=/run/munge/munged.pid
  fi
  for _ in $(seq 1 50); do
    munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "munged did not start (see /var/log/munge/munged.log)"
}

write_conf() {
  if [ -f "$CONF" ] && ! grep -qF "$MARK" "$CONF"; then
    die "$CONF exists and was not written by this script: refusing to replace a real cluster's configuration"
  fi
  local host node
  host=$(hostname -s)
  # First line of `slurmd -C`: NodeName=<host> CPUs=.. Boards=.. ... RealMemory=..
  node=$(slurmd -C | head -n 1)
  case "$node" in NodeName=*) ;; *) die "unexpected output of slurmd -C: $node" ;; esac
  mkdir -p "$CONF_DIR" "$STATE/ctld" "$STATE/d" "$LOGS" "$RUN"
  cat >"$CONF" <<EOF
$MARK
# A single-node cluster on localhost for testing; see scripts/slurm-local.sh in crackdown.
ClusterName=crackdown-local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
MpiDefault=none
# No cgroups: they are often unavailable in containers, and a test cluster needs no limits.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
# Finished jobs stay visible to scontrol for 10 minutes (tests poll their final state).
MinJobAge=600
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$LOGS/slurmctld.log
SlurmdLogFile=$LOGS/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

node_state() { sinfo -h -N -o '%T' 2>/dev/null | head -n 1; }

start() {
  need_root
  install_packages
  start_munge
  if pid_alive "$RUN/slurmctld.pid" slurmctld && pid_alive "$RUN/slurmd.pid" slurmd && [ "$(node_state)" = idle ]; then
    say "already running"; sinfo; return 0
  fi
  write_conf
  pid_alive "$RUN/slurmctld.pid" slurmctld || slurmctld
  pid_alive "$RUN/slurmd.pid" slurmd || slurmd
  local deadline=$((SECONDS + WAIT_SECONDS)) state=""
  while [ $SECONDS -lt $deadline ]; do
    state=$(node_state || true)
    case "$state" in
      idle|mixed|allocated) sinfo; say "up: node $(hostname -s) is $state"; return 0 ;;
      down*|drain*|fail*) scontrol update nodename="$(hostname -s)" state=resume 2>/dev/null || true ;;
    esac
    sleep 1
  done
  say "the node did not become idle within ${WAIT_SECONDS}s (state: ${state:-none}); logs in $LOGS"
  tail -n 20 "$LOGS/slurmctld.log" "$LOGS/slurmd.log" >&2 2>/dev/null || true
  exit 1
}

stop_pid() {
  local name=$1 file=$2
  if pid_alive "$file" "$name"; then
    local pid; pid=$(cat "$file")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    say "stopped $name ($pid)"
  fi
  rm -f "$file"
}

stop() {
  need_root
  stop_pid slurmd "$RUN/slurmd.pid"
  stop_pid slurmctld "$RUN/slurmctld.pid"
  stop_pid munged /run/munge/munged.pid
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) sinfo -N -l ;;
  *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac
