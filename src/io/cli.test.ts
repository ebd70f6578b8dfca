import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, 'cli.ts');
const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let scripts = 0;

/** Run a command script whose main function has `body`, in a Node process of its own. */
function run(body: string, options = '{}', args: string[] = []): { status: number | null; stdout: string; stderr: string } {
  const script = join(dir, `command-${++scripts}.mjs`);
  writeFileSync(script, `import { runCommand } from ${JSON.stringify(cli)};\nrunCommand(async (argv) => { ${body} }, ${options});\n`);
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('runCommand', () => {
  it("passes the arguments and exits with main's result", () => {
    expect(run('console.log(argv.join(",")); return 3;', '{}', ['a', '--b'])).toEqual({ status: 3, stdout: 'a,--b\n', stderr: '' });
    expect(run('return;').status).toBe(0);
  });

  it('prints an error as one line, then the usage, and exits 1', () => {
    expect(run('throw new Error("no such paper");', '{ usage: "usage: x <paper>" }')).toEqual({ status: 1, stdout: '', stderr: 'error: no such paper\n\nusage: x <paper>\n' });
    expect(run('throw new Error("boom");', '{ stack: true }').stderr).toMatch(/^error: Error: boom\n\s+at /u);
  });

  it("lets a command answer its own errors", () => {
    const result = run('throw new RangeError("bad");', '{ onError: (e) => e instanceof RangeError ? (process.stderr.write("range\\n"), 2) : undefined }');
    expect(result).toEqual({ status: 2, stdout: '', stderr: 'range\n' });
  });
});
