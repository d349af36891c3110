"""Turns a development split of the NER training data (eval/train/*.tsv.gz: doc_id, sent_id,
token, tag) into a gold set laid out like eval/data/entities-*: docs/NAME.txt (a document's
sentences joined by single spaces, tokens by single spaces) and gold.tsv with byte offsets,
so that entities.py can score tmk-entities on it for decisions the eval sets must not make.
Usage: python3 scripts/evaluation/make_dev_set.py TRAIN_FILE.tsv.gz OUT_DIR [EVERY_NTH_DOC]"""
import gzip
import os
import sys


def main():
    path, out_dir = sys.argv[1], sys.argv[2]
    every = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    docs = {}
    order = []
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        next(f)
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 4:
                if order:
                    docs[order[-1]].append([])
                continue
            doc = fields[0]
            if doc not in docs:
                docs[doc] = [[]]
                order.append(doc)
            docs[doc][-1].append((fields[2], fields[3]))
    os.makedirs(os.path.join(out_dir, 'docs'), exist_ok=True)
    with open(os.path.join(out_dir, 'gold.tsv'), 'w', encoding='utf-8') as gold:
        gold.write('doc\tstart\tend\ttype\ttext\n')
        for n, doc in enumerate(order):
            if n % every:
                continue
            text = b''
            spans = []
            open_span = None
            for sentence in docs[doc]:
                for token, tag in sentence:
                    if text:
                        text += b' '
                    start = len(text)
                    text += token.encode('utf-8')
                    if open_span and not tag.startswith('I-'):
                        spans.append(open_span)
                        open_span = None
                    if tag.startswith('B-') or (tag.startswith('I-') and not open_span):
                        open_span = [start, len(text), tag[2:]]
                    elif tag.startswith('I-'):
                        open_span[1] = len(text)
                if open_span:
                    spans.append(open_span)
                    open_span = None
            name = doc.replace('/', '_')
            with open(os.path.join(out_dir, 'docs', name + '.txt'), 'wb') as out:
                out.write(text)
            for start, end, kind in spans:
                gold.write(f'{name}\t{start}\t{end}\t{kind}\t{text[start:end].decode("utf-8")}\n')


if __name__ == '__main__':
    main()
