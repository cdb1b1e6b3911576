import type { App } from '../../platform/http';
import { forbidden, unauthorized } from '../../platform/errors';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'rs_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the caller from the session cookie on every request, and enforces login and CSRF:
 * an /api route that is not public needs a live session (401), and every request that is not
 * GET/HEAD/OPTIONS must carry the session's token in x-csrf-token (403).
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
    if (token) {
      const resolved = await authService.resolve(token, String(request.id));
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
        request.sessionTokenHash = resolved.tokenHash;
      }
    }
    if (!request.actor) throw unauthorized();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) {
      throw forbidden('缺少或错误的 CSRF 令牌（x-csrf-token），请刷新页面后重试');
    }
  });
}
