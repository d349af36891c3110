#!/usr/bin/env python3
"""Scores tmk-quotes the way the held-back quotation set is scored (issue 5): a gold quote is
found when a row overlaps at least half of it; its speaker is right when the row's speaker
span overlaps the gold speaker span or names the same entity (speaker_canonical); precision
counts the rows that name a speaker and overlap no gold quote.

Reported speech (tmk-quotes --indirect, rows of kind indirect) is scored the same way against
tests/data/quotes/corpus-indirect-gold.tsv, every reported statement of corpus/ read by hand:
a gold statement is found when an indirect row overlaps at least half of its content; quote
rows and indirect rows are scored apart. Rows of kind nickname, scare and title name no
quotation and are left out of both.

There is no public gold quotation set in SHARED_EVAL_DIR, so the gold here is the hand-read
list of every quotation in corpus/ (tests/data/quotes/corpus-gold.tsv: quote and speaker
given as text, located in the article). A set SHARED_EVAL_DIR/quotes-*/ with docs/ and a
gold.tsv (doc, start, end, speaker_start, speaker_end[, speaker_canonical]) is scored too.
Usage: python3 scripts/evaluation/quotes.py BUILD_DIR SHARED_EVAL_DIR [--errors]"""
import glob
import os
import subprocess
import sys

import figures

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_tsv(text):
    lines = [l for l in text.splitlines() if l and not l.startswith('#')]
    header = lines[0].split('\t')
    return [dict(zip(header, line.split('\t'))) for line in lines[1:]]


def doc_name(path):
    name = os.path.basename(path)
    return name[:-4] if name.endswith('.txt') else name


def overlap(a_start, a_end, b_start, b_end):
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def corpus_gold(name):
    """Gold quotes (or statements) of corpus/ with byte offsets found in the articles. The
    speaker mention is the occurrence nearest the quote."""
    with open(os.path.join(ROOT, 'tests/data/quotes', name), encoding='utf-8') as f:
        rows = read_tsv(f.read())
    gold = []
    for row in rows:
        data = open(os.path.join(ROOT, 'corpus', row['file']), 'rb').read()
        quote = row['text'].encode('utf-8')
        start = data.find(quote)
        if start < 0:
            sys.exit(f'quotes.py: quote not found in {row["file"]}: {row["text"][:40]}')
        speaker = row['speaker'].encode('utf-8')
        speaker_span = None
        if speaker:
            hits = []
            at = data.find(speaker)
            while at >= 0:
                hits.append(at)
                at = data.find(speaker, at + 1)
            best = min(hits, key=lambda h: abs(h - start))
            speaker_span = (best, best + len(speaker))
        gold.append({'doc': doc_name(row['file']), 'start': start, 'end': start + len(quote),
                     'speaker': speaker_span, 'canonical': row['speaker_canonical'], 'text': row['text']})
    return gold


def shared_gold(folder):
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8') as f:
        rows = read_tsv(f.read())
    gold = []
    for row in rows:
        speaker = None
        if row.get('speaker_start') and row.get('speaker_end'):
            speaker = (int(row['speaker_start']), int(row['speaker_end']))
        gold.append({'doc': row['doc'], 'start': int(row['start']), 'end': int(row['end']), 'speaker': speaker,
                     'canonical': row.get('speaker_canonical', ''), 'text': row.get('text', '')})
    return gold


def run_tool(build, docs):
    run = subprocess.run([os.path.join(build, 'tmk-quotes'), '--jobs', '1', '--indirect', docs], capture_output=True,
                         text=True, check=True)
    rows = read_tsv(run.stdout)
    for row in rows:
        row['doc'] = doc_name(row['doc'])
        row['start'], row['end'] = int(row['start']), int(row['end'])
    quotes = [r for r in rows if r['kind'] in ('full', 'partial', 'headline')]
    return quotes, [r for r in rows if r['kind'] == 'indirect']


def score(name, gold, rows, show_errors):
    found = right_speaker = 0
    matched_rows = set()
    errors = []
    for g in gold:
        length = g['end'] - g['start']
        hits = [i for i, r in enumerate(rows)
                if r['doc'] == g['doc'] and 2 * overlap(r['start'], r['end'], g['start'], g['end']) >= length]
        matched_rows.update(hits)
        if not hits:
            errors.append(f'  missed: {g["doc"]} {g["text"][:60]!r}')
            continue
        found += 1
        row = rows[hits[0]]
        if g['speaker'] is None and not g['canonical']:
            ok = not row['speaker']
        else:
            ok = bool(row['speaker']) and (
                (g['speaker'] is not None and
                 overlap(int(row['speaker_start']), int(row['speaker_end']), *g['speaker']) > 0) or
                (g['canonical'] != '' and row['speaker_canonical'] == g['canonical']))
        if ok:
            right_speaker += 1
        else:
            errors.append(f'  wrong speaker: {g["doc"]} {g["text"][:40]!r}: {row["speaker"]!r}')
    naming = [i for i, r in enumerate(rows) if r['speaker']]
    naming_right = sum(1 for i in naming if i in matched_rows)
    print(f'{name}: found {found}/{len(gold)} ({found / max(1, len(gold)):.1%}), '
          f'right speaker {right_speaker}/{found} ({right_speaker / max(1, found):.1%}), '
          f'rows naming a speaker that match a gold quote {naming_right}/{len(naming)} '
          f'({naming_right / max(1, len(naming)):.1%}), rows {len(rows)}')
    figures.record(f'{name}/found', found / max(1, len(gold)))
    figures.record(f'{name}/speaker', right_speaker / max(1, found))
    if show_errors:
        for line in errors:
            print(line)
    return naming_right / max(1, len(naming))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    if len(args) != 2:
        sys.exit(__doc__)
    build, eval_dir = args
    show_errors = '--errors' in sys.argv
    quotes, indirect = run_tool(build, os.path.join(ROOT, 'corpus'))
    score('quotes-corpus (hand-read)', corpus_gold('corpus-gold.tsv'), quotes, show_errors)
    precision = score('quotes-corpus-indirect (hand-read)', corpus_gold('corpus-indirect-gold.tsv'), indirect,
                      show_errors)
    figures.record('quotes-corpus-indirect (hand-read)/rows-right', precision)
    for folder in sorted(glob.glob(os.path.join(eval_dir, 'quotes-*'))):
        score(os.path.basename(folder), shared_gold(folder), run_tool(build, os.path.join(folder, 'docs'))[0],
              show_errors)


if __name__ == '__main__':
    main()
