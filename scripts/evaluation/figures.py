"""The figures a scorer reports, for scripts/eval --check: each scorer calls record() with a
name such as 'entities-uner-ewt/F1' and a value in [0, 1]; when TMK_EVAL_FIGURES names a
file, a line NAME<TAB>VALUE is appended to it."""
import os


def record(name, value):
    path = os.environ.get('TMK_EVAL_FIGURES')
    if path:
        with open(path, 'a', encoding='utf-8') as out:
            out.write(f'{name}\t{value:.4f}\n')
