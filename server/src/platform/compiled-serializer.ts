import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * A response schema as fast-json-stringify reads it: zod's own JSON Schema of what the route sends
 * (dates as ISO strings), inlined, with "X or null" as `type: [X, 'null']` (an `anyOf` would make
 * the serialiser try each branch, row by row).
 */
export function serializableSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
    reused: 'inline',
    metadata: z.registry(),
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date')
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as JsonSchema;
  delete json.$schema;
  return nullableAsTypeList(json);
}

function nullableAsTypeList(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(nullableAsTypeList) as unknown as JsonSchema;
  if (!node || typeof node !== 'object') return node as JsonSchema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = nullableAsTypeList(v);
  const anyOf = out.anyOf as JsonSchema[] | undefined;
  if (anyOf?.length === 2) {
    const other = anyOf.find((s) => s.type !== 'null');
    if (other && anyOf.some((s) => s.type === 'null') && typeof other.type === 'string') {
      delete out.anyOf;
      return { ...out, ...other, type: [other.type, 'null'] };
    }
  }
  return out;
}

/**
 * The serialiser of a hot route (the ledger, issue 22): compiled once from its response schema, it
 * writes only the properties the schema lists, in one pass, instead of zod re-encoding every row
 * and JSON.stringify walking the result again. The route's data is built by its own service to
 * that schema; a test holds the two serialisers to the same output (compiled-serializer.test.ts).
 */
// Typed loosely, as Fastify types a route's own compiler by the route's whole schema object.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const compiledSerializer: FastifySerializerCompiler<any> = ({ schema }) =>
  fastJson(serializableSchema(schema as z.ZodType) as unknown as Parameters<typeof fastJson>[0]);
