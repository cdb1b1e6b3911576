/**
 * Work a module starts on a database without making its caller wait (the planner statistics'
 * ANALYZE after an import), which closing that database must wait for. Keyed by the database
 * handle; this file imports nothing, so database.ts and the modules that start such work do not
 * import each other.
 */
const started = new WeakMap<object, Set<Promise<void>>>();

/** Registers `work` on `database` until it settles; closing the database waits for it. */
export function finishBeforeClose(database: object, work: Promise<void>): void {
  const pending = started.get(database) ?? new Set<Promise<void>>();
  started.set(database, pending);
  const tracked: Promise<void> = work.finally(() => pending.delete(tracked));
  pending.add(tracked);
}

/** Resolves once every piece of work registered on `database` has settled. */
export async function workBeforeCloseDone(database: object): Promise<void> {
  await Promise.allSettled([...(started.get(database) ?? [])]);
}
