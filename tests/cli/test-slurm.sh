#!/usr/bin/env bash
# scripts/cluster/slurm-extract end to end on a one-node Slurm cluster that this test starts
# on localhost (munged, slurmctld and slurmd from Debian's munge and slurm-wlm, every file in
# a temporary directory): the merged tables of the array job are byte-identical to one
# tmk-extract over the whole corpus; a shard whose task is killed makes the merge fail
# naming it, and a rerun redoes that shard alone. A missing daemon or command is a failure,
# never a skip (scripts/setup installs them). Run alone: ctest --test-dir build -L cluster
source "$TMK_SOURCE/tests/cli/lib.sh" || exit 1  # never run outside its temporary directory
CLUSTER="$TMK_SOURCE/scripts/cluster"
for command in munged munge slurmctld slurmd sbatch sinfo squeue scancel; do
  command -v "$command" >/dev/null || fail "$command is not on PATH (scripts/setup installs munge and slurm-wlm)"
done
for tool in tmk-extract tmk-merge tmk-count; do
  command -v "$tool" >/dev/null || fail "$tool is not on PATH (not built?)"
done

# --- A Slurm cluster of one node, all in $WORK/slurm ------------------------------------------
S="$WORK/slurm"
mkdir -p "$S/munge" "$S/state" "$S/spool" "$S/log"
chmod 700 "$S/munge"
head -c 1024 /dev/urandom >"$S/munge/key"
chmod 400 "$S/munge/key"
daemons=()
stop_cluster() {
  if [ -e "$S/slurm.conf" ]; then
    scancel --quiet --full "--user=$(id -un)" 2>/dev/null
    for _ in $(seq 20); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  local pid
  for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${daemons[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap stop_cluster EXIT

munged --foreground --force "--key-file=$S/munge/key" "--socket=$S/munge/socket" "--pid-file=$S/munge/pid" \
  "--log-file=$S/munge/log" "--seed-file=$S/munge/seed" >"$S/log/munged.out" 2>&1 &
daemons+=($!)
for _ in $(seq 50); do [ -S "$S/munge/socket" ] && break; sleep 0.1; done
munge -S "$S/munge/socket" -n </dev/null | unmunge -S "$S/munge/socket" >/dev/null ||
  { cat "$S/log/munged.out" "$S/munge/log" >&2; fail "munged did not start"; }

read -r ctld_port slurmd_port < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
node=$(hostname -s)
user=$(id -un)
export SLURM_CONF="$S/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=tmk$$
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$S/munge/socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
StateSaveLocation=$S/state
SlurmdSpoolDir=$S/spool
SlurmctldPidFile=$S/slurmctld.pid
SlurmdPidFile=$S/slurmd.pid
SlurmctldLogFile=$S/log/slurmctld.log
SlurmdLogFile=$S/log/slurmd.log
NodeName=$node NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -D -i >"$S/log/slurmctld.out" 2>&1 &
daemons+=($!)
slurmd -D -N "$node" >"$S/log/slurmd.out" 2>&1 &
daemons+=($!)
for _ in $(seq 60); do
  [ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ] && break
  sleep 0.5
done
[ "$(sinfo -h -N -o %t 2>/dev/null)" = idle ] ||
  { tail -n 20 "$S"/log/* >&2; fail "the Slurm node is not idle after 30 s"; }

# slurm_extract WHAT ARGS...: slurm-extract --wait, failing the test after 120 s.
slurm_extract() {
  local what=$1
  shift
  timeout 120 "$CLUSTER/slurm-extract" --wait "$@" >"$WORK/out" 2>"$WORK/err"
  local status=$?
  CHECKS=$((CHECKS + 1))
  [ "$status" -ne 124 ] || { cat "$WORK/out" "$WORK/err" >&2; squeue >&2; fail "$what: slurm-extract --wait still running after 120 s"; }
  return "$status"
}

# --- The corpus and the one-machine run --------------------------------------------------------
cd "$WORK" || fail "no $WORK"
news_corpus "$WORK" 3000
tmk-extract --jobs 2 files -o whole 2>"$WORK/err" || { cat "$WORK/err" >&2; fail "tmk-extract over the whole corpus"; }
check_eq "documents of the whole corpus (hidden files skipped)" 3001 "$(wc -l <whole/documents.tsv)"

# --- Shards by file, the array job and the merge -------------------------------------------------
"$CLUSTER/make-shards" -n 7 -o plan files >"$WORK/out" || fail "make-shards"
check_eq "shard plan" "make-shards: 7 shards in plan" "$(cat "$WORK/out")"
check_eq "every file in exactly one shard, in tmk's order" "$(tail -n +2 whole/documents.tsv | cut -f1)" \
  "$(cat plan/shard-*.files)"
slurm_extract "array job" --plan plan -o result || { cat "$WORK/err" >&2; fail "slurm-extract"; }
check_grep "what was submitted" "submitted array job [0-9]*: 7 of 7 shards (1-7), 1 CPUs each" "$WORK/out"
check_same_tables "merged shards" result/merged
tmk-count -c canonical,type whole/entities.tsv >"$WORK/count-whole"
tmk-count -c canonical,type result/merged/entities.tsv >"$WORK/count-merged"
check_eq "entity counts" "$(cat "$WORK/count-whole")" "$(cat "$WORK/count-merged")"
slurm_extract "rerun of a complete run" --plan plan -o result || fail "slurm-extract rerun"
check_eq "nothing to redo" "slurm-extract: all 7 shards and the merge are complete in result" "$(cat "$WORK/out")"

# --- A task killed: the merge names its shard, and a rerun redoes that shard alone --------------
killing_tmk_extract "$WORK/killer" shard-0003
PATH="$WORK/killer:$PATH" slurm_extract "a task killed" --plan plan -o again
check_eq "merge job fails" 1 $?
cat again/logs/merge-*.log >"$WORK/merge.log"
check_grep "the merge job names the killed shard" "^tmk-merge: .*shard-0003" "$WORK/merge.log"
check_grep "the script lists the shard to redo" "shards with no manifest: shard-0003 (rerun" "$WORK/err"
[ -e "$WORK/killed" ] || fail "the killing tmk-extract never ran"
[ ! -e again/merged/manifest.json ] || fail "a failed merge left a manifest"
stat -c '%n %i %Y' again/shards/shard-000[124567]/manifest.json >"$WORK/before"
sleep 1  # so that a manifest written again would have another mtime
slurm_extract "rerun after the kill" --plan plan -o again || { cat "$WORK/err" >&2; fail "rerun"; }
check_grep "the rerun submits only the killed shard" "submitted array job [0-9]*: 1 of 7 shards (3), 1 CPUs each" "$WORK/out"
check_eq "the other shards are untouched" "$(cat "$WORK/before")" \
  "$(stat -c '%n %i %Y' again/shards/shard-000[124567]/manifest.json)"
check_merged_once "merged after the rerun" again/merged shard-0003

# --- One JSONL file (gzip) cut by lines -----------------------------------------------------------
gzip -k articles.jsonl
tmk-extract --jobs 2 --input jsonl --text-field text articles.jsonl.gz -o whole-jsonl 2>"$WORK/err" ||
  { cat "$WORK/err" >&2; fail "tmk-extract over the whole JSONL file"; }
"$CLUSTER/make-shards" -n 4 --by lines -o plan-lines articles.jsonl.gz >/dev/null || fail "make-shards --by lines"
slurm_extract "JSONL by lines" --plan plan-lines -o by-lines -- --input jsonl --text-field text ||
  { cat "$WORK/err" >&2; fail "JSONL by lines"; }
check_same_tables "JSONL by lines" by-lines/merged whole-jsonl
check_eq "ids are lines of the whole file" "articles.jsonl.gz:1" "$(sed -n 2p by-lines/merged/documents.tsv | cut -f1)"

# --- Usage errors ---------------------------------------------------------------------------------
check_status "no plan" 2 "$CLUSTER/slurm-extract" -o x
check_grep "no plan message" "slurm-extract: --plan PLAN is required (see --help)" "$WORK/err"
check_status "-o among the tmk-extract options" 2 "$CLUSTER/slurm-extract" --plan plan -o x -- -o y
check_grep "-o message" "leave out -o: the shards go to OUT/shards" "$WORK/err"
check_status "other options on a rerun" 1 "$CLUSTER/slurm-extract" --plan plan -o result -- --tables entities
check_grep "other options message" "result was started with other tmk-extract options" "$WORK/err"
check_status "--help" 0 "$CLUSTER/slurm-extract" --help
check_grep "--help" "Usage: slurm-extract --plan PLAN -o OUT" "$WORK/out"
done_ok
