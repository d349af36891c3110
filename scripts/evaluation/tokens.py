#!/usr/bin/env python3
"""Scores tmk-tokenize on the token gold sets, as ../shared/eval/README.md defines it.

Usage: python3 scripts/evaluation/tokens.py BUILD_DIR SHARED_EVAL_DIR [--errors N]

A predicted token is right when its (doc, start, end) equals a gold token; precision,
recall and F1 are over all tokens of the set. --errors N prints N of the differences
(gold-only and predicted-only spans with some context) to help find wrong mechanisms.
"""
import argparse
import os
import subprocess
import sys

import figures


def read_tsv(text):
    lines = text.splitlines()
    header = lines[0].split('\t')
    for line in lines[1:]:
        if line:
            yield dict(zip(header, line.split('\t')))


def doc_name(path):
    name = os.path.basename(path)
    return name[:-4] if name.endswith('.txt') else name


def score_set(build_dir, set_dir, errors):
    docs = os.path.join(set_dir, 'docs')
    tool = os.path.join(build_dir, 'tmk-tokenize')
    run = subprocess.run([tool, docs], capture_output=True, text=True, check=True)
    predicted = {(doc_name(r['doc']), int(r['start']), int(r['end'])) for r in read_tsv(run.stdout)}
    with open(os.path.join(set_dir, 'gold.tsv'), encoding='utf-8') as f:
        gold = {(r['doc'], int(r['start']), int(r['end'])) for r in read_tsv(f.read())}
    right = len(predicted & gold)
    precision = right / len(predicted) if predicted else 0.0
    recall = right / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f'{os.path.basename(set_dir)}: tokens gold {len(gold)} predicted {len(predicted)} right {right}  '
          f'precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f}')
    figures.record(f'{os.path.basename(set_dir)}/F1', f1)
    if errors:
        show_errors(docs, gold - predicted, predicted - gold, errors)
    return f1


def show_errors(docs, missed, spurious, limit):
    texts = {}

    def text_of(doc):
        if doc not in texts:
            with open(os.path.join(docs, doc + '.txt'), 'rb') as f:
                texts[doc] = f.read()
        return texts[doc]

    shown = 0
    for label, spans in (('gold only', missed), ('predicted only', spurious)):
        for doc, start, end in sorted(spans):
            if shown >= limit:
                return
            data = text_of(doc)
            left = data[max(0, start - 30):start].decode('utf-8', 'replace')
            span = data[start:end].decode('utf-8', 'replace')
            right = data[end:end + 30].decode('utf-8', 'replace')
            print(f'  {label:14} {span!r:30} ...{left}[{span}]{right}...'.replace('\n', ' '))
            shown += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('build_dir')
    parser.add_argument('eval_dir')
    parser.add_argument('--errors', type=int, default=0, help='print this many differences per set')
    args = parser.parse_args()
    sets = sorted(d for d in os.listdir(args.eval_dir) if d.startswith('tokens-'))
    if not sets:
        sys.exit(f'no tokens-* set in {args.eval_dir}')
    for name in sets:
        score_set(args.build_dir, os.path.join(args.eval_dir, name), args.errors)


if __name__ == '__main__':
    main()
