import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { tooManyRequests } from './errors';
import type { App } from './http';

/**
 * Security headers on every answer (the web app, the API, /api/docs):
 * - Content-Security-Policy: scripts only from the app's own origin (Vite's build and Swagger UI
 *   load theirs from files, no inline script); styles also inline, because antd writes its
 *   CSS-in-JS into <style> elements and Swagger UI sets style attributes; images also data:
 *   (antd, Swagger UI) and blob:; the service worker and the web app manifest only from here
 *   (worker-src, manifest-src: the app works offline and installs on a phone); no plugins
 *   (object-src), no framing (frame-ancestors 'none'),
 *   forms post only here. No upgrade-insecure-requests: the app is also served over plain HTTP on
 *   an intranet, where upgrading would break every request.
 * - X-Content-Type-Options: nosniff, Referrer-Policy: same-origin (links to other sites never
 *   carry a page's address, which may name a case or a lead), X-Frame-Options: DENY for old
 *   browsers, Cross-Origin-Opener/Resource-Policy: same-origin.
 * - Strict-Transport-Security only when the app runs behind HTTPS (secure cookies).
 */
export async function installSecurityHeaders(app: App, opts: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The web app's service worker (/sw.js: offline pages and queue) and its manifest (installable).
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
  });
}

/**
 * Per-address limit of the public API routes (`/api/public/…`, no login): a person reading the
 * public results page sends a request every few seconds at most; a scraper walking every page is
 * refused with 429 after PUBLIC_RATE_LIMIT.max requests a minute. The client address is
 * `request.ip` (behind a trusted proxy, the forwarded address). Counters live in this process, on
 * purpose: a flood guard, not a decision about anyone, so with several processes (WORKERS, several
 * machines) a scraper gets at most max × processes a minute, still a bound. The login throttle, which
 * is a decision about accounts, is in PostgreSQL (auth/throttle.service.ts).
 */
export const PUBLIC_RATE_LIMIT = { max: 60, timeWindowMs: 60_000 };

export async function installPublicRateLimit(app: App, limit = PUBLIC_RATE_LIMIT) {
  // Marks the public API routes before the plugin sees them (onRoute hooks run in order).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/public/'))
      route.config = { ...route.config, rateLimit: { max: limit.max, timeWindow: limit.timeWindowMs } };
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return tooManyRequests(`请求过于频繁（每分钟最多 ${context.max} 次），请 ${seconds} 秒后再试`, seconds);
    },
  });
}
