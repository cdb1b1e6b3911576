import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawServerDefault,
} from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from './actor';
import { AppError, unauthorized, type FieldError } from './errors';
import { appErrorOfDatabase, isDatabaseUnavailable, loggableError } from './db-errors';
import { withFieldLabel } from './field-labels';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** CSRF token of the session the request came with. */
    csrfToken: string | null;
    sessionTokenHash: string | null;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no login (login, health, the public results page). */
    access?: 'public';
  }
}

/** The caller, or 401. Routes call this first; the hook in auth.plugin has already loaded it. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(
        z.object({
          path: z.string().optional(),
          row: z.number().int().optional(),
          column: z.string().optional(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Problem' });

/** Adds the problem+json answers every authenticated route may give, for the OpenAPI document. */
export function withProblems<T extends Record<number, z.ZodType>>(responses: T) {
  return {
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    404: problemSchema,
    409: problemSchema,
    ...responses,
  };
}

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  title: string,
  detail: string,
  errors?: FieldError[],
) {
  const body = {
    type: 'about:blank',
    title,
    status,
    detail,
    instance: request.url,
    requestId: String(request.id),
    ...(errors ? { errors } : {}),
  };
  // Problems bypass response schemas: they are the same shape for every route.
  return reply.code(status).type('application/problem+json').serializer(JSON.stringify).send(body);
}

const FASTIFY_CODES_ZH: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持的内容类型',
  FST_ERR_CTP_BODY_TOO_LARGE: '请求内容过大',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容不能为空',
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_NOT_FOUND: '接口不存在',
};

export function installErrorHandling(app: App) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return sendProblem(reply, request, error.status, error.title, error.detail, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((v) => {
        const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
        const where =
          error.validationContext === 'querystring'
            ? '查询参数'
            : error.validationContext === 'params'
              ? '路径参数'
              : '字段';
        return { path: path || where, message: v.message ?? '取值无效' };
      });
      const detail = errors.map((e) => withFieldLabel(e.path!, e.message)).join('；');
      return sendProblem(reply, request, 400, '请求参数有误', detail, errors);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: loggableError(error), reqId: request.id }, 'response did not match its schema');
      return sendProblem(reply, request, 500, '服务器内部错误', `请联系管理员，并提供请求编号 ${request.id}`);
    }
    // A unique key taken by a concurrent request (409 naming the field), text PostgreSQL refuses (400).
    const fromDatabase = appErrorOfDatabase(error);
    if (fromDatabase)
      return sendProblem(
        reply,
        request,
        fromDatabase.status,
        fromDatabase.title,
        fromDatabase.detail,
        fromDatabase.errors,
      );
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: loggableError(error), reqId: request.id }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(reply, request, 503, '数据库暂不可用', '数据库正在切换或重新连接，请稍后重试');
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const title = (error.code && FASTIFY_CODES_ZH[error.code]) || '请求有误';
      return sendProblem(reply, request, status, title, title);
    }
    // Never the query's parameters: they hold complainants' names, phones and ID numbers.
    request.log.error({ err: loggableError(error), reqId: request.id }, 'unhandled error');
    return sendProblem(reply, request, 500, '服务器内部错误', `请联系管理员，并提供请求编号 ${request.id}`);
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 404, '未找到', `接口 ${request.method} ${request.url.split('?')[0]} 不存在`),
  );
}

/** Shared query parameters for paged lists. */
export const pagingQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
