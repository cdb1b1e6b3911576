/**
 * The rows of a raw `db.execute(sql…)` result, whichever driver ran it: node-postgres and PGlite
 * answer `{ rows }`, some drivers the array itself.
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? (result as T[]);
}
