#!/usr/bin/env python3
"""Scores tmk-entities on the entities-* gold sets as eval/README.md defines: a predicted
mention is right when (doc, start, end, type) equals a gold one, for PER, ORG and LOC
(MISC is not scored). Prints precision, recall, F1 overall and per type, and the main
error classes (wrong type, wrong boundary, spurious, missed).
Usage: python3 scripts/evaluation/entities.py BUILD_DIR SHARED_EVAL_DIR [--errors N] [--set=NAME ...]"""
import collections
import os
import subprocess
import sys

import figures

SETS = ('entities-uner-ewt', 'entities-gum-news-silver', 'entities-corpus-hand')
SCORED = ('PER', 'ORG', 'LOC')
TYPE_MAP = {'PERSON': 'PER', 'ORGANIZATION': 'ORG', 'GPE': 'LOC', 'LOCATION': 'LOC', 'FAC': 'LOC'}


def read_tsv(text):
    lines = text.splitlines()
    header = lines[0].split('\t')
    return [dict(zip(header, line.split('\t'))) for line in lines[1:] if line]


def doc_name(path):
    name = os.path.basename(path)
    return name[:-4] if name.endswith('.txt') else name


def prf(right, predicted, gold):
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_set(build, eval_dir, name, show_errors):
    folder = os.path.join(eval_dir, name)
    with open(os.path.join(folder, 'gold.tsv'), encoding='utf-8') as f:
        gold_rows = read_tsv(f.read())
    # A hand-read set that gives canonical names (entities-corpus-hand) scores MISC too, and
    # how many of the right mentions have the right canonical name.
    with_canonical = bool(gold_rows) and 'canonical' in gold_rows[0]
    scored = SCORED + ('MISC',) if with_canonical else SCORED
    gold = set()
    gold_canonical = {}
    for row in gold_rows:
        t = TYPE_MAP.get(row['type'], row['type'])
        if t in scored:
            gold.add((row['doc'], int(row['start']), int(row['end']), t))
            gold_canonical[(row['doc'], int(row['start']), int(row['end']), t)] = row.get('canonical')
    run = subprocess.run([os.path.join(build, 'tmk-entities'), '--jobs', '1', os.path.join(folder, 'docs')],
                         capture_output=True, text=True, check=True)
    predicted = set()
    texts = {}
    canonical = {}
    for row in read_tsv(run.stdout):
        key = (doc_name(row['doc']), int(row['start']), int(row['end']), row['type'])
        texts[key] = row['text']
        canonical[key] = row['canonical']
        if row['type'] in scored:
            predicted.add(key)
    for row in gold_rows:
        texts.setdefault((row['doc'], int(row['start']), int(row['end']), TYPE_MAP.get(row['type'], row['type'])),
                         row['text'])

    right = predicted & gold
    p, r, f = prf(len(right), len(predicted), len(gold))
    print(f'{name}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {len(gold)}, predicted {len(predicted)}, right {len(right)})')
    figures.record(f'{name}/F1', f)
    if with_canonical:
        same = [k for k in right if canonical[k] == gold_canonical[k]]
        print(f'  canonical right: {len(same)}/{len(right)} of the right mentions')
        figures.record(f'{name}/canonical', len(same) / max(1, len(right)))
        for k in sorted(set(right) - set(same))[:show_errors]:
            print(f'    canonical: {texts[k]!r} -> {canonical[k]!r}, expected {gold_canonical[k]!r}')
    for t in scored:
        pt = {k for k in predicted if k[3] == t}
        gt = {k for k in gold if k[3] == t}
        tp, tr, tf = prf(len(pt & gt), len(pt), len(gt))
        print(f'  {t}: P {tp:.3f}  R {tr:.3f}  F1 {tf:.3f}  (gold {len(gt)})')
        figures.record(f'{name}/{t}', tf)

    # Error classes: same span wrong type; overlapping span (boundary); spurious; missed.
    errors = collections.Counter()
    examples = collections.defaultdict(list)
    spans_gold = {(d, s, e): t for d, s, e, t in gold}
    for key in sorted(predicted - gold):
        d, s, e, t = key
        if (d, s, e) in spans_gold:
            kind = f'type {spans_gold[(d, s, e)]}->{t}'
        elif any(gd == d and gs < e and s < ge for gd, gs, ge, _ in gold):
            kind = 'boundary'
        else:
            kind = 'spurious'
        errors[kind] += 1
        examples[kind].append(texts.get(key, ''))
    predicted_spans = {(d, s, e) for d, s, e, _ in predicted}
    for key in sorted(gold - predicted):
        d, s, e, t = key
        if (d, s, e) in predicted_spans:
            continue  # counted as a type error
        if any(pd == d and ps < e and s < pe for pd, ps, pe, _ in predicted):
            continue  # counted as a boundary error
        errors[f'missed {t}'] += 1
        examples[f'missed {t}'].append(texts.get(key, ''))
    print('  errors: ' + ', '.join(f'{k} {v}' for k, v in errors.most_common()))
    if show_errors:
        for k, _ in errors.most_common():
            print(f'    {k}: ' + ' | '.join(examples[k][:show_errors]))
    return f


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    show_errors = 0
    if '--errors' in sys.argv:
        show_errors = int(sys.argv[sys.argv.index('--errors') + 1])
        args = [a for a in args if a != str(show_errors)]
    if len(args) != 2:
        sys.exit(__doc__)
    build, eval_dir = args
    sets = [a.split('=', 1)[1] for a in sys.argv[1:] if a.startswith('--set=')] or SETS
    for name in sets:
        score_set(build, eval_dir, name, show_errors)


if __name__ == '__main__':
    main()
