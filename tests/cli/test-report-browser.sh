#!/usr/bin/env bash
# tmk-report in a real browser: the report of corpus/ opened in headless Chromium (Debian's
# chromium and chromium-driver, which scripts/setup installs) through chromedriver's W3C
# WebDriver API (tests/cli/webdriver.py; nothing is downloaded). Checks that the page logs
# no script error, that the top names, speakers and amounts of the two articles are on it,
# that clicking a speaker shows their quotations and a document link opens the document
# view, and that hostile text stays text. Keeps screenshots in the build directory
# (report-corpus.png, report-document.png). Fails when Chromium is missing.
source "$TMK_SOURCE/tests/cli/lib.sh"
cd "$WORK" || fail "cd"
command -v chromium >/dev/null || fail "chromium is not installed (scripts/setup installs it)"
command -v chromedriver >/dev/null || fail "chromedriver is not installed (scripts/setup installs chromium-driver)"

corpus_jsonl >articles.jsonl
tmk-extract --indirect --keep-fields date,outlet --input jsonl --id-field id articles.jsonl -o tables ||
  fail "tmk-extract"
tmk-report tables -o report.html || fail "tmk-report"

# A page whose data is hostile: a name, a speaker and a quotation that try to end the script.
mkdir hostile
H='</script><script>document.title="owned"</script><img src=x onerror=alert(1)>'
printf 'doc\tbytes\tsentences\tsha256\nd\t10\t1\tx\n' >hostile/documents.tsv
printf 'doc\tsent\tstart\tend\ttext\nd\t1\t0\t%s\t%s\n' "${#H}" "$H" >hostile/sentences.tsv
printf 'doc\tsent\tstart\tend\ttype\ttext\tcanonical\tsource\nd\t1\t0\t9\tPER\tx\t%s\tmodel\n' "$H" >hostile/entities.tsv
printf 'doc\tsent\tstart\tend\tkind\tspeaker_canonical\ttext\nd\t1\t0\t9\tdirect\t%s\t%s\n' "$H" "$H" >hostile/quotes.tsv
tmk-report hostile -o hostile.html || fail "tmk-report hostile"

ARTIFACTS=${TMK_BUILD:-$WORK}
CHECKS=$((CHECKS + 1))
PYTHONPATH="$TMK_SOURCE/tests/cli" python3 - report.html hostile.html "$ARTIFACTS" "$H" <<'PY' || fail "browser checks"
import sys
from webdriver import Browser
report, hostile, artifacts, hostile_text = sys.argv[1:5]
failures = []
def check(what, ok):
    if not ok:
        failures.append(what)
        print('FAIL:', what, file=sys.stderr)

browser = Browser()
try:
    browser.open(report)
    check('no console messages on load', browser.console() == [])
    text = browser.script('return document.body.innerText;')
    # From reading the articles: the most named people, who is quoted, the sums of money.
    for wanted in ['Hillary Clinton', 'Bernie Sanders', 'Labor for Bernie', 'Rand Wilson', 'Al Wagner',
                   '$15', '$12', 'Example Wire', 'Sample Times']:
        check(f'{wanted} on the page', wanted in text)
    names = browser.script('return [...document.querySelectorAll("#quotes .bar text.label")].map(t => t.textContent);')
    check(f'Rand Wilson and Al Wagner among the speakers: {names}', 'Rand Wilson' in names and 'Al Wagner' in names)
    people = browser.script('return [...document.querySelectorAll("#names .bar rect.ent-PER")].map(r => r.parentNode.querySelector("text").textContent);')
    check(f'Clinton and Sanders the two most named people: {people[:2]}',
          sorted(people[:2]) == ['Bernie Sanders', 'Hillary Clinton'])
    # Clicking a speaker shows their quotations, each with its sentence.
    index = names.index('Rand Wilson')
    panel = f'speaker-{index}'
    check('quotations hidden before the click', browser.script(f'return document.getElementById("{panel}").hidden;'))
    browser.click(f'#quotes .bar[data-show="{panel}"]')
    check('quotations shown after the click', not browser.script(f'return document.getElementById("{panel}").hidden;'))
    shown = browser.script(f'return document.getElementById("{panel}").innerText;')
    quoted = browser.script(f'return [...document.querySelectorAll("#{panel} blockquote")].map(b => b.textContent);')
    check(f'the quotation is shown: {quoted!r}', any(q.startswith('Members have also successfully brought forward') for q in quoted))
    check('with its sentence', 'Labor for Bernie volunteer Rand Wilson told' in shown)
    check('one panel open', browser.script('return [...document.querySelectorAll("#quotes .panel")].filter(p => !p.hidden).length;') == 1)
    browser.screenshot(f'{artifacts}/report-corpus.png', height=browser.script('return Math.min(document.body.scrollHeight, 7000);'))
    # A document link opens the document view at the example.
    browser.click(f'#{panel} a[data-doc]')
    visible = browser.script('return [...document.querySelectorAll("article.doc")].filter(a => !a.hidden).map(a => a.id);')
    check(f'one document shown: {visible}', len(visible) == 1)
    check('the example outlined', browser.script('return document.querySelectorAll("article.doc:not([hidden]) .focus").length;') == 1)
    highlighted = browser.script('return [...document.querySelectorAll("article.doc:not([hidden]) span[class]")].map(s => s.className);')
    check('names, numbers and quotations highlighted',
          any('ent-PER' in c for c in highlighted) and any('number' in c for c in highlighted) and any('quote' in c for c in highlighted))
    browser.call('POST', '/window/rect', {'width': 1280, 'height': 1000})
    browser.script('document.getElementById("document").scrollIntoView();')
    browser.screenshot(f'{artifacts}/report-document.png')
    check('no console messages after clicking', browser.console() == [])

    browser.open(hostile)
    check('hostile page: no console messages', browser.console() == [])
    check('hostile page: title kept', browser.script('return document.title;') != 'owned')
    check('hostile page: one script, no image', browser.script('return [document.scripts.length, document.images.length];') == [1, 0])
    check('hostile page: the name shown as text', hostile_text in browser.script('return document.body.innerText;'))
    browser.click('#quotes .bar[data-show="speaker-0"]')
    check('hostile page: the quotation shown as text', hostile_text in browser.script('return document.getElementById("speaker-0").innerText;'))
finally:
    browser.close()
sys.exit(1 if failures else 0)
PY
echo "screenshots: $ARTIFACTS/report-corpus.png $ARTIFACTS/report-document.png"
done_ok
