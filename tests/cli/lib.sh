# Shared helpers for the command-line tests. Each test-*.sh sources this file, runs tools
# from PATH (ctest puts the build directory first) and fails on the first broken check.
set -u
TMK_SOURCE=${TMK_SOURCE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CHECKS=0

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
  CHECKS=$((CHECKS + 1))
  if [ "$2" != "$3" ]; then
    printf 'FAIL: %s\n--- expected\n%s\n--- actual\n%s\n' "$1" "$2" "$3" >&2
    exit 1
  fi
}

# check_status WHAT EXPECTED_STATUS COMMAND... (stdout and stderr go to $WORK/out, $WORK/err)
check_status() {
  local what=$1 expected=$2
  shift 2
  "$@" >"$WORK/out" 2>"$WORK/err"
  local status=$?
  CHECKS=$((CHECKS + 1))
  [ "$status" -eq "$expected" ] || { cat "$WORK/err" >&2; fail "$what: exit status $status, expected $expected"; }
}

# check_grep WHAT PATTERN FILE
check_grep() {
  CHECKS=$((CHECKS + 1))
  grep -q -- "$2" "$3" || { cat "$3" >&2; fail "$1: '$2' not found"; }
}

# check_offsets WHAT TSV DOCFILE START_COL END_COL TEXT_COL: every row's span, cut out of the
# document with tail/head as DESIGN.md says, equals its text column (after unescaping).
check_offsets() {
  CHECKS=$((CHECKS + 1))
  python3 - "$2" "$3" "$4" "$5" "$6" <<'PY' || fail "$1: offsets do not slice back to the text"
import sys
tsv, doc, s, e, t = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
data = open(doc, 'rb').read()
def unescape(f):
    out, i = [], 0
    while i < len(f):
        if f[i] == '\\' and i + 1 < len(f):
            out.append({'t': '\t', 'n': '\n', 'r': '\r', '\\': '\\'}.get(f[i+1], '\\' + f[i+1])); i += 2
        else:
            out.append(f[i]); i += 1
    return ''.join(out)
rows = open(tsv, encoding='utf-8').read().splitlines()[1:]
if not rows: sys.exit('no rows')
for row in rows:
    f = row.split('\t')
    span = data[int(f[s-1]):int(f[e-1])].decode('utf-8', 'replace')
    if span != unescape(f[t-1]):
        sys.exit(f'{span!r} != {f[t-1]!r}')
PY
}

# unprivileged COMMAND...: runs COMMAND as a user that file permissions apply to: the caller
# when not root; else (root reads any file, CI runs as root) the user nobody, through setpriv.
# Fails rather than skips when that cannot be done. Paths COMMAND uses must be open to nobody.
unprivileged() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
    return
  fi
  command -v setpriv >/dev/null || fail "running as root without setpriv: cannot run a permission test"
  id nobody >/dev/null 2>&1 || fail "running as root without a user nobody: cannot run a permission test"
  setpriv --reuid="$(id -u nobody)" --regid="$(id -g nobody)" --clear-groups -- "$@"
}

# done_ok: prints the closing line ctest logs show.
done_ok() { echo "ok: $CHECKS checks"; }

# check_golden TOOL DIR TEXT_COL: runs TOOL on DIR/golden.txt (from DIR, so doc is
# "golden.txt") and compares with DIR/golden.tsv, rows written and checked by hand; then
# checks that every row's start/end (columns 3, 4) slice back to its text column.
check_golden() {
  local tool=$1 dir=$2 text_col=$3
  (cd "$dir" && "$tool" golden.txt) >"$WORK/golden.out" 2>"$WORK/err" || fail "$tool golden run failed"
  check_eq "$tool golden rows" "$(cat "$dir/golden.tsv")" "$(cat "$WORK/golden.out")"
  check_offsets "$tool golden offsets" "$WORK/golden.out" "$dir/golden.txt" 3 4 "$text_col"
}

# corpus_jsonl: the articles of corpus/ as JSONL (fields id, date, outlet, text), each with
# a date and an outlet made up for the tests (tmk-report's time and outlet charts).
corpus_jsonl() {
  python3 - "$TMK_SOURCE/corpus" <<'PY'
import json, os, sys
meta = {'000': ('2016-02-22', 'Example Wire'), '002': ('2015-08-18', 'Sample Times')}
for name in sorted(n for n in os.listdir(sys.argv[1]) if not n.startswith('.')):
    date, outlet = meta[name[:3]]
    text = open(os.path.join(sys.argv[1], name), encoding='utf-8').read()
    print(json.dumps({'id': name[:3], 'date': date, 'outlet': outlet, 'text': text}))
PY
}

