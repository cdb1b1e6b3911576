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
