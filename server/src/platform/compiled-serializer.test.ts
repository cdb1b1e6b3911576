import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compiledSerializer, serializableSchema } from './compiled-serializer';

const row = z
  .object({
    id: z.uuid(),
    name: z.string(),
    stage: z.enum(['filed', 'closed']),
    amount: z.string().nullable(),
    count: z.number().int().nullable(),
    flag: z.boolean(),
    at: z.date(),
    tags: z.array(z.string()),
  })
  .meta({ id: 'SerializerTestRow' });
const page = z.object({ items: z.array(row), total: z.number().int() });

const both = (schema: z.ZodType) => ({
  compiled: compiledSerializer({ schema, method: 'GET', url: '/x', httpStatus: '200' }),
  zod: serializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never),
});

describe('compiledSerializer', () => {
  it('writes what zod writes: dates, nulls, enums, arrays, Chinese text', () => {
    const { compiled, zod } = both(page);
    const data = {
      items: [
        {
          id: '0b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d',
          name: '某“超市”销售过期食品案\n（第二次）',
          stage: 'filed',
          amount: '1234.56',
          count: null,
          flag: true,
          at: new Date('2026-12-06T08:00:00.123Z'),
          tags: ['网络', '农村'],
        },
        {
          id: '1b6f3c1e-8d2a-4f7b-9c1d-2e3f4a5b6c7d',
          name: 'x',
          stage: 'closed',
          amount: null,
          count: 7,
          flag: false,
          at: new Date(0),
          tags: [],
        },
      ],
      total: 2,
    };
    expect(compiled(data)).toBe(zod(data));
  });

  it('leaves out what the schema does not list (nothing leaks past the response schema)', () => {
    const { compiled } = both(z.object({ id: z.string() }));
    expect(JSON.parse(compiled({ id: 'a', passwordHash: 'secret' }))).toEqual({ id: 'a' });
  });

  it('turns "X or null" into a type list, not a choice tried row by row', () => {
    const json = serializableSchema(z.object({ n: z.number().int().nullable() })) as {
      properties: { n: { type: unknown; anyOf?: unknown } };
    };
    expect(json.properties.n.type).toEqual(['integer', 'null']);
    expect(json.properties.n.anyOf).toBeUndefined();
  });
});
