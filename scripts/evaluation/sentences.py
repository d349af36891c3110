#!/usr/bin/env python3
"""Scores tmk-sentences.

Usage: python3 scripts/evaluation/sentences.py BUILD_DIR SHARED_EVAL_DIR [--show-errors N]

1. Golden Rules (sentences-golden-rules), scored as eval/README.md says: a document passes
   when its whitespace-normalized list of sentence texts equals the gold list.
2. Sentence-start F1 on documents rebuilt from the sentence-split training files under
   train/ (tokens detokenized by simple spacing rules): precision, recall and F1 over
   sentence start offsets. Plain: sentences joined by single spaces, as the tokens-ud-ewt
   documents are, so headings and datelines run into the next sentence. Layout: a sentence
   without final punctuation (a heading, dateline, list item) ends its line, as it would
   in an article. Only the sentence boundaries of these files are used, not their tags.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict

import figures

NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "N'T", "'re", "'ve", "'ll",
                   "'d", "'m", "\u2019s", "\u2019", "\u201d", "...", "'"}
# Text ending like a sentence: final punctuation, then closing quotes, brackets, citations.
ENDS_SENTENCE = re.compile(r"[.!?\u2026]([\"')\]\u201d\u2019]|\[\d+\])*$")
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "\u201c", "\u2018", "``"}


def run_tool(build_dir, paths):
    tool = os.path.join(build_dir, "tmk-sentences")
    result = subprocess.run([tool, "--jobs", "1", *paths], capture_output=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{tool} failed with status {result.returncode}: {result.stderr.decode()}")
    rows = result.stdout.decode("utf-8").splitlines()
    header = rows[0].split("\t")
    col = {name: header.index(name) for name in ("doc", "start", "end", "text")}
    out = defaultdict(list)
    for row in rows[1:]:
        f = row.split("\t")
        out[f[col["doc"]]].append((int(f[col["start"]]), int(f[col["end"]]), unescape(f[col["text"]])))
    return out


def unescape(field):
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(field[i + 1], field[i:i + 2]))
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def normalize(text):
    return " ".join(text.split())


def golden_rules(build_dir, eval_dir, show):
    folder = os.path.join(eval_dir, "sentences-golden-rules")
    gold = defaultdict(list)
    with open(os.path.join(folder, "gold.tsv"), encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            gold[row[0]].append(normalize(unescape(row[3])))
    flags = {}
    with open(os.path.join(folder, "flags.tsv"), encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]:
            flags[row[0]] = row[1]
    docs = os.path.join(folder, "docs")
    predicted = run_tool(build_dir, [docs])
    by_name = {os.path.basename(doc)[:-4]: [normalize(t) for _, _, t in rows] for doc, rows in predicted.items()}
    names = sorted(n[:-4] for n in os.listdir(docs) if n.endswith(".txt"))
    failures = []
    for name in names:
        got = [t for t in by_name.get(name, []) if t]
        if got != gold[name]:
            failures.append((name, gold[name], got))
    print(f"golden rules: {len(names) - len(failures)}/{len(names)} passed")
    figures.record('sentences-golden-rules/passed', (len(names) - len(failures)) / len(names))
    for name, expected, got in failures[:show]:
        note = f" [{flags[name]}]" if name in flags else ""
        print(f"  FAIL {name}{note}\n    expected: {expected}\n    got:      {got}")


def read_sentences(path):
    """Yields (doc_id, [sentence tokens]) in file order."""
    docs = {}
    order = []
    with open(path, encoding="utf-8") as f:
        next(f)
        current = None
        for line in f:
            line = line.rstrip("\n")
            if not line:
                current = None
                continue
            doc, sent, token = line.split("\t")[:3]
            if doc not in docs:
                docs[doc] = []
                order.append(doc)
            if current != sent:
                docs[doc].append([])
                current = sent
            docs[doc][-1].append(token)
    return [(doc, docs[doc]) for doc in order]


def detokenize(tokens):
    text = ""
    open_double = False
    glue_next = True
    for k, token in enumerate(tokens):
        glue = glue_next or token in NO_SPACE_BEFORE
        if token == "[" and k + 2 < len(tokens) and tokens[k + 1].isdigit() and tokens[k + 2] == "]":
            glue = True  # a citation mark: "in 1805.[6]"
        glue_next = token in NO_SPACE_AFTER
        if token == '"':
            glue = glue or open_double
            glue_next = not open_double
            open_double = not open_double
        text += token if glue else " " + token
    return text


def start_f1(build_dir, eval_dir, show, layout):
    sets = [("train/gum_ccby.tsv (news, interviews, academic)", "gum_ccby.tsv"),
            ("train/gum_ccbysa.tsv (wiki biographies, travel)", "gum_ccbysa.tsv"),
            ("train/wikigold.tsv (wikipedia)", "wikigold.tsv"),
            ("train/uner_ewt_dev.tsv (web text)", "uner_ewt_dev.tsv")]
    with tempfile.TemporaryDirectory() as tmp:
        for label, file_name in sets:
            path = os.path.join(eval_dir, "train", file_name)
            if not os.path.exists(path):
                continue
            folder = os.path.join(tmp, file_name + (".layout" if layout else ""))
            os.makedirs(folder)
            gold_starts, texts = {}, {}
            for doc, sentences in read_sentences(path):
                text, starts = "", []
                for tokens in sentences:
                    if text:
                        text += "\n" if layout and not ENDS_SENTENCE.search(text) else " "
                    starts.append(len(text.encode("utf-8")))
                    text += detokenize(tokens)
                doc_path = os.path.join(folder, doc + ".txt")
                with open(doc_path, "w", encoding="utf-8") as f:
                    f.write(text)
                gold_starts[doc_path] = set(starts)
                texts[doc_path] = text.encode("utf-8")
            predicted = run_tool(build_dir, [folder])
            tp = fp = fn = 0
            errors = []
            for doc_path, gold in gold_starts.items():
                got = {start for start, _, _ in predicted.get(doc_path, [])}
                tp += len(got & gold)
                fp += len(got - gold)
                fn += len(gold - got)
                for start, kind in sorted([(s, "extra") for s in got - gold] + [(s, "missed") for s in gold - got]):
                    context = texts[doc_path][max(0, start - 40):start + 30].decode("utf-8", "replace")
                    errors.append(f"    {kind:6} {context[:40]!r} | {context[40:]!r}")
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"sentence starts{' (layout)' if layout else ''}, {label}: precision {p:.4f} recall {r:.4f} F1 {f1:.4f} "
                  f"({len(gold_starts)} docs, {tp + fn} gold sentences)")
            for line in errors[:show]:
                print(line)


def main():
    args = sys.argv[1:]
    show = 0
    if "--show-errors" in args:
        k = args.index("--show-errors")
        show = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    build_dir, eval_dir = args
    golden_rules(build_dir, eval_dir, max(show, 60))
    start_f1(build_dir, eval_dir, show, layout=False)
    start_f1(build_dir, eval_dir, show, layout=True)


if __name__ == "__main__":
    main()
