#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on this host for the farm tests, with
# everything under one directory that the caller owns:
#
#   tests/farm/slurm_cluster.sh start DIR   # prints KEY=VALUE lines to stdout
#   tests/farm/slurm_cluster.sh stop DIR
#
# start makes DIR's munge key, runs its own munged (socket, pid, log, seed under
# DIR/munge), writes DIR/slurm.conf (cluster retake-test, this host as the one
# node with nproc CPUs, one default partition, two 1-CPU jobs side by side), runs
# slurmctld and slurmd on it and waits (at most RETAKE_SLURM_WAIT seconds, 30 by
# default) until sinfo shows the node idle. Then it prints what a client needs,
# one KEY=VALUE a line (SLURM_CONF=DIR/slurm.conf, ...), and writes the same as
# `export` lines to DIR/env.sh. Progress goes to stderr. On failure it prints
# the daemons' log tails and exits non-zero.
#
# stop cancels the cluster's jobs, then ends exactly the daemons that start ran
# (by their pid files, checked against /proc so that a reused pid is left
# alone) and waits for them; a slurmstepd or daemon of DIR's cluster still
# alive after that (one with a file under DIR open) is ended too. Both work on
# a stale DIR (a killed run, a reboot), and start on a running cluster stops it
# first; every start is a fresh cluster (job ids from 1, no jobs). Nothing
# outside DIR is written; files of the caller in DIR other than slurm.conf,
# env.sh and the folders munge, state, spool, log and run are left alone.
#
# Needs root (it says which steps, below), Debian's slurmctld, slurmd,
# slurm-client and munge packages (packaging/setup-debian12.sh), and no
# systemd or cgroups: processes are tracked by /proc (proctrack/linuxproc).
#
#   RETAKE_SLURM_PORT  slurmctld's port; slurmd gets the next one (default:
#                      the first free pair from 16817 up)
#   RETAKE_SLURM_WAIT  seconds start waits for the node (default 30)
#
# Without slurmdbd plain `sacct` only says "Slurm accounting storage is
# disabled". Ended jobs stay in `squeue -t all` and `scontrol show job` for
# MinJobAge (1 h here), and each is one line in DIR/log/jobcomp.txt, which
# `sacct -c` reads (array tasks there by their own job ids, not as ID_N).
set -euo pipefail

usage() {
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
}
(($# == 2)) || usage
action=$1
case $action in start | stop) ;; *) usage ;; esac

if ((EUID != 0)); then
  echo "slurm_cluster: must run as root: slurmd starts jobs as their users and" \
    "SlurmUser is root (e.g. sudo $0 $*)" >&2
  exit 1
fi

if [ "$action" = stop ] && [ ! -d "$2" ]; then
  exit 0 # nothing was started there
