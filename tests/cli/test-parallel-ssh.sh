#!/usr/bin/env bash
# scripts/cluster/parallel-extract end to end over ssh: an sshd that this test starts on
# 127.0.0.1 (a free port, a throwaway host key and user key, every file in a temporary
# directory) stands for two hosts, two aliases in an ssh config file. With a shared
# filesystem and with --transfer (a separate remote workdir), the merged tables are
# byte-identical to one tmk-extract over the whole corpus; a shard whose job is killed makes
# the merge fail naming it, and a rerun redoes that shard alone. A missing sshd, ssh, rsync or
# parallel is a failure, never a skip (scripts/setup installs them).
# Run alone: ctest --test-dir build -L cluster
source "$TMK_SOURCE/tests/cli/lib.sh" || exit 1  # never run outside its temporary directory
CLUSTER="$TMK_SOURCE/scripts/cluster"
for command in ssh ssh-keygen rsync parallel; do
  command -v "$command" >/dev/null || fail "$command is not on PATH (scripts/setup installs it)"
done
for tool in tmk-extract tmk-merge; do
  command -v "$tool" >/dev/null || fail "$tool is not on PATH (not built?)"
done
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || fail "no sshd (scripts/setup installs openssh-server)"

# --- sshd on loopback, and two host aliases for it ----------------------------------------------
S="$WORK/ssh"
mkdir -p "$S"
sshd_pid=""
stop_sshd() {
  [ -z "$sshd_pid" ] || { kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; }
  rm -rf "$WORK"
}
trap stop_sshd EXIT
ssh-keygen -q -t ed25519 -N '' -f "$S/host_key" || fail "ssh-keygen host key"
ssh-keygen -q -t ed25519 -N '' -f "$S/user_key" || fail "ssh-keygen user key"
cp "$S/user_key.pub" "$S/authorized_keys"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$S/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $S/host_key
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
StrictModes no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
CONF
# sshd wants its privilege separation directory, which the Debian service makes at boot.
[ -d /run/sshd ] || [ "$(id -u)" -ne 0 ] || mkdir -m 755 /run/sshd
"$SSHD" -D -e -f "$S/sshd_config" 2>"$S/sshd.log" &
sshd_pid=$!
echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$S/host_key.pub")" >"$S/known_hosts"
cat >"$S/ssh_config" <<CONF
Host host1 host2
  HostName 127.0.0.1
  Port $port
  User $(id -un)
  IdentityFile $S/user_key
  IdentitiesOnly yes
  UserKnownHostsFile $S/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
  ConnectTimeout 10
  LogLevel ERROR
CONF
for _ in $(seq 50); do
  ssh -F "$S/ssh_config" host1 true 2>/dev/null && break
  sleep 0.2
done
ssh -F "$S/ssh_config" host2 true 2>"$WORK/err" || { cat "$WORK/err" "$S/sshd.log" >&2; fail "cannot ssh to the test's sshd"; }

# parallel_extract WHAT ARGS...: parallel-extract over the two hosts, failing after 120 s.
parallel_extract() {
  local what=$1
  shift
  timeout 120 "$CLUSTER/parallel-extract" -S host1,host2 --ssh "ssh -F $S/ssh_config" --env PATH -c 1 "$@" \
    >"$WORK/out" 2>"$WORK/err"
  local status=$?
  CHECKS=$((CHECKS + 1))
  [ "$status" -ne 124 ] || { cat "$WORK/out" "$WORK/err" >&2; fail "$what: parallel-extract still running after 120 s"; }
  return "$status"
}

# --- The corpus, the one-machine run and the plan -------------------------------------------------
cd "$WORK" || fail "no $WORK"
news_corpus "$WORK" 2000
tmk-extract --jobs 2 files -o whole 2>"$WORK/err" || { cat "$WORK/err" >&2; fail "tmk-extract over the whole corpus"; }
"$CLUSTER/make-shards" -n 5 -o plan files >/dev/null || fail "make-shards"

