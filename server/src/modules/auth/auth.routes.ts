import { z } from 'zod';
import type { AppConfig } from '../../config';
import { problemSchema, requireActor, withProblems, type App } from '../../platform/http';
import { unauthorized } from '../../platform/errors';
import { userSchema } from '../users/users.routes';
import { SESSION_COOKIE } from './auth.plugin';
import { SESSION_IDLE_MS, type AuthService } from './auth.service';

const meSchema = userSchema
  .extend({ unitName: z.string().nullable(), unitKind: z.string().nullable() })
  .meta({ id: 'CurrentUser' });
const sessionSchema = z.object({ csrfToken: z.string(), user: meSchema }).meta({ id: 'Session' });

export function registerAuthRoutes(app: App, authService: AuthService, config: Pick<AppConfig, 'secureCookies'>) {
  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: '登录',
      body: z.object({
        username: z.string().trim().min(1, '请输入用户名').max(40),
        password: z.string().min(1, '请输入密码').max(128),
      }),
      response: { 200: sessionSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema },
    },
    handler: async (req, reply) => {
      const result = await authService.login(req.body.username, req.body.password, req.ip, String(req.id));
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        maxAge: Math.floor(SESSION_IDLE_MS / 1000),
      });
      return { csrfToken: result.csrfToken, user: result.user };
    },
  });

  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: '退出登录', response: withProblems({ 204: z.null() }) },
    handler: async (req, reply) => {
      await authService.logout(requireActor(req), req.sessionTokenHash!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: '当前用户与 CSRF 令牌', response: withProblems({ 200: sessionSchema }) },
    handler: async (req) => {
      const actor = requireActor(req);
      if (!req.csrfToken) throw unauthorized();
      return { csrfToken: req.csrfToken, user: await authService.me(actor) };
    },
  });

  app.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: '修改自己的密码',
      body: z.object({
        currentPassword: z.string().min(1, '请输入当前密码').max(128),
        newPassword: z.string().max(128),
      }),
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await authService.changePassword(
        requireActor(req),
        req.body.currentPassword,
        req.body.newPassword,
        req.sessionTokenHash!,
      );
      return reply.code(204).send(null);
    },
  });
}
