/**
 * Levenshtein distance over UTF-16 code units (every CJK character of the BMP is one), with
 * Myers' bit-parallel algorithm in 32-bit blocks (Hyyrö's formulation): about n·m/32 steps, so
 * a whole page of 8,000 characters against its OCR costs milliseconds, not seconds.
 */

const peq = new Uint32Array(0x10000);

function myers32(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  const last = 1 << (n - 1);
  let pv = -1;
  let mv = 0;
  let score = n;
  for (let i = n - 1; i >= 0; i--) peq[a.charCodeAt(i)]! |= 1 << i;
  for (let i = 0; i < m; i++) {
    let eq = peq[b.charCodeAt(i)]!;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = n - 1; i >= 0; i--) peq[a.charCodeAt(i)] = 0;
  return score;
}

function myersBlocks(b: string, a: string): number {
  const n = a.length;
  const m = b.length;
  const hsize = Math.ceil(n / 32);
  const vsize = Math.ceil(m / 32);
  const phc = new Int32Array(hsize).fill(-1);
  const mhc = new Int32Array(hsize);
  let j = 0;
  for (; j < vsize - 1; j++) {
    let mv = 0;
    let pv = -1;
    const start = j * 32;
    const end = Math.min(32, m) + start;
    for (let k = start; k < end; k++) peq[b.charCodeAt(k)]! |= 1 << k;
    for (let i = 0; i < n; i++) {
      const eq = peq[a.charCodeAt(i)]!;
      const pb = (phc[(i / 32) | 0]! >>> i) & 1;
      const mb = (mhc[(i / 32) | 0]! >>> i) & 1;
      const xv = eq | mv;
      const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      if ((ph >>> 31) ^ pb) phc[(i / 32) | 0]! ^= 1 << i;
      if ((mh >>> 31) ^ mb) mhc[(i / 32) | 0]! ^= 1 << i;
      ph = (ph << 1) | pb;
      mh = (mh << 1) | mb;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    for (let k = start; k < end; k++) peq[b.charCodeAt(k)] = 0;
  }
  let mv = 0;
  let pv = -1;
  const start = j * 32;
  const end = Math.min(32, m - start) + start;
  for (let k = start; k < end; k++) peq[b.charCodeAt(k)]! |= 1 << k;
  let score = m;
  for (let i = 0; i < n; i++) {
    const eq = peq[a.charCodeAt(i)]!;
    const pb = (phc[(i / 32) | 0]! >>> i) & 1;
    const mb = (mhc[(i / 32) | 0]! >>> i) & 1;
    const xv = eq | mv;
    const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    score += (ph >>> ((m - 1) % 32)) & 1;
    score -= (mh >>> ((m - 1) % 32)) & 1;
    if ((ph >>> 31) ^ pb) phc[(i / 32) | 0]! ^= 1 << i;
    if ((mh >>> 31) ^ mb) mhc[(i / 32) | 0]! ^= 1 << i;
    ph = (ph << 1) | pb;
    mh = (mh << 1) | mb;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let k = start; k < end; k++) peq[b.charCodeAt(k)] = 0;
  return score;
}

/** Edits (insertions, deletions, substitutions) that turn `a` into `b`. */
export function levenshtein(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  if (b.length === 0) return a.length;
  if (a.length <= 32) return myers32(a, b);
  return myersBlocks(a, b);
}