# --- Shared filesystem ----------------------------------------------------------------------------
parallel_extract "shared filesystem" --plan plan -o shared || { cat "$WORK/err" >&2; fail "parallel-extract"; }
check_eq "what ran" "parallel-extract: running 5 of 5 shards
parallel-extract: merging 5 shards into shared/merged
parallel-extract: done: shared/merged" "$(cat "$WORK/out")"
check_same_tables "shared filesystem" shared/merged
check_eq "both hosts ran shards" "host1 host2" \
  "$(cut -f2 shared/logs/parallel.log | tail -n +2 | sed 's/.*@//' | sort -u | paste -sd' ')"

# --- No shared filesystem: --transfer, a separate workdir ---------------------------------------
killing_tmk_extract "$WORK/killer" shard-0003
PATH="$WORK/killer:$PATH" parallel_extract "a job killed" --transfer --workdir "$WORK/remote" --plan plan -o moved
check_eq "merge fails" 1 $?
[ -e "$WORK/killed" ] || fail "the killing tmk-extract never ran"
check_grep "the merge names the killed shard" "^tmk-merge: .*shard-0003" "$WORK/err"
check_grep "the script lists the shard to redo" "shards with no manifest: shard-0003 (rerun" "$WORK/err"
stat -c '%n %i %Y' moved/shards/shard-000[1245]/manifest.json >"$WORK/before"
sleep 1  # so that a manifest written again would have another mtime
parallel_extract "rerun after the kill" --transfer --workdir "$WORK/remote" --plan plan -o moved ||
  { cat "$WORK/err" >&2; fail "rerun"; }
check_grep "the rerun runs only the killed shard" "running 1 of 5 shards" "$WORK/out"
check_eq "the other shards are untouched" "$(cat "$WORK/before")" \
  "$(stat -c '%n %i %Y' moved/shards/shard-000[1245]/manifest.json)"
check_merged_once "--transfer" moved/merged shard-0003
check_eq "no file left in the remote workdir" "" "$(find "$WORK/remote" -type f)"
check_eq "no tar left here" "" "$(find moved/transfer -type f)"

# --- One JSONL file (gzip) cut by lines -----------------------------------------------------------
gzip -k articles.jsonl
tmk-extract --jobs 2 --input jsonl --text-field text articles.jsonl.gz -o whole-jsonl 2>"$WORK/err" ||
  { cat "$WORK/err" >&2; fail "tmk-extract over the whole JSONL file"; }
"$CLUSTER/make-shards" -n 4 --by lines -o plan-lines articles.jsonl.gz >/dev/null || fail "make-shards --by lines"
parallel_extract "JSONL by lines" --transfer --workdir "$WORK/remote" --plan plan-lines -o by-lines -- --input jsonl --text-field text ||
  { cat "$WORK/err" >&2; fail "JSONL by lines"; }
check_same_tables "JSONL by lines" by-lines/merged whole-jsonl
check_eq "ids are lines of the whole file" "articles.jsonl.gz:1" "$(sed -n 2p by-lines/merged/documents.tsv | cut -f1)"

# --- Usage errors ---------------------------------------------------------------------------------
check_status "--transfer with an absolute path" 1 "$CLUSTER/parallel-extract" --transfer -S host1 --plan "$WORK/plan" -o abs
check_grep "absolute path message" "--transfer needs paths below the current directory" "$WORK/err"
check_status "--transfer with no hosts" 2 "$CLUSTER/parallel-extract" --transfer --plan plan -o x
check_grep "no hosts message" "parallel-extract: --transfer needs hosts (-S or --slf) (see --help)" "$WORK/err"
check_status "-j among the tmk-extract options" 2 "$CLUSTER/parallel-extract" --plan plan -o x -- -j 4
check_grep "-j message" "leave out -j: give the cores per shard with --cpus" "$WORK/err"
check_status "--help" 0 "$CLUSTER/parallel-extract" --help
check_grep "--help" "Usage: parallel-extract --plan PLAN -o OUT" "$WORK/out"
done_ok
