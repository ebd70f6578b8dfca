import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { plainText } from '../lib/bench-stats.ts';

/**
 * Run a command and measure it: wall time, and the peak resident memory of its whole process
 * tree (Astro's workers, sharp's threads), sampled from /proc every 250 ms. A phase of the run
 * (the search index step of a build, say) is told by the lines it logs when it starts and ends,
 * and the peak while it runs is kept apart.
 */
export interface Measured {
  code: number | null;
  output: string;
  ms: number;
  /** Peak of the sum of RSS over the tree, bytes. */
  peakRss: number;
  /** Per phase: the peak RSS of the tree while it ran (null when its lines never came), bytes. */
  phaseRss: Record<string, number | null>;
}

/** A phase of a run: from the first output line matching `start` to the first matching `end` after it. */
export interface Phase {
  start: RegExp;
  end: RegExp;
}

export async function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; phases?: Record<string, Phase> } = {}): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const phases = Object.entries(options.phases ?? {}).map(([name, phase]) => ({ name, ...phase, state: 'before' as 'before' | 'running' | 'done', peak: 0 }));
  let output = '';
  let pending = '';
  const read = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    // whole lines only: a marker may arrive split across chunks
    const lines = (pending + text).split('\n');
    pending = lines.pop()!;
    for (const line of lines.map(plainText)) {
      for (const phase of phases) {
        if (phase.state === 'before' && phase.start.test(line)) {
          phase.state = 'running';
          sample();
        } else if (phase.state === 'running' && phase.end.test(line)) {
          sample();
          phase.state = 'done';
        }
      }
    }
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  let peakRss = 0;
  function sample(): void {
    if (child.pid === undefined) return;
    const total = processTree(child.pid).reduce((n, { rss }) => n + rss, 0);
    peakRss = Math.max(peakRss, total);
    for (const phase of phases) if (phase.state === 'running') phase.peak = Math.max(phase.peak, total);
  }
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(timer);
  const phaseRss = Object.fromEntries(phases.map((phase) => [phase.name, phase.state === 'done' ? phase.peak : null]));
  return { code, output, ms: performance.now() - started, peakRss, phaseRss };
}

const PAGE = 4096;

/**
 * The process and its descendants with their RSS (bytes). Walks the tree
 * through /proc/<pid>/task/<tid>/children, so that a sample reads a few dozen small files
 * rather than every process on the machine (the sampler must not slow down what it measures).
 */
function processTree(root: number): Array<{ pid: number; rss: number }> {
  const result: Array<{ pid: number; rss: number }> = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const rss = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
      result.push({ pid, rss });
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
