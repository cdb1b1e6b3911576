import type { App } from '../../platform/http';
import { forbidden, unauthorized } from '../../platform/errors';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'rs_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user who must change his password may still do (首次登录或密码被重置后须先修改密码). */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'HEAD /api/auth/me',
]);

/**
 * Loads the caller from the session cookie on every request, and enforces login and CSRF:
 * an /api route that is not public needs a live session (401), and every request that is not
 * GET/HEAD/OPTIONS must carry the session's token in x-csrf-token (403). A user whose password
 * was set by an administrator (mustChangePassword) gets 403 on everything but changing it,
 * logging out and "who am I" until he has changed it.
 */
export function installAuth(app: App, authService: AuthService) {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionTokenHash', null);

  app.addHook('onRequest', async (request) => {
    const isPublic = request.routeOptions.config?.access === 'public';
    // Public routes and everything outside the API need no session, and do not touch the database
    // for one (an import's progress is polled while the import holds the embedded database).
    // The API documentation (/api/docs) is public: it describes the API, it holds no data.
    if (isPublic || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const token = request.cookies[SESSION_COOKIE];
    let mustChangePassword = false;
    if (token) {
      const resolved = await authService.resolve(token, String(request.id));
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
        request.sessionTokenHash = resolved.tokenHash;
        mustChangePassword = resolved.mustChangePassword;
      }
    }
    if (!request.actor) throw unauthorized();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) {
      throw forbidden('缺少或错误的 CSRF 令牌（x-csrf-token），请刷新页面后重试');
    }
    if (mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url}`)) {
      throw forbidden('您的密码由管理员设置（首次登录或已被重置），请先修改密码再继续使用');
    }
  });
}
