/**
 * What a build was made from, as fingerprints, and what changed between two builds: the basis
 * of `npm run shard -- update`, which rebuilds only the shards whose inputs changed.
 * Pure: the fingerprints are computed by src/io/build-inputs.ts.
 */
export interface BuildInputs {
  /** The site's code and configuration: a change rebuilds everything. */
  code: string;
  /** `<paper>` -> fingerprint of `papers/<paper>.yml`. */
  papers: Record<string, string>;
  /** `<paper>/<date>` -> fingerprint of the issue folder (every file in it). */
  issues: Record<string, string>;
}

export interface InputChanges {
  /** The code changed (or nothing was recorded): every build is made again. */
  everything: boolean;
  /** Papers whose description was added, changed or removed: all their shards. */
  papers: string[];
  /** Issues added, changed or removed. */
  issues: Array<{ paper: string; date: string }>;
}

export function diffInputs(before: BuildInputs | undefined, now: BuildInputs): InputChanges {
  if (before === undefined || before.code !== now.code) return { everything: true, papers: [], issues: [] };
  const changedKeys = (a: Record<string, string>, b: Record<string, string>) =>
    [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]).sort();
  return {
    everything: false,
    papers: changedKeys(before.papers, now.papers),
    issues: changedKeys(before.issues, now.issues).map((key) => {
      const [paper, date] = key.split('/') as [string, string];
      return { paper, date };
    }),
  };
}

/** A one-line account of the changes, for the update's log. */
export function describeChanges(changes: InputChanges): string {
  if (changes.everything) return 'the site code changed (or no earlier build was recorded): every build is made again';
  const parts: string[] = [];
  if (changes.papers.length > 0) parts.push(`papers ${changes.papers.join(', ')}`);
  if (changes.issues.length > 0) {
    const shown = changes.issues.slice(0, 5).map((i) => `${i.paper}/${i.date}`);
    parts.push(`${changes.issues.length} issue(s): ${shown.join(', ')}${changes.issues.length > 5 ? ', …' : ''}`);
  }
  return parts.length === 0 ? 'nothing changed since the last build' : `changed: ${parts.join('; ')}`;
}
