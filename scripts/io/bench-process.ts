import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';

/**
 * Run a command and measure it: wall time, and the peak resident memory of its whole process
 * tree (Astro spawns Pagefind, sharp runs threads), sampled from /proc every 250 ms. Peaks are
 * also kept per command name, so that the search indexer's own peak can be told apart.
 */
export interface Measured {
  code: number | null;
  output: string;
  ms: number;
  /** Peak of the sum of RSS over the tree, bytes. */
  peakRss: number;
  /** Peak RSS summed per command name (`node`, `pagefind_extended` …), bytes. */
  peakRssByName: Record<string, number>;
}

export async function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakRss = 0;
  const peakRssByName: Record<string, number> = {};
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = processTree(child.pid);
    let total = 0;
    const byName: Record<string, number> = {};
    for (const { rss, name } of tree) {
      total += rss;
      byName[name] = (byName[name] ?? 0) + rss;
    }
    peakRss = Math.max(peakRss, total);
    for (const [name, rss] of Object.entries(byName)) peakRssByName[name] = Math.max(peakRssByName[name] ?? 0, rss);
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  return { code, output, ms: performance.now() - started, peakRss, peakRssByName };
}

const PAGE = 4096;

/**
 * The process and its descendants with their RSS (bytes) and command name. Walks the tree
 * through /proc/<pid>/task/<tid>/children, so that a sample reads a few dozen small files
 * rather than every process on the machine (the sampler must not slow down what it measures).
 */
function processTree(root: number): Array<{ pid: number; rss: number; name: string }> {
  const result: Array<{ pid: number; rss: number; name: string }> = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      result.push({ pid, rss, name });
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ')) if (child.trim() !== '') stack.push(Number(child));
      }
    } catch {
      // the process ended while we read it
    }
  }
  return result;
}

/** Size of a folder tree: bytes of its files and their number. */
export function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    try {
      bytes += statSync(`${entry.parentPath}/${entry.name}`).size;
    } catch {
      // removed meanwhile
    }
  }
  return { bytes, files };
}
