import { customType } from 'drizzle-orm/sqlite-core'

/**
 * A BLOB column typed as a plain `Uint8Array`. drizzle's own `blob({ mode: 'buffer' })` is typed as Node's
 * `Buffer`, which Workers do not have; drivers also disagree on what they hand back (libSQL a Node
 * `Buffer`, D1 an `ArrayBuffer` or a number array), so reads are normalised here once to a plain
 * `Uint8Array` over exactly the value's bytes.
 *
 * @example
 * const tips = sqliteTable('tips', { nonce: bytes('nonce').notNull() })
 */
export const bytes = customType<{ data: Uint8Array; driverData: Uint8Array | ArrayBuffer | number[] }>({
  dataType: () => 'blob',
  toDriver: (value) => value,
  fromDriver: (value) =>
    value instanceof Uint8Array ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value),
})