fi
mkdir -p "$2"
dir=$(cd "$2" && pwd -P)
case $dir in
  *[[:space:]\"\'\$\\#=]*)
    echo "slurm_cluster: DIR must not contain blanks, quotes, \$, \\, # or =: $dir" >&2
    exit 2
    ;;
esac
munge_socket=$dir/munge/munge.socket
# A unix socket's path has room for 107 bytes.
if ((${#munge_socket} > 100)); then
  echo "slurm_cluster: DIR is too long for munge's socket path: $munge_socket" >&2
  exit 2
fi

conf=$dir/slurm.conf

log() { echo "slurm_cluster: $*" >&2; }

# Whether PID is one of this cluster's processes: a Slurm or munge daemon, or a
# slurmstepd, with a file under DIR open (its log, pid file or socket lock).
# Reading another process's /proc/PID/fd needs root.
ours() {
  local comm fd target
  comm=$(cat "/proc/$1/comm" 2>/dev/null) || return 1
  case $comm in slurmctld | slurmscriptd | slurmd | slurmstepd | munged) ;; *) return 1 ;; esac
  for fd in "/proc/$1/fd/"*; do
    target=$(readlink "$fd" 2>/dev/null) || continue
    [[ $target == "$dir/"* ]] && return 0
  done
  return 1
}

# The pid in pid file FILE if that process is alive and ours.
pid_from() {
  local pid
  [ -r "$1" ] || return 1
  pid=$(tr -dc 0-9 <"$1")
  [ -n "$pid" ] && ours "$pid" || return 1
  echo "$pid"
}

# Every process of this cluster still alive, and for each slurmstepd the job
# processes in its session.
cluster_pids() {
  local pid sid
  for pid in $(for c in slurmctld slurmscriptd slurmd slurmstepd munged; do pgrep -x "$c"; done); do
    ours "$pid" || continue
    echo "$pid"
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = slurmstepd ]; then
      sid=$(ps -o sid= -p "$pid" | tr -d ' ')
      [ -n "$sid" ] && pgrep -s "$sid"
    fi
  done | sort -un
  return 0
}

# Whether PID runs (a zombie that init has not reaped yet does not).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}

# Sends TERM to PIDS, waits up to GRACE seconds, then KILLs what is left and
# waits again (the daemons run as root: signalling them needs root).
end_pids() {
  local grace=$1 pid left i
  shift
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < grace * 10; i++)); do
    left=()
    for pid in "$@"; do alive "$pid" && left+=("$pid"); done
    ((${#left[@]})) || return 0
    sleep 0.1
  done
  log "still running after $grace s, killing: ${left[*]}"
  kill -KILL "${left[@]}" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    left=()
    for pid in "$@"; do alive "$pid" && left+=("$pid"); done
    ((${#left[@]})) || return 0
    sleep 0.1
  done
  log "could not end: ${left[*]}"
  return 1
}

stop_cluster() {
  local daemons=() munged=() left=() running f i
  # Cancel the jobs while the controller runs, so that slurmstepd ends them,
  # and wait up to 15 s until none is running or completing.
  if pid_from "$dir/run/slurmctld.pid" >/dev/null && [ -r "$conf" ]; then
    export SLURM_CONF=$conf
    # Root: cancels every user's jobs.
    timeout 10 scancel --quiet --partition=retake >/dev/null 2>&1 || true
    for ((i = 0; i < 75; i++)); do
      running=$(timeout 5 squeue -h -t CF,R,CG,S,SO -o %i 2>/dev/null) || break
      [ -z "$running" ] && break
      sleep 0.2
    done
  fi
  # slurmd and the controller together (each takes a second or two to shut
  # down), then munged that both use.
  local pid
  for f in run/slurmd.pid run/slurmctld.pid; do
    pid=$(pid_from "$dir/$f") && daemons+=("$pid")
  done
  pid=$(pid_from "$dir/munge/munged.pid") && munged+=("$pid")
  end_pids 15 "${daemons[@]}"
  end_pids 15 "${munged[@]}"
  rm -f "$dir/run/slurmd.pid" "$dir/run/slurmctld.pid" "$dir/munge/munged.pid"
  # Whatever else of ours is alive: a slurmscriptd, a slurmstepd and its job
  # that outlived the cancel, a daemon of a run whose pid file is gone (a
  # slurmstepd ignores TERM: it gets KILL after 2 s).
  mapfile -t left < <(cluster_pids)
  if ((${#left[@]})); then
    log "ending leftover processes: ${left[*]}"
    end_pids 2 "${left[@]}"
  fi
  rm -f "$dir/munge/munge.socket" "$dir/munge/munge.socket.lock"
  ((${#daemons[@]} + ${#munged[@]} == 0)) ||
    log "stopped daemons ${daemons[*]} ${munged[*]}"
  return 0
}

if [ "$action" = stop ]; then
  stop_cluster
  exit 0
fi

# ---- start -------------------------------------------------------------------
t0=$(date +%s.%N)
stop_cluster # a cluster already running on DIR, or a stale one

fail() {
  local f
  log "$*"
  for f in munge/munged.log log/slurmctld.log log/slurmd.log log/slurmctld.out log/slurmd.out; do
    if [ -s "$dir/$f" ]; then
      echo "---- tail of $dir/$f" >&2
      tail -n 25 "$dir/$f" >&2
    fi
  done
  stop_cluster
  exit 1
}

for cmd in munged mungekey munge slurmctld slurmd sinfo sbatch; do
  command -v "$cmd" >/dev/null ||
    { log "$cmd is missing: run packaging/setup-debian12.sh"; exit 1; }
done

# Fresh state each start: old jobs, logs and sockets go.
rm -rf "$dir/munge" "$dir/state" "$dir/spool" "$dir/log" "$dir/run"
# munged wants its socket's directory searchable by all and writable by none
# but its owner (root).
install -d -m 0755 "$dir/munge"
install -d -m 0755 "$dir/state" "$dir/spool" "$dir/log" "$dir/run"

# munge: a key of this cluster's own, and a munged on its own socket (root:
# the key and munged are owned by root, as slurmctld and slurmd that use it).
# --force: munged refuses a socket that not everyone can reach, as in a DIR
# from mktemp -d (0700); forced, it warns, and root, who submits the test
# jobs, reaches it all the same.
mungekey --create --keyfile="$dir/munge/munge.key" --force 2>/dev/null ||
  fail "mungekey could not create $dir/munge/munge.key"
chmod 0400 "$dir/munge/munge.key"
munged --force --socket="$munge_socket" --key-file="$dir/munge/munge.key" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" \
  --seed-file="$dir/munge/munged.seed" </dev/null >>"$dir/munge/munged.out" 2>&1 ||
  fail "munged did not start"
munge -n -S "$munge_socket" | unmunge -S "$munge_socket" >/dev/null ||
  fail "munged does not answer on $munge_socket"

# Ports: the first free pair from 16817 (Slurm's own are 6817 and 6818).
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [ -n "${RETAKE_SLURM_PORT:-}" ]; then
  ctld_port=$RETAKE_SLURM_PORT
else
  for ((ctld_port = 16817; ctld_port < 16917; ctld_port += 2)); do
    port_free "$ctld_port" && port_free $((ctld_port + 1)) && break
  done
fi
slurmd_port=$((ctld_port + 1))

host=$(hostname -s)
cpus=$(nproc)
mem_mib=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
real_mem=$((mem_mib - mem_mib / 20 - 256)) # 5% and 256 MiB under MemTotal

cat >"$conf" <<EOF
# Written by tests/farm/slurm_cluster.sh start $dir; rewritten at each start.
ClusterName=retake-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket

StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info

# No cgroups in a container: track job processes through /proc, bind nothing.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=30
# No slurmdbd: sacct reads only the jobcomp file (sacct -c). Ended jobs stay
# in squeue -t all and scontrol show job for MinJobAge seconds. jobacct_gather
# /linux makes sstat work on running steps.
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$dir/log/jobcomp.txt
MinJobAge=3600

SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
# The node is described as nproc single-thread cores (so CR_Core runs one
# 1-CPU job per CPU); slurmd reports this rather than the real topology.
SlurmdParameters=config_overrides
SlurmdTimeout=60
InactiveLimit=0
KillWait=5

NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus Sockets=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=$real_mem State=UNKNOWN
PartitionName=retake Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
EOF

# slurmctld and slurmd run as root (SlurmUser=root; slurmd must be root to
# start jobs as their users). -c/-i: no state from an earlier run. Their stdio
# goes to files so that a caller reading start's output is not held open.
SLURM_CONF="$conf" slurmctld -c -i -f "$conf" \
  </dev/null >>"$dir/log/slurmctld.out" 2>&1 || fail "slurmctld did not start"
SLURM_CONF="$conf" slurmd -c -f "$conf" -N "$host" \
  </dev/null >>"$dir/log/slurmd.out" 2>&1 || fail "slurmd did not start"

wait_s=${RETAKE_SLURM_WAIT:-30}
deadline=$(($(date +%s) + wait_s))
state=
while :; do
  state=$(SLURM_CONF=$conf timeout 5 sinfo -h -n "$host" -o %T 2>/dev/null || true)
  [ "$state" = idle ] && break
  pid_from "$dir/run/slurmctld.pid" >/dev/null || fail "slurmctld exited"
  pid_from "$dir/run/slurmd.pid" >/dev/null || fail "slurmd exited"
  (($(date +%s) < deadline)) ||
    fail "node $host not idle after ${wait_s} s (sinfo: ${state:-no answer})"
  sleep 0.2
done

env_lines=(
  "SLURM_CONF=$conf"
  "RETAKE_SLURM_DIR=$dir"
  "RETAKE_SLURM_NODE=$host"
  "RETAKE_SLURM_PARTITION=retake"
  "RETAKE_SLURM_JOBCOMP=$dir/log/jobcomp.txt"
)
printf 'export %s\n' "${env_lines[@]}" >"$dir/env.sh"
printf '%s\n' "${env_lines[@]}"
log "up in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s:" \
  "node $host, $cpus CPUs, ports $ctld_port/$slurmd_port; . $dir/env.sh"
