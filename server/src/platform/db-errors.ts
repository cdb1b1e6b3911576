import { AppError, badRequest, type FieldError } from './errors';
import { withFieldLabel } from './field-labels';

/**
 * Database errors as the API answers and logs them.
 *
 * A service checks that a case number (or username, unit code, 12315 number…) is free before it
 * inserts, but two requests can both pass the check; the unique index then refuses the second
 * insert (SQLSTATE 23505). That is the user's conflict, not a server fault: it answers 409 naming
 * the field. And the log of a database error never holds the values of the query: drizzle's
 * message carries every parameter ("params: 张三,13812345678,…") and PostgreSQL's `detail` the
 * conflicting key, so only the SQL text, the SQLSTATE and the names of constraint, table and
 * column are logged.
 */

interface UniqueRule {
  /** The request field the conflict is about, as the form names it. */
  path?: string;
  message: string;
}

/** Every unique index and primary key a request can run into, by constraint/index name. */
const UNIQUE_RULES: Record<string, UniqueRule> = {
  cases_unit_number_uq: { path: 'caseNumber', message: '案件编号已存在（本单位已有相同编号的案件）' },
  penalty_publications_case_uq: { path: 'caseId', message: '该案件的处罚信息公示已登记，请刷新后查看' },
  users_username_uq: { path: 'username', message: '用户名已存在' },
  seized_goods_inspection_seizure_uq: { path: 'inspectionSeizureId', message: '该查扣物品已登记保管，请刷新后查看' },
  units_code_unique: { path: 'code', message: '机构编码已存在' },
  sample_follow_ups_sample_uq: { path: 'result', message: '该样品的核查处置已启动，请刷新后查看' },
  leads_unit_source_number_uq: {
    path: 'sourceNumber',
    message: '来源编号已存在（本单位已登记相同来源编号的线索，如 12315 登记编号）',
  },
  market_entities_credit_code_uq: { path: 'creditCode', message: '统一社会信用代码已存在（名录中已有该市场主体）' },
  campaign_categories_code_uq: { path: 'categories', message: '违法类型代码重复' },
  briefings_number_uq: { message: '该期号已被同时签发的另一期简报占用，请重新签发' },
  report_submissions_period_uq: { path: 'periodEnd', message: '该单位本期的报送已存在，请刷新后查看' },
  case_campaigns_case_id_campaign_id_pk: { path: 'alsoCountsToward', message: '同一专项行动只能计入一次' },
  campaign_participants_campaign_id_unit_id_pk: { path: 'participantUnitIds', message: '参加单位重复' },
  campaign_task_units_task_id_unit_id_pk: { path: 'tasks', message: '同一任务的单位重复' },
  campaign_liaisons_campaign_id_unit_id_kind_pk: { message: '该单位的联络员已报送，请刷新后再修改' },
  entity_inspector_ties_entity_id_user_id_pk: { message: '该回避关系已存在' },
  supervision_groups_name_uq: { path: 'name', message: '本方案已有同名的督查组' },
  supervision_area_units_unit_uq: { path: 'unitIds', message: '该单位已划入本方案另一个督查组的片区，请刷新后再试' },
  supervision_area_units_group_id_unit_id_pk: { path: 'unitIds', message: '片区单位重复' },
  supervision_group_members_group_id_user_id_pk: { path: 'memberIds', message: '组员重复' },
  typical_case_nominations_case_uq: { path: 'caseId', message: '该案件已推荐至本行动方案，不能重复推荐' },
  supervision_rounds_number_uq: { path: 'number', message: '本方案已有该次督查（轮次号重复）' },
  calendar_overrides_pkey: { path: 'day', message: '该日期已设置，请刷新后再修改' },
  calendar_years_pkey: { path: 'year', message: '该年份已录入' },
  approval_requests_one_pending_idx: { message: '已有待审批的同类申请（可能刚由他人同时提交），请刷新后查看' },
};

/** The same change made twice at once, where no field is to blame (roll-ups, audit sequence…). */
const CONCURRENT_WRITE = '记录已被他人同时提交或修改，请刷新后重试';

/** The fields of a PostgreSQL error (node-postgres and PGlite name them alike). */
export interface PgErrorFields {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  routine?: string;
  message: string;
}

const isSqlState = (v: unknown) => typeof v === 'string' && /^[0-9A-Z]{5}$/.test(v);

