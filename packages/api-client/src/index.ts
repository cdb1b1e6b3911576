import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };
/** The API's named schemas (Unit, User, Problem …), generated from the OpenAPI document. */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

let csrfToken: string | null = null;
/** The CSRF token from login or /api/auth/me; sent on every request that changes something. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** The CSRF token, for requests made outside this client (uploads with progress use XMLHttpRequest). */
export const currentCsrfToken = () => csrfToken;

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method))
      request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};

/** A typed client of the RedShield API (same origin; the session cookie travels by itself). */
export function createApiClient(baseUrl = '') {
  const client = createClient<paths>({ baseUrl, credentials: 'same-origin' });
  client.use(csrf);
  return client;
}

export type ApiClient = ReturnType<typeof createApiClient>;
