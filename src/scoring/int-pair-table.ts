/**
 * A fixed map from a pair of non-negative 31-bit integers to a non-negative integer, in one typed array with
 * open addressing. The scorer's hottest look-ups go through it: the lexicon trie's edges (node, code unit)
 * and gapped-term leads at nearly every character of a tip, and the second reader's pairs and runs of three
 * Chinese characters (pairs and runs of words) — a few hundred look-ups in 100 characters, where a `Map`
 * per node, or keyed by strings, spent a fifth of the time. Built once at load; `get` allocates nothing.
 *
 * @example
 * const table = IntPairTable.of([[3, 7, 42]])
 * table.get(3, 7) // 42
 * table.get(7, 3) // -1
 */
export class IntPairTable {
  /**
   * Each slot's first key, second key and value, side by side in one array: a look-up reads one cache line
   * rather than three (the tables run to megabytes, and most look-ups miss the cache).
   */
  private constructor(
    private readonly slots: Int32Array,
    private readonly mask: number,
  ) {}

  /** A table of [first, second, value] entries; a repeated key keeps its last value. */
  static of(entries: readonly (readonly [number, number, number])[]): IntPairTable {
    let size = 16
    while (size < entries.length * 2) size *= 2 // at most half full: short probe runs
    const table = new IntPairTable(new Int32Array(size * SLOT).fill(-1), size - 1)
    for (const [a, b, value] of entries) table.set(a, b, value)
    return table
  }

  /** The value stored for (a, b), or -1. */
  get(a: number, b: number): number {
    const { slots, mask } = this
    for (let i = slot(a, b, mask); ; i = (i + 1) & mask) {
      const at = i * SLOT
      const value = slots[at + 2]!
      if (value < 0 || (slots[at] === a && slots[at + 1] === b)) return value
    }
  }

  private set(a: number, b: number, value: number): void {
    const { slots, mask } = this
    let at = slot(a, b, mask) * SLOT
    while (slots[at + 2]! >= 0 && !(slots[at] === a && slots[at + 1] === b)) at = (at + SLOT) % slots.length
    slots[at] = a
    slots[at + 1] = b
    slots[at + 2] = value
  }
}

/**
 * The bit of a 32-bit mask that stands for an integer (a multiplicative hash of it). Callers keep, beside a
 * table, a mask per first key of the second keys it holds: a clear bit says a look-up would miss without
 * touching the table, and most look-ups do miss.
 */
export const maskBit = (n: number) => 1 << (Math.imul(n, 0x9e3779b1) >>> 27)

/** Int32 values per slot: first key, second key, value (-1: empty). */
const SLOT = 3

function slot(a: number, b: number, mask: number): number {
  return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 15 & mask
}
