import { type Category, categories } from '../scoring/types'

/**
 * Categories as a bit set (bit i = `categories[i]`), the form `cases.category_mask` stores so the queue can
 * filter by category with one AND instead of a join on tips.
 *
 * @example
 * categoryMask(['verbal', 'cyber']) // 0b1010 = 10
 */
export function categoryMask(list: readonly Category[]): number {
  let mask = 0
  for (const category of list) mask |= 1 << categories.indexOf(category)
  return mask
}

/**
 * The categories in a bit set, in `categories` order.
 *
 * @example
 * categoriesOf(10) // ['verbal', 'cyber']
 */
export function categoriesOf(mask: number): Category[] {
  return categories.filter((_, i) => (mask & (1 << i)) !== 0)
}
