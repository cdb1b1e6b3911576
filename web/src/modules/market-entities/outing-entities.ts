import type { CheckedEntity, EntityKind, OutingEntityBody } from './api';

/** One 检查对象 as the outing form holds it: an entity of the register, or a new one registered with the outing. */
export interface OutingEntityValues {
  mode?: 'register' | 'new';
  entityId?: string;
  /** The picked entity's name and code as shown (not sent). */
  entityLabel?: string;
  newEntity?: {
    name?: string;
    creditCode?: string;
    entityKind?: EntityKind;
    industry?: string | null;
    address?: string | null;
    operatorName?: string | null;
  };
  result?: OutingEntityBody['result'];
  finding?: string | null;
}

const text = (v: string | null | undefined) => (v ?? '').trim() || null;

/** The body's `entities` of the form's rows (a row in register mode without a pick is sent for the server to name). */
export function outingEntitiesToBody(rows: OutingEntityValues[] | undefined): OutingEntityBody[] {
  return (rows ?? []).map((r) => {
    const common = { result: r.result ?? 'no_problem', finding: text(r.finding) };
    if (r.mode === 'new')
      return {
        newEntity: {
          name: (r.newEntity?.name ?? '').trim(),
          creditCode: (r.newEntity?.creditCode ?? '').trim().toUpperCase(),
          entityKind: r.newEntity?.entityKind ?? 'enterprise',
          industry: text(r.newEntity?.industry),
          address: text(r.newEntity?.address),
          operatorName: text(r.newEntity?.operatorName),
        },
        ...common,
      };
    return { entityId: r.entityId ?? '', ...common };
  });
}

/** The form's rows of a recorded outing's entities. */
export function outingEntitiesToValues(
  entities: Pick<CheckedEntity, 'entityId' | 'name' | 'creditCode' | 'result' | 'finding'>[],
): OutingEntityValues[] {
  return entities.map((e) => ({
    mode: 'register',
    entityId: e.entityId,
    entityLabel: `${e.name}（${e.creditCode}）`,
    result: e.result,
    finding: e.finding,
  }));
}