# news_corpus DIR COUNT: a made-up news corpus for the cluster tests (tests/cli/test-slurm.sh,
# test-parallel-ssh.sh), from word lists of its own and a fixed seed: COUNT short articles
# as files under DIR/files (nested folders, names whose byte order differs from a locale's,
# and hidden files tmk skips) and the same articles as DIR/articles.jsonl (fields id, text).
news_corpus() {
  python3 - "$1" "$2" <<'PY'
import json, os, random, sys
out, count = sys.argv[1], int(sys.argv[2])
rng = random.Random(15)
first = ['Maria', 'Jonas', 'Aisha', 'Pedro', 'Lena', 'Tomas', 'Grace', 'Omar', 'Ines', 'Victor']
last = ['Halvorsen', 'Okafor', 'Brandt', 'Castillo', 'Novak', 'Whitfield', 'Sato', 'Lindqvist']
orgs = ['the Northern Rail Union', 'Harbor Bank', 'the Ministry of Water', 'Greenfield Council',
        'the Coastal Fishers Association', 'Meridian Motors', 'the National Library Board']
cities = ['Bergen', 'Lagos', 'Lyon', 'Porto', 'Osaka', 'Dublin', 'Quito', 'Tallinn']
roles = ['chair', 'spokeswoman', 'treasurer', 'director', 'mayor', 'chief economist']
things = ['ferries', 'loans', 'wells', 'bridges', 'permits', 'trucks', 'reading rooms']
months = ['January', 'March', 'May', 'July', 'September', 'November']
claims = ['We will not accept another delay', 'The figures speak for themselves',
          'Nobody expected the repairs to take this long', 'This is a good day for the town']

def article():
    person = f'{rng.choice(first)} {rng.choice(last)}'
    org, city, thing = rng.choice(orgs), rng.choice(cities), rng.choice(things)
    said = [f'{city}, {rng.choice(months)} {rng.randint(1, 28)} - {person}, the {rng.choice(roles)} of {org}, '
            f'said on Tuesday that {rng.randint(2, 900)} {thing} had been approved since {rng.randint(1990, 2023)}.',
            f'"{rng.choice(claims)}," said {person}.',
            f'{org[0].upper() + org[1:]} reported a {rng.randint(1, 60)} percent rise in {thing}, '
            f'worth ${rng.randint(2, 400)} million.',
            f'Critics in {rng.choice(cities)} said the plan would cost {rng.randint(3, 90)} jobs.']
    rng.shuffle(said)
    return ' '.join(said[:rng.randint(2, 4)]) + '\n'

folders = ['Wire/2023', 'Wire/2024', 'agency', 'agency/b-desk', 'agency/B-desk', '_late']
with open(os.path.join(out, 'articles.jsonl'), 'w', encoding='utf-8') as jsonl:
    for n in range(count):
        text = article()
        folder = os.path.join(out, 'files', folders[n % len(folders)])
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f'story-{n:05d}.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
        jsonl.write(json.dumps({'id': f'a{n}', 'text': text}) + '\n')
for hidden in ['files/.drafts/story-x.txt', 'files/agency/.story-y.txt']:
    os.makedirs(os.path.dirname(os.path.join(out, hidden)), exist_ok=True)
    with open(os.path.join(out, hidden), 'w', encoding='utf-8') as f:
        f.write('A hidden draft that tmk skips.\n')
PY
}

# check_same_tables WHAT DIR [ONE_RUN]: the cluster tests' merged tables in DIR are those of
# the one-machine run in $WORK/ONE_RUN (default whole), byte for byte.
check_same_tables() {
  local table
  for table in documents sentences entities numbers quotes; do
    CHECKS=$((CHECKS + 1))
    cmp "$WORK/${3:-whole}/$table.tsv" "$2/$table.tsv" || fail "$1: $table.tsv differs from one tmk-extract"
  done
}

# check_merged_once WHAT DIR SHARD: DIR/manifest.json of a merge lists SHARD (a shard
# directory's name) exactly once among its shards, and the merged tables are one run's.
check_merged_once() {
  check_eq "$1: $3 merged once" 1 "$(python3 -c 'import json, sys
shards = json.load(open(sys.argv[1]))["shards"]
print(sum(s["dir"].rstrip("/").split("/")[-1] == sys.argv[2] for s in shards))' "$2/manifest.json" "$3")"
  check_same_tables "$1" "$2"
}

# killing_tmk_extract DIR SHARD: writes DIR/tmk-extract, which dies by SIGKILL on its first
# run for SHARD (leaving $WORK/killed), as a task killed by the scheduler or the kernel would,
# and otherwise runs the tmk-extract now on PATH. Put DIR first on PATH to use it.
killing_tmk_extract() {
  mkdir -p "$1"
  cat >"$1/tmk-extract" <<KILLER
#!/usr/bin/env bash
case "\$*" in
  *$2*) [ -e "$WORK/killed" ] || { touch "$WORK/killed"; kill -KILL \$\$; } ;;
esac
exec "$(command -v tmk-extract)" "\$@"
KILLER
  chmod +x "$1/tmk-extract"
}
