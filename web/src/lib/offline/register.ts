/**
 * Registers the service worker (public/sw.js) in the built app, so that its pages and the data the
 * entry forms need open without a network. Hand-written rather than vite-plugin-pwa/workbox: what
 * it caches is short and specific (the shell, hashed assets, an allow-list of API reads), and the
 * plugin would add a build dependency tree for what fits in one file. Not in development (Vite's
 * dev server serves modules that must not be cached).
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // Without a worker the app works as before, online only.
    });
  });
}
