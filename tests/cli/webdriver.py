"""A minimal W3C WebDriver client (python3 standard library only) for headless Chromium
through Debian's chromedriver: enough for tmk-report's browser test to open a page, read
the browser console, click, run a script and take a screenshot. Nothing is downloaded."""
import base64
import json
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'  # the W3C key of an element reference


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Browser:
    def __init__(self, chromium='/usr/bin/chromium', chromedriver='chromedriver'):
        self.port = free_port()
        self.profile = tempfile.mkdtemp(prefix='tmk-chromium-')
        self.driver = subprocess.Popen([chromedriver, f'--port={self.port}'],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while True:
            try:
                self._call('GET', '/status')
                break
            except (urllib.error.URLError, ConnectionError):
                if time.time() > deadline or self.driver.poll() is not None:
                    raise RuntimeError('chromedriver did not start')
                time.sleep(0.1)
        args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                '--disable-background-networking', '--disable-component-update', '--disable-sync',
                '--disable-dev-shm-usage', f'--user-data-dir={self.profile}', '--window-size=1280,1000']
        session = self._call('POST', '/session', {'capabilities': {'alwaysMatch': {
            'browserName': 'chrome',
            'goog:chromeOptions': {'binary': chromium, 'args': args},
            'goog:loggingPrefs': {'browser': 'ALL'}}}})
        self.session = f"/session/{session['sessionId']}"

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f'http://127.0.0.1:{self.port}{path}', data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response).get('value')
        except urllib.error.HTTPError as error:
            raise RuntimeError(f'{method} {path}: {error.read().decode(errors="replace")}') from None

    def call(self, method, path, body=None):
        return self._call(method, self.session + path, body)

    def open(self, path):
        self.call('POST', '/url', {'url': 'file://' + os.path.abspath(path)})

    def script(self, source, *args):
        return self.call('POST', '/execute/sync', {'script': source, 'args': list(args)})

    def find(self, css):
        return self.call('POST', '/element', {'using': 'css selector', 'value': css})[ELEMENT]

    def click(self, css):
        element = self.find(css)
        self.script('arguments[0].scrollIntoView({block: "center"});', {ELEMENT: element})
        self.call('POST', f'/element/{element}/click', {})

    def console(self):
        """The browser console's entries since the last call (level, message)."""
        return [(e['level'], e['message']) for e in self.call('POST', '/se/log', {'type': 'browser'})]

    def screenshot(self, path, height=None):
        if height:
            self.call('POST', '/window/rect', {'width': 1280, 'height': height})
        with open(path, 'wb') as out:
            out.write(base64.b64decode(self.call('GET', '/screenshot')))

    def close(self):
        try:
            self.call('DELETE', '')
        finally:
            self.driver.terminate()
            self.driver.wait(10)
            subprocess.run(['rm', '-rf', self.profile])
