/**
 * Compares two byte strings in time that depends only on their lengths, never on where they first differ,
 * so an attacker timing many guesses against a stored hash learns nothing about its prefix.
 *
 * JavaScript engines give no hard constant-time guarantee; this is the best a portable, runtime-free
 * implementation can do (Workers has no `crypto.timingSafeEqual` without `node:` imports). Inputs here are
 * always fixed-length digests, so leaking the length is harmless.
 *
 * @example
 * timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])) // true
 * timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])) // false
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // Fold the length difference into the accumulator instead of returning early, and walk the longer input
  // so unequal lengths cost the same as equal ones.
  let diff = a.length ^ b.length
  const length = Math.max(a.length, b.length)
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}
