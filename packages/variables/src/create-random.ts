/** A seeded source of uniform numbers in [0, 1). */
export type Random = () => number;

/** Hashes a string seed to 32 bits (FNV-1a), so string and number seeds both work. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Creates a reproducible generator (sfc32, seeded through splitmix32): the same seed always
 * gives the same sequence, on every platform.
 */
export function createRandom(seed: number | string): Random {
  let s =
    typeof seed === 'string'
      ? hashSeed(seed)
      : (Math.floor(Math.abs(seed)) % 0x100000000) ^ (seed < 0 ? 0x9e3779b9 : 0);
  const split = (): number => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
