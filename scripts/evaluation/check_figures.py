"""Compares the figures of this run with the floors (no figure may fall below its floor) and
with the figures last recorded (a change of accuracy or of the entity model must be recorded
with `scripts/eval --record` in the same commit, so that it shows in review).
Usage: python3 scripts/evaluation/check_figures.py MEASURED FLOORS RECORDED; exit 1 on failure."""
import sys


def read(path):
    table = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                name, value = line.split('\t')[:2]
                table[name] = value
    return table


def main():
    measured, floors, recorded = (read(p) for p in sys.argv[1:4])
    failed = False
    for name, floor in sorted(floors.items()):
        value = measured.get(name)
        if value is None:
            print(f'FAIL {name}: not measured (floor {floor})')
            failed = True
        elif float(value) < float(floor):
            print(f'FAIL {name}: {value} is below its floor {floor}')
            failed = True
        else:
            print(f'ok   {name}: {value} (floor {floor})')
    changed = sorted(n for n in set(measured) | set(recorded) if measured.get(n) != recorded.get(n))
    for name in changed:
        print(f'FAIL {name}: measured {measured.get(name, "-")}, recorded {recorded.get(name, "-")} '
              f'(run scripts/eval --record and commit eval/figures.tsv)')
    failed |= bool(changed)
    print('accuracy check: ' + ('FAILED' if failed else 'passed'))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
