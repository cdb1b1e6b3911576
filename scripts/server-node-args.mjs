// The flags the server's Node runs with, wherever it runs for real (`npm start`, and the workers it
// forks with WORKERS) or is measured (`npm run bench`), so that the benchmarks measure what ships.

/**
 * The server's heap ceiling in MB (V8's --max-old-space-size). The server holds about 150 MB while it
 * imports 100,000 rows into the nation's tree; without a ceiling V8 sized its heap from the
 * machine's memory (24 GiB) and let the import's garbage pile up to a peak RSS of 610–700 MB before
 * it collected it. With this ceiling it collects sooner: a peak of 399–413 MB in the same time
 * (bench:import, 2026-12-07). 2,048 MB already let it pile up again (702 MB).
 */
export const SERVER_HEAP_MB = 1536;

/** Node's flags for the server; a --max-old-space-size in NODE_OPTIONS (the operator's own) wins. */
export function serverNodeArgs(env = process.env) {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) return [];
  return [`--max-old-space-size=${SERVER_HEAP_MB}`];
}
