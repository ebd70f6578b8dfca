#!/usr/bin/env node
// Runs a command of this project with a Node.js that can run it. Plain JavaScript on purpose:
// it must start on any Node LTS (these machines ship Node 20), while the project needs 22.18 or
// later (Astro 7; running .ts files directly and `import.meta.main`). When the Node running it
// is too old, it installs node@24 from the npm registry into .tools/ (once; ignored by git),
// puts it first on PATH and runs the command with it, saying so in one line.
//
//   node scripts/launch.mjs <file.ts> [args…]     a CLI of ours
//   node scripts/launch.mjs --npm <script> [args…] an npm script (its `node`, `astro` and
//                                                   `vitest` then start on the right Node)
//   node scripts/launch.mjs --check-test-tools …   first say what the tests need and is missing
//
// docs/0002-layout-and-launcher.md says why it exists and what it costs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NEEDED = [22, 18];
const TOOLS = join(ROOT, '.tools');
const TOOLS_BIN = join(TOOLS, 'node_modules', '.bin');

function supports(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);
}

function say(line) {
  process.stderr.write(`[launch] ${line}\n`);
}

/** The directory of a Node binary that can run the project, installing one if needed. */
function nodeBinDir() {
  if (supports(process.version)) return dirname(process.execPath);
  const tools = join(TOOLS_BIN, 'node');
  if (existsSync(tools)) {
    const version = spawnSync(tools, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (supports(version)) return TOOLS_BIN;
  }
  say(`Node ${process.version} is too old (this project needs ${NEEDED.join('.')} or later): installing node@24 from the npm registry into .tools/ (once)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['install', '--prefix', TOOLS, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0 || !existsSync(tools)) {
    say('could not install node@24; install Node.js 22.18 or later yourself (https://nodejs.org) and run the command again');
    process.exit(1);
  }
  return TOOLS_BIN;
}

/** What the tests need from the system, and the one command that installs what is missing. */
function missingTestTools() {
  const missing = [];
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) missing.push('chromium');
  const tesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (tesseract.error || tesseract.status !== 0) missing.push('tesseract-ocr', 'tesseract-ocr-chi-sim', 'tesseract-ocr-chi-tra');
  else {
    const langs = `${tesseract.stdout}${tesseract.stderr}`;
    if (!/\bchi_sim\b/.test(langs)) missing.push('tesseract-ocr-chi-sim');
    if (!/\bchi_tra\b/.test(langs)) missing.push('tesseract-ocr-chi-tra');
  }
  if (spawnSync('xmllint', ['--version']).status !== 0) missing.push('libxml2-utils');
  if (spawnSync('pdftoppm', ['-v']).status !== 0) missing.push('poppler-utils');
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.error || !/Noto (?:Serif|Sans) CJK/.test(fonts.stdout)) missing.push('fonts-noto-cjk');
  return missing;
}

const args = process.argv.slice(2);
if (args[0] === '--check-test-tools') {
  args.shift();
  const missing = missingTestTools();
  if (missing.length > 0) {
    say(`the tests need programs that are missing: sudo apt-get install ${missing.join(' ')}   (Debian/Ubuntu; or set CHROMIUM_PATH to a Chromium binary)`);
    process.exit(1);
  }
}
if (args.length === 0) {
  say('usage: node scripts/launch.mjs <file.ts> [args…] | --npm <script> [args…]');
  process.exit(2);
}

const bin = nodeBinDir();
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
const child =
  args[0] === '--npm'
    ? spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', ...args.slice(1, 2), ...(args.length > 2 ? ['--', ...args.slice(2)] : [])], { stdio: 'inherit', env, cwd: ROOT })
    : spawn(join(bin, 'node'), args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
