#!/usr/bin/env bash
# make-extract-dir.sh DIR [--keep-fields F,...] INPUT...: writes into DIR the tables that
# `tmk-extract INPUT... --keep-fields F,... -o DIR` writes (docs/DESIGN.md; the contract in
# tmk-report's tests), made with the single tools. INPUT is what the document tools take:
# files and directories, or `--input jsonl [--id-field F] [--text-field F] FILE...` (the
# kept fields beside the text). tmk-report's tests and scripts/demo build their input with this one script;
# once tmk-extract exists, its body is that single command.
set -euo pipefail
dir=$1
shift
keep=""
if [ "${1:-}" = "--keep-fields" ]; then
  keep=$2
  shift 2
fi
mkdir -p "$dir"
tmk-sentences "$@" >"$dir/sentences.tsv"
tmk-entities "$@" >"$dir/entities.tsv"
tmk-numbers "$@" >"$dir/numbers.tsv"
tmk-quotes --indirect "$@" >"$dir/quotes.tsv"
# documents.tsv: doc, the kept fields, bytes, sentences, sha256 of the document's text bytes.
python3 - "$dir" "$keep" "$@" <<'PY'
import collections, hashlib, json, os, sys
out, keep, args = sys.argv[1], [f for f in sys.argv[2].split(',') if f], sys.argv[3:]
def escape(s):
    return s.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n').replace('\r', '\\r')
sentences = collections.Counter(line.split('\t', 1)[0] for line in open(os.path.join(out, 'sentences.tsv'), encoding='utf-8').read().splitlines()[1:])
options, paths = {'--input': 'text', '--id-field': None, '--text-field': 'text'}, []
rest = iter(args)
for arg in rest:
    if arg in options:
        options[arg] = next(rest)
    else:
        paths.append(arg)
docs = []  # (id, text bytes, {field: value})
if options['--input'] == 'jsonl':
    for path in paths:
        for number, line in enumerate(open(path, encoding='utf-8'), 1):
            record = json.loads(line)
            doc = record[options['--id-field']] if options['--id-field'] else f'{path}:{number}'
            docs.append((doc, record[options['--text-field']].encode(), record))
else:
    for arg in paths:
        files = [arg]
        if os.path.isdir(arg):
            files = sorted(os.path.join(root, name) for root, _, names in os.walk(arg) for name in names if not name.startswith('.'))
        docs += [(path, open(path, 'rb').read(), {}) for path in files]
with open(os.path.join(out, 'documents.tsv'), 'w', encoding='utf-8') as table:
    table.write('\t'.join(['doc'] + keep + ['bytes', 'sentences', 'sha256']) + '\n')
    for doc, text, fields in docs:
        row = [doc] + [str(fields.get(f, '')) for f in keep] + [str(len(text)), str(sentences[escape(doc)]), hashlib.sha256(text).hexdigest()]
        table.write('\t'.join(escape(f) for f in row) + '\n')
tables = {}
for name in ['documents', 'sentences', 'entities', 'numbers', 'quotes']:
    lines = open(os.path.join(out, name + '.tsv'), encoding='utf-8').read().splitlines()
    tables[name] = {'file': name + '.tsv', 'format': 'tsv', 'rows': len(lines) - 1, 'columns': lines[0].split('\t')}
manifest = {
    'tmk': {'version': os.popen('tmk-entities --version').read().split()[2], 'commit': 'test', 'model_sha256': '', 'resources_sha256': ''},
    'command': ['tmk-extract'] + args + (['--keep-fields', ','.join(keep)] if keep else []) + ['-o', out],
    'options': {'tables': list(tables), 'keep_fields': keep},
    'inputs': [], 'tables': tables, 'documents': len(docs), 'warnings': [],
    'started': '2026-01-01T00:00:00Z', 'finished': '2026-01-01T00:00:01Z', 'complete': True}
json.dump(manifest, open(os.path.join(out, 'manifest.json'), 'w'), indent=2)
PY
