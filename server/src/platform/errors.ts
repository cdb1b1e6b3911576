import { withFieldLabel } from './field-labels';

/**
 * Errors the API answers with, as application/problem+json (RFC 9457). Titles and details are
 * Chinese because they reach officials; `errors` names each bad field or spreadsheet row.
 */
export interface FieldError {
  /** The field, as a dotted path ("parentId", "members.0.name"). */
  path?: string;
  /** The spreadsheet row a person sees (header = row 1). */
  row?: number;
  column?: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) => new AppError(400, '请求有误', detail, errors);

/** A rule of the domain refused the input; names the field. */
export const invalidField = (path: string, message: string) =>
  new AppError(400, '请求有误', withFieldLabel(path, message), [{ path, message }]);

/** A well-formed request the record's state does not allow yet (a 督办 closed before its case is decided); names the field. */
export const unprocessable = (path: string, message: string) =>
  new AppError(422, '无法办理', message, [{ path, message }]);

export const unauthorized = (detail = '请先登录') => new AppError(401, '未登录', detail);
export const forbidden = (detail = '您没有执行此操作的权限') => new AppError(403, '无权操作', detail);
/** Outside the caller's scope answers the same as absent: the record's existence is not revealed. */
export const notFound = (what = '记录') => new AppError(404, '未找到', `${what}不存在或不在您的权限范围内`);
export const conflict = (detail: string) => new AppError(409, '冲突', detail);
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError(429, '请求过于频繁', detail, undefined, { 'retry-after': String(retryAfterSeconds) });
