import { randomFillSync } from "node:crypto";

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_BYTES;

/**
 * `size` bytes from the CSPRNG, each byte given out once, drawn 4 KB at a time: one
 * `randomBytes` call per IV, salt or id cost more than the value's use (decisions 144, 166). The
 * answer is a view of the pool, read-only to the caller; a later call never gives the same bytes.
 */
export function randomPooled(size: number): Buffer {
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafeSlow(Math.max(POOL_BYTES, size)));
    offset = 0;
  }
  const value = pool.subarray(offset, offset + size);
  offset += size;
  return value;
}
