import { createDivisionBoundaries } from './division-boundaries';

/**
 * Maps of administrative divisions (行政区划地图): the boundaries of the divisions the map of a
 * comparison draws, by GB/T 2260 code. Public geography, no unit data: any signed-in user may read it.
 */
export function createDivisionMapsService(deps: { boundaries?: ReturnType<typeof createDivisionBoundaries> } = {}) {
  const boundaries = deps.boundaries ?? createDivisionBoundaries();
  return {
    async boundaries(codes: string[]) {
      const features = await boundaries.features(codes);
      const found = new Set(features.map((f) => f.id));
      return {
        type: 'FeatureCollection' as const,
        features,
        /** Codes without a boundary here (the map draws them as tiles). */
        missing: codes.filter((c) => !found.has(c)),
      };
    },
  };
}

export type DivisionMapsService = ReturnType<typeof createDivisionMapsService>;
