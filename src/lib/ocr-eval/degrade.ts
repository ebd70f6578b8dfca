import { createRng } from '../random.ts';

/**
 * How a page is degraded into a scan for the OCR evaluation, as pure parameters and pixel
 * arithmetic; src/io/degrade-image.ts applies them with sharp. A scanner or a camera turns the
 * page a little, blurs it, adds grain, lights it unevenly, compresses it as JPEG and samples it
 * at its own resolution.
 */

export interface DegradeParams {
  /** Rotation in degrees, clockwise (±1.5 for a page laid on a flatbed by hand). */
  skewDeg: number;
  /** Gaussian blur sigma in pixels (0: none). */
  blur: number;
  /** Standard deviation of grain added to each pixel, in grey levels (0: none). */
  noise: number;
  /** JPEG quality 1-100, or null for a lossless PNG. */
  jpegQuality: number | null;
  /** Darkening of the unevenly lit side, 0-1 (0: even light). */
  light: number;
  /** Direction of the light falloff, in degrees. */
  lightAngle: number;
  /** Paper grey level (255 = white). */
  paper: number;
  /** Scan resolution relative to the rendered page (1: same pixel size). */
  scale: number;
  /** Seed of the grain. */
  seed: number;
}

/** The page as rendered: nothing changed. */
export const CLEAN: DegradeParams = { skewDeg: 0, blur: 0, noise: 0, jpegQuality: null, light: 0, lightAngle: 0, paper: 255, scale: 1, seed: 0 };

/** A scan as an archive receives it, drawn from `random` (seed it per page). */
export function degradeParams(random: () => number): DegradeParams {
  const between = (min: number, max: number) => min + random() * (max - min);
  return {
    skewDeg: Math.round(between(-1.5, 1.5) * 100) / 100,
    blur: random() < 0.6 ? Math.round(between(0.3, 1.2) * 100) / 100 : 0,
    noise: Math.round(between(0, 14)),
    jpegQuality: Math.round(between(40, 90)),
    light: Math.round(between(0, 0.3) * 100) / 100,
    lightAngle: Math.round(between(0, 360)),
    paper: Math.round(between(225, 250)),
    scale: Math.round(between(0.75, 1.15) * 100) / 100,
    seed: Math.floor(random() * 2 ** 31),
  };
}

/**
 * Paper tone, uneven light and grain on a greyscale raster, in place: ink stays ink, white
 * becomes paper, one side darkens linearly by up to `light`, then Gaussian grain.
 */
export function applyLightAndNoise(pixels: Uint8Array, width: number, height: number, p: DegradeParams): void {
  const a = (p.lightAngle * Math.PI) / 180;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  const half = (Math.abs(ux) * width + Math.abs(uy) * height) / 2;
  const cx = width / 2;
  const cy = height / 2;
  const uniform = createRng(p.seed);
  let spare: number | null = null;
  const gauss = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u = Math.max(uniform(), 1e-12);
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * uniform();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
  const scale = p.paper / 255;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      // 0 at the lit side, 1 at the dark side
      const t = ((x - cx) * ux + (y - cy) * uy) / (2 * half) + 0.5;
      let v = pixels[i]! * scale * (1 - p.light * t);
      if (p.noise > 0) v += gauss() * p.noise;
      pixels[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}
