import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors';
import { fieldLabel } from './field-labels';
import type { App } from './http';

/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a query carrying one fails with
 * "invalid byte sequence" (a 500 before this guard). Every JSON body, query string and path
 * parameter is checked here, once for all routes (public ones included), before validation, and a
 * NUL answers 400 naming the field. Uploaded files are not checked here: the import readers take
 * them apart cell by cell.
 */
const NUL = '\u0000';

const MESSAGE = '不能包含空字符（\\u0000），请删除后重新提交';

/** The dotted paths of every string holding NUL (keys included), at most `limit` of them. */
export function nulPaths(value: unknown, limit = 20): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const walk = (v: unknown, path: string, depth: number) => {
    if (found.length >= limit) return;
    if (typeof v === 'string') {
      if (v.includes(NUL)) found.push(path);
      return;
    }
    if (
      !v ||
      typeof v !== 'object' ||
      depth > 32 ||
      seen.has(v) ||
      Buffer.isBuffer(v) ||
      typeof (v as { pipe?: unknown }).pipe === 'function'
    )
      return;
    seen.add(v);
    for (const [key, child] of Object.entries(v)) {
      const childPath = path ? `${path}.${key}` : key;
      if (key.includes(NUL)) {
        found.push(childPath.replaceAll(NUL, '\\u0000'));
        if (found.length >= limit) return;
        continue;
      }
      walk(child, childPath, depth + 1);
    }
  };
  walk(value, '', 0);
  return found;
}

const WHERE = { body: '请求内容', query: '查询参数', params: '路径参数' } as const;

/** 400 naming each field that holds a NUL character, or null when there is none. */
export function nulProblem(request: Pick<FastifyRequest, 'body' | 'query' | 'params'>): AppError | null {
  const errors: FieldError[] = [];
  for (const part of ['body', 'query', 'params'] as const) {
    const value = request[part];
    if (typeof value === 'string') {
      if (value.includes(NUL)) errors.push({ path: WHERE[part], message: MESSAGE });
      continue;
    }
    for (const path of nulPaths(value)) errors.push({ path: path || WHERE[part], message: MESSAGE });
  }
  if (!errors.length) return null;
  const detail = errors.map((e) => `${fieldLabel(e.path!) || e.path}${MESSAGE}`).join('；');
  return new AppError(400, '请求有误', detail, errors);
}

/** Refuses NUL in every request's body, query string and path parameters (400). */
export function installInputGuards(app: App) {
  app.addHook('preValidation', async (request) => {
    const problem = nulProblem(request);
    if (problem) throw problem;
  });
}
