import type { Problem } from '@redshield/api-client';
import { ApiError } from './api';

/** antd's NamePath: "members.0.name" becomes ['members', 0, 'name']. */
export type FieldPath = (string | number)[];

export interface FieldErrors {
  name: FieldPath;
  errors: string[];
}

/** Converts a dotted API path into a form field path. */
export function toFieldPath(path: string): FieldPath {
  return path
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

const samePath = (a: FieldPath, b: FieldPath) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

/**
 * Splits a problem's `errors` into those that name a field of the form (grouped per field, in order)
 * and the rest (rows, columns, fields the form does not have), which the caller shows as a message.
 * `fields` lists the form's field names; errors on a sub-path (roles.0) land on the field (roles).
 */
export function problemToFieldErrors(
  problem: Problem | undefined,
  fields: FieldPath[],
): { fields: FieldErrors[]; other: string[] } {
  const result: FieldErrors[] = [];
  const other: string[] = [];
  for (const e of problem?.errors ?? []) {
    const path = e.path ? toFieldPath(e.path) : [];
    const field = path.length > 0 ? fields.find((f) => samePath(f, path.slice(0, f.length))) : undefined;
    if (!field) {
      const where = [e.row !== undefined ? `第 ${e.row} 行` : '', e.column ?? '', e.path && !field ? e.path : '']
        .filter(Boolean)
        .join(' ');
      other.push(where ? `${where}：${e.message}` : e.message);
      continue;
    }
    const existing = result.find((r) => samePath(r.name, field));
    if (existing) existing.errors.push(e.message);
    else result.push({ name: field, errors: [e.message] });
  }
  return { fields: result, other };
}

/** The minimal part of antd's FormInstance the helper uses (keeps it testable without a DOM). */
export interface FormLike {
  setFields: (fields: { name: FieldPath; errors: string[] }[]) => void;
  getFieldsValue: () => Record<string, unknown>;
}

/** Names of the fields a form shows now, for problemToFieldErrors (top-level names; nested paths match by prefix). */
export const formFieldNames = (form: FormLike): FieldPath[] => Object.keys(form.getFieldsValue() ?? {}).map((k) => [k]);

/**
 * Puts a failed request's field errors on the form (the values the user typed stay as they are) and
 * returns the text to tell the user: when errors landed on fields, their messages (the detail would
 * repeat them, prefixed with the API's field names); otherwise the problem's detail. Returns null for
 * errors that are not API problems (the caller words those).
 */
export function applyProblemToForm(form: FormLike, error: unknown, extraFields: FieldPath[] = []): string | null {
  if (!(error instanceof ApiError) || !error.problem) return null;
  const { fields, other } = problemToFieldErrors(error.problem, [...formFieldNames(form), ...extraFields]);
  if (fields.length === 0) return error.problem.detail || other.join('；') || error.problem.title;
  form.setFields(fields);
  return [...fields.flatMap((f) => f.errors), ...other].join('；');
}
