import type { FieldProblem } from './queue-kernel';

/** A field path of the server (`seizures.0.quantity`) as an Ant Design form names it. Pure. */
export const fieldName = (path: string): (string | number)[] =>
  path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The server's refusals of a returned draft as the form's field errors (one entry per field, its
 * messages together); problems that name no field are left to the alert above the form. Pure.
 */
export function draftFieldErrors(errors: readonly FieldProblem[] | undefined) {
  const byPath = new Map<string, string[]>();
  for (const e of errors ?? []) {
    if (!e.path || e.path.startsWith('第 ')) continue;
    byPath.set(e.path, [...(byPath.get(e.path) ?? []), e.message]);
  }
  return [...byPath].map(([path, messages]) => ({ name: fieldName(path), errors: messages }));
}

/** The page address that reopens a record module's create dialog with its returned draft. */
export const createDialogPath = (listPath: string) => `${listPath}?new=1`;

/**
 * A search picker's options while its answer is not there (offline, the request waits): the last
 * answer narrowed to what contains every word typed, so a person without a network still finds
 * what was read before. Pure.
 */
export function narrowCached<T>(items: readonly T[], q: string, text: (item: T) => string): T[] {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...items];
  return items.filter((item) => {
    const s = text(item).toLowerCase();
    return words.every((w) => s.includes(w));
  });
}
