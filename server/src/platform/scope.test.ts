import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { units } from './org/units.table';
import {
  containing,
  escapeLike,
  isPathInScope,
  isPathWithin,
  isSameLine,
  pathInSubtree,
  pathIdsSql,
  pathWithin,
  scopeKey,
  startingWith,
  unitIdInScope,
  unitIdInSubtree,
  unitIdsInSubtree,
} from './scope';

const dialect = new PgDialect();
const render = (q: ReturnType<typeof sql>) => {
  const { sql: text, params } = dialect.sqlToQuery(q);
  return { sql: text, params };
};

const actorOf = (unitPath: string | null, isSystemAdmin = false): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  unitId: unitPath ? 'x' : null,
  unitPath,
  roles: ['office'],
  isSystemAdmin,
});

describe('paths in a tree', () => {
  it('is within its own path and its ancestors’, not a sibling’s or a child’s', () => {
    expect(isPathWithin('/r/d/', '/r/d/')).toBe(true);
    expect(isPathWithin('/r/d/o/', '/r/d/')).toBe(true);
    expect(isPathWithin('/r/d/o/', '/r/')).toBe(true);
    expect(isPathWithin('/r/d/', '/r/d/o/')).toBe(false);
    expect(isPathWithin('/r/s/', '/r/d/')).toBe(false);
    // The closing slash keeps a unit whose id starts like another's out of its subtree.
    expect(isPathWithin('/r/dd/', '/r/d/')).toBe(false);
  });

  it('reads `_` and `%` in a path as themselves', () => {
    expect(isPathWithin('/r/axb/', '/r/a_b/')).toBe(false);
    expect(isPathWithin('/r/anything/', '/r/%/')).toBe(false);
    expect(isPathWithin('/r/a_b/c/', '/r/a_b/')).toBe(true);
  });

  it('puts two units on one line when one is the other or above it', () => {
    expect(isSameLine('/r/d/', '/r/d/')).toBe(true);
    expect(isSameLine('/r/d/o/', '/r/d/')).toBe(true);
    expect(isSameLine('/r/', '/r/d/o/')).toBe(true);
    expect(isSameLine('/r/d/', '/r/s/')).toBe(false);
    expect(isSameLine('/r/d/o/', '/r/s/')).toBe(false);
  });
});

describe('the actor’s scope in code', () => {
  it('is the actor’s unit and below; everything for the system administrator', () => {
    expect(isPathInScope(actorOf('/r/d/'), '/r/d/o/')).toBe(true);
    expect(isPathInScope(actorOf('/r/d/'), '/r/')).toBe(false);
    expect(isPathInScope(actorOf('/r/d/'), '/r/s/')).toBe(false);
    expect(isPathInScope(actorOf('/r/a_b/'), '/r/axb/')).toBe(false);
    expect(isPathInScope(actorOf(null, true), '/r/s/')).toBe(true);
  });

  it('keys remembered totals by the units seen', () => {
    expect(scopeKey(actorOf('/r/d/'))).toBe('/r/d/');
    expect(scopeKey(actorOf(null, true))).toBe('*');
    expect(scopeKey({ ...actorOf('/r/d/'), isSystemAdmin: true })).toBe('*');
  });
});

describe('LIKE patterns', () => {
  it('escape `%`, `_` and `\\`', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
    expect(startingWith('/r/a_b/')).toBe('/r/a\\_b/%');
    expect(containing('50%')).toBe('%50\\%%');
  });
});

describe('the scope in SQL', () => {
  it('matches a subtree with the path escaped, so `_` or `%` in a path cannot widen it', () => {
    const q = render(pathInSubtree(units.path, '/r/a_b%/'));
    expect(q.sql).toBe('"units"."path" like $1');
    expect(q.params).toEqual(['/r/a\\_b\\%/%']);
  });

  it('selects a subtree’s unit ids along the same escaped prefix', () => {
    expect(render(unitIdsInSubtree('/r/a_b/'))).toEqual({
      sql: 'select "units"."id" from "units" where "units"."path" like $1',
      params: ['/r/a\\_b/%'],
    });
    const within = render(unitIdInSubtree('/r/a_b/', units.parentId));
    expect(within.sql).toBe('"units"."parent_id" in (select "units"."id" from "units" where "units"."path" like $1)');
    expect(within.params).toEqual(['/r/a\\_b/%']);
  });

  it('limits an actor to his subtree, escaped, and the system administrator to nothing', () => {
    expect(render(unitIdInScope(actorOf('/r/d_/'), units.parentId)).params).toEqual(['/r/d\\_/%']);
    expect(render(unitIdInScope(actorOf(null, true), units.parentId))).toEqual({ sql: 'true', params: [] });
  });

  it('joins two stored paths by prefix', () => {
    expect(render(pathWithin(sql.raw('u.path'), sql.raw('a.path'))).sql).toBe("u.path like a.path || '%'");
    expect(render(pathIdsSql(sql.raw('u.path'))).sql).toBe(
      "unnest(string_to_array(trim(both '/' from u.path), '/')::uuid[])",
    );
  });
});