/** The PostgreSQL error inside `err` (drizzle wraps it as `cause`), if there is one. */
export function pgErrorOf(err: unknown): PgErrorFields | null {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as Record<string, unknown>;
    if (isSqlState(o.code) && ('severity' in o || 'constraint' in o || 'routine' in o))
      return o as unknown as PgErrorFields;
    e = o.cause;
  }
  return null;
}

/** The SQL text of a failed drizzle query (without its parameters). */
function queryOf(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as Record<string, unknown>;
    if (typeof o.query === 'string' && 'params' in o) return o.query;
    e = o.cause;
  }
  return undefined;
}

/** A database error the user caused: a unique key taken (409) or text PostgreSQL cannot store (400). */
export function appErrorOfDatabase(err: unknown): AppError | null {
  const pg = pgErrorOf(err);
  if (!pg) return null;
  if (pg.code === '23505') {
    const rule = pg.constraint ? UNIQUE_RULES[pg.constraint] : undefined;
    if (!rule) return new AppError(409, '冲突', CONCURRENT_WRITE);
    const errors: FieldError[] = [{ ...(rule.path ? { path: rule.path } : {}), message: rule.message }];
    return new AppError(409, '冲突', rule.path ? withFieldLabel(rule.path, rule.message) : rule.message, errors);
  }
  // 省级数据汇聚: a national installation's copy of a province's rows is read-only (federation.sql.ts).
  if (pg.code === 'RSF01')
    return new AppError(403, '无权修改', '这是省级系统同步来的数据，国家级系统中只读；请在该省的系统中修改');
  // Serialisation failure and deadlock: another request won; trying again is the remedy.
  if (pg.code === '40001' || pg.code === '40P01') return new AppError(409, '冲突', CONCURRENT_WRITE);
  // A NUL character or an unstorable one (the input guard refuses NUL earlier; this is the backstop).
  if (pg.code === '22021' || pg.code === '22P05')
    return badRequest('提交的文本含有无法保存的字符（如空字符 \\u0000），请删除后重试');
  return null;
}

/**
 * The database cannot be reached or is changing hands (a failover, a restart): connection errors
 * (SQLSTATE class 08, also given by db/multi-host.ts when no primary answers), the server shutting
 * down or starting (57P01–57P03), a write sent to a standby (25006), a socket refused or broken.
 * The API answers 503 with Retry-After: the same request may succeed in a few seconds.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as Record<string, unknown>;
    const code = typeof o.code === 'string' ? o.code : '';
    if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '25006'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH'].includes(code)) return true;
    if (
      typeof o.message === 'string' &&
      /^Connection terminated|^Client (was closed|has encountered a connection error)/.test(o.message)
    )
      return true;
    e = o.cause;
  }
  return false;
}

/** Quoted words that are not plain identifiers may be values ("invalid input syntax …: \"张三\""). */
const redactQuoted = (message: string) =>
  message.replace(/"([^"]*)"/g, (m, inner: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(inner) ? m : '"…"'));

/** Only the stack frames: the first line of a stack repeats the message, with its parameters. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((l) => /^\s+at /.test(l))
        .join('\n')
    : undefined;

/**
 * What may be logged of an error: a database error becomes its SQL text, SQLSTATE, constraint,
 * table and column and the stack frames, never the parameters or PostgreSQL's `detail`/`where`
 * (which quote the values). Any other error is logged as it is.
 */
export function loggableError(err: unknown): unknown {
  const pg = pgErrorOf(err);
  const query = queryOf(err);
  if (!pg && query === undefined) return err;
  return {
    message: pg ? `database error ${pg.code}: ${redactQuoted(String(pg.message))}` : 'database query failed',
    sqlstate: pg?.code,
    constraint: pg?.constraint,
    table: pg?.table,
    column: pg?.column,
    routine: pg?.routine,
    query,
    stack: framesOf((err as { stack?: unknown }).stack),
  };
}

/** An error safe to hand on where it may be logged (a stream that ends with it, for instance). */
export function sanitizedError(err: unknown): Error {
  const safe = loggableError(err);
  if (safe === err) return err instanceof Error ? err : new Error(String(err));
  const s = safe as { message: string; sqlstate?: string; query?: string; stack?: string };
  const e = new Error(s.message) as Error & { sqlstate?: string; query?: string };
  e.sqlstate = s.sqlstate;
  e.query = s.query;
  e.stack = `Error: ${s.message}\n${s.stack ?? ''}`;
  return e;
}
