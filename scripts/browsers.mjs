// Finds Chromium and Firefox for the tests: CHROME_PATH / FIREFOX_PATH first, then the usual Debian
// places. When none is there and we run as root on Debian/Ubuntu, installs Debian's chromium and
// firefox-esr with apt-get (saying so); anywhere else, stops with the exact command to run.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const CHROMES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const FIREFOXES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/usr/bin/firefox-esr', '/usr/bin/firefox'];

const first = (env, list) => (process.env[env] && existsSync(process.env[env]) ? process.env[env] : list.find((p) => existsSync(p)));

function isDebianRoot() {
  const os = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return process.getuid?.() === 0 && /ID(_LIKE)?=.*(debian|ubuntu)/i.test(os) && spawnSync('which', ['apt-get']).status === 0;
}

/** Paths of Chromium and Firefox, installing them when possible. `need` names the engines required. */
export function findBrowsers(need = ['chromium', 'firefox']) {
  let chrome = first('CHROME_PATH', CHROMES);
  let firefox = first('FIREFOX_PATH', FIREFOXES);
  const missing = [need.includes('chromium') && !chrome && 'chromium', need.includes('firefox') && !firefox && 'firefox-esr'].filter(Boolean);
  if (missing.length) {
    const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
    if (!isDebianRoot()) {
      console.error(
        `[keksi tests] ${missing.join(' and ')} not found. Install ${missing.length > 1 ? 'them' : 'it'} (Debian/Ubuntu: sudo ${command}) or set CHROME_PATH / FIREFOX_PATH.`,
      );
      process.exit(2);
    }
    console.log(`[keksi tests] installing Debian's ${missing.join(' and ')}: ${command}`);
    execFileSync('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`], { stdio: 'inherit' });
    chrome = first('CHROME_PATH', CHROMES);
    firefox = first('FIREFOX_PATH', FIREFOXES);
  }
  return { chrome, firefox };
}

/** Flags that keep Chromium quiet and working as root on a closed network. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
