import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { pgErrorOf } from '../../platform/db-errors';
import { officialDocumentBuffer } from '../../platform/documents/official-document';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { isPathWithin, isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesService } from '../cases/cases.service';
import type { InspectionsService } from '../inspections/inspections.service';
import type { ReportsService } from '../reports/reports.service';
import type { RollupsService } from '../rollups/rollups.service';
import type { UnitsRepository } from '../units/units.repository';
import { briefingDocument, briefingFileName, type BriefingDocInput } from './briefing-docx';
import {
  briefingText,
  type BriefingJointOperations,
  type BriefingKind,
  type BriefingRecognition,
  type BriefingTypicalCase,
} from './briefing-text';
import { briefingPolicy } from './briefings.policy';
import type { BriefingsRepository } from './briefings.repository';
import type { BriefingRow } from './briefings.schema';

/** At most this many typical cases go into a draft (the newest filings first). */
const MAX_TYPICAL = 20;

/** Tries at issuing when another issue of the same sequence took the number first (the unique index refused it). */
const ISSUE_ATTEMPTS = 3;
const issueLabel = (n: number | null) => (n === null ? null : `第${n}期`);

/**
 * What the briefings read of 典型案例评选, 表彰 and 问责 (the recognition module, above this one, wired
 * in services.ts as campaigns' SupervisionAreaSource is). The caller has checked the unit is in scope.
 */
export interface BriefingRecognitionSource {
  /**
   * The plan's selected typical cases of a unit's subtree filed or closed in the period, by category
   * in the plan's order (empty categories left out).
   */
  selectedTypicalCases(
    campaignId: string,
    unitPath: string,
    from: string,
    to: string,
  ): Promise<{ label: string; cases: (BriefingTypicalCase & { id: string })[] }[]>;
  /** The plan's 表彰 and 问责 of units in a unit's subtree. */
  recognition(campaignId: string, unitPath: string): Promise<BriefingRecognition>;
}

/**
 * What the briefings read of 联合执法 and 联席会议 (the joint-operations module, above this one, wired in
 * services.ts): the operations of a plan's tree and a unit's subtree begun in the period. The caller
 * has checked the unit is in scope.
 */
export interface BriefingJointOperationsSource {
  jointOperations(campaignPath: string, unitPath: string, from: string, to: string): Promise<BriefingJointOperations>;
}

export interface BriefingDocBody {
  kind: BriefingKind;
  unitId: string;
  title: string;
  issue?: string | null;
  date: string;
  paragraphs: string[];
}

/** The office's text of a stored briefing: what a save or an edit sends. */
export interface BriefingText {
  title: string;
  date: string;
  from: string;
  to: string;
  paragraphs: string[];
}

/**
 * 工作简报 and 阶段/总结: a draft with the live figures written into sentences (the same figures as
 * the statistics table, read through rollupsService.stats) and what each reporting unit wrote in its
 * report of the period; the office's edited text stored as a draft, issued with its number (第N期)
 * to the units below, and laid out as a .docx in GB/T 9704.
 */
export function createBriefingsService(deps: {
  db: Db;
  rollupsService: Pick<RollupsService, 'figureScope' | 'stats'>;
  casesService: Pick<CasesService, 'ledgerChunks'>;
  inspectionsService: Pick<InspectionsService, 'totals'>;
  reportsService: Pick<ReportsService, 'narratives'>;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  unitsRepository: Pick<UnitsRepository, 'findById' | 'findByIds'>;
  auditService: AuditService;
  briefingsRepository: BriefingsRepository;
  recognition?: BriefingRecognitionSource;
  jointOperations?: BriefingJointOperationsSource;
  now?: () => Date;
}) {
  const { db, rollupsService, casesService, inspectionsService, reportsService, campaignsService, auditService } = deps;
  const { unitsRepository, briefingsRepository: repo } = deps;
  const now = deps.now ?? (() => new Date());

  /** Typical cases of the unit's subtree filed or closed in the period, newest filing first. */
  async function typicalCases(actor: Actor, campaignId: string, unitId: string, from: string, to: string) {
    const base = { campaignId, unitId, typical: true };
    // The newest of the ledger's filtered cases, whole (a briefing quotes their summary and measures).
    const newest = async (q: Parameters<CasesService['ledgerChunks']>[1]) => {
      for await (const chunk of casesService.ledgerChunks(actor, q, MAX_TYPICAL)) return chunk;
      return [];
    };
    const [filed, closed] = await Promise.all([
      newest({ ...base, filedFrom: from, filedTo: to }),
      newest({ ...base, closedFrom: from, closedTo: to }),
    ]);
    const byId = new Map([...filed, ...closed].map((c) => [c.id, c]));
    return [...byId.values()]
      .sort((a, b) => b.filingDate.localeCompare(a.filingDate) || a.id.localeCompare(b.id))
      .slice(0, MAX_TYPICAL);
  }

  /** A stored briefing the actor may read, with its campaign and issuing unit; 404 otherwise (drafts to all but their office). */
  async function requireBriefing(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findById(db, id) : undefined;
    const campaign = row && (await campaignsService.requireVisible(actor, row.campaignId).catch(() => undefined));
    const unit = campaign && (await unitsRepository.findById(db, row.issuingUnitId));
    if (!row || !campaign || !unit || !briefingPolicy.canRead(actor, row, unit.path)) throw notFound('简报');
    return { row, campaign, unit };
  }

  /** A draft the actor may change: 403 for a reader, 409 once issued or when `version` is stale. */
  async function requireDraft(actor: Actor, id: string, version: number) {
    const found = await requireBriefing(actor, id);
    if (!briefingPolicy.canWrite(actor, found.unit.path)) throw forbidden('只有印发单位的专项办可以修改或签发简报');
    if (found.row.status === 'issued') throw conflict('该简报已签发，签发后不能修改');
    if (found.row.version !== version) throw conflict('该简报已被他人修改或签发，请刷新后查看');
    return found;
  }

  function view(actor: Actor, row: BriefingRow, unit: { name: string; path: string }) {
    return {
      id: row.id,
      campaignId: row.campaignId,
      issuingUnitId: row.issuingUnitId,
      issuingUnitName: unit.name,
      kind: row.kind,
      title: row.title,
      date: row.date,
      from: row.from,
      to: row.to,
      paragraphs: row.paragraphs,
      status: row.status,
      number: row.number,
      issueLabel: issueLabel(row.number),
      issuedAt: row.issuedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
      can: briefingPolicy.flags(actor, row, unit.path),
    };
  }

  async function docxOf(input: BriefingDocInput) {
    const doc = briefingDocument(input);
    return { fileName: briefingFileName(doc.title), content: await officialDocumentBuffer(doc) };
  }

  /** Writes a change and its audit entry in one transaction; `write` answers undefined when the row moved on. */
  async function save(
    actor: Actor,
    action: 'briefing.save' | 'briefing.issue',
    before: BriefingRow | null,
    write: (tx: Db) => Promise<BriefingRow | undefined>,
  ) {
    return db.transaction(async (tx) => {
      const row = await write(tx);
      if (!row) throw conflict('该简报已被他人修改或签发，请刷新后查看');
      await auditService.record(tx, actor, { action, recordId: row.id, unitId: row.issuingUnitId, before, after: row });
      return row;
    });
  }

  return {
    async draft(
      actor: Actor,
      campaignId: string,
      q: { kind: BriefingKind; unitId?: string; from?: string; to?: string },
    ) {
      // 404 for a campaign or unit outside the caller's scope, 400 for a reversed range.
      const { campaign, unit, from, to } = await rollupsService.figureScope(actor, campaignId, q);
      const [stats, inspected, seizures, marked, reports, selected, recognition, joint] = await Promise.all([
        rollupsService.stats(actor, campaignId, { unitId: unit.id, from, to }),
        inspectionsService.totals(actor, { campaignId, unitId: unit.id, from, to }),
        repo.seizureTotals(db, { campaignPath: campaign.path, unitPath: unit.path, from, to }),
        typicalCases(actor, campaignId, unit.id, from, to),
        reportsService.narratives(actor, campaignId, { from, to }),
        deps.recognition?.selectedTypicalCases(campaignId, unit.path, from, to) ?? [],
        q.kind === 'final_summary' ? deps.recognition?.recognition(campaignId, unit.path) : undefined,
        deps.jointOperations?.jointOperations(campaign.path, unit.path, from, to),
      ]);
      // The office's selection (典型案例评选) when it made one; otherwise every case marked typical.
      const cases = selected.length ? selected.flatMap((g) => g.cases) : marked;
      // The reporting units of the draft's unit (its subtree): quoted when they sent a report, else listed as silent.
      const ofUnit = reports.filter((r) => isPathWithin(r.unitPath, unit.path));
      const quoted = ofUnit.flatMap((r) => (r.report ? [{ ...r, report: r.report }] : []));
      const total = stats.rows.find((r) => r.category === 'total')!.values;
      const { title, paragraphs } = briefingText({
        kind: q.kind,
        campaignName: campaign.name,
        unitName: unit.name,
        from,
        to,
        total,
        categories: stats.rows.filter((r) => r.category !== 'total').map((r) => ({ label: r.label, values: r.values })),
        unlicensedBanned: inspected.total.unlicensedBanned,
        seizures,
        typicalCases: marked,
        selectedTypical: selected,
        recognition,
        jointOperations: joint,
        narratives: quoted.map((r) => ({ unitLabel: r.unitLabel, ...r.report.narrative })),
      });
      return {
        kind: q.kind,
        title,
        unitId: unit.id,
        unitName: unit.name,
        from,
        to,
        paragraphs,
        typicalCases: cases.map((c) => ({ id: c.id, caseName: c.name, partyName: c.partyName })),
        typicalSelected: selected.length > 0,
        quotedReports: quoted.map(({ unitId, unitLabel, report }) => ({
          unitId,
          unitLabel,
          reportName: report.name,
          periodEnd: report.periodEnd,
          state: report.state,
        })),
        unitsWithoutReport: ofUnit.filter((r) => !r.report).map(({ unitId, unitLabel }) => ({ unitId, unitLabel })),
      };
    },

    /** The office's text, exactly as edited, laid out as a 简报 or a summary of the unit. */
    async docx(actor: Actor, campaignId: string, body: BriefingDocBody) {
      const { campaign, unit } = await rollupsService.figureScope(actor, campaignId, { unitId: body.unitId });
      return docxOf({ ...body, campaignName: campaign.name, unitName: unit.name });
    },

    /** A campaign's briefings the actor may read: the office's drafts and issued ones, the issued ones below. */
    async list(actor: Actor, campaignId: string) {
      await campaignsService.requireVisible(actor, campaignId);
      const rows = await repo.listForCampaign(db, campaignId);
      const units = new Map(
        (await unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.issuingUnitId))])).map((u) => [u.id, u]),
      );
      const items = rows.flatMap((r) => {
        const unit = units.get(r.issuingUnitId);
        if (!unit || !briefingPolicy.canRead(actor, r, unit.path)) return [];
        const { paragraphs: _text, ...item } = view(actor, r, unit);
        return [item];
      });
      // Whether the actor may write a briefing of its own unit (the dialog's default).
      return { items, canCreate: briefingPolicy.canWrite(actor, actor.unitPath ?? '/') };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireBriefing(actor, id);
      return view(actor, row, unit);
    },

    /** Saves the office's edited text as a draft of the unit (404 outside the scope, 403 for who may not write). */
    async create(actor: Actor, campaignId: string, body: BriefingText & { kind: BriefingKind; unitId: string }) {
      const { unit, from, to } = await rollupsService.figureScope(actor, campaignId, body);
      if (!briefingPolicy.canWrite(actor, unit.path)) throw forbidden('只有印发单位的专项办可以保存简报');
      const at = now();
      const row = await save(actor, 'briefing.save', null, (tx) =>
        repo.insert(tx, {
          campaignId,
          issuingUnitId: unit.id,
          kind: body.kind,
          title: body.title,
          date: body.date,
          from,
          to,
          paragraphs: body.paragraphs,
          status: 'draft',
          createdBy: actor.userId,
          createdAt: at,
          updatedAt: at,
        }),
      );
      return view(actor, row, unit);
    },

    /** Edits a draft (409 once issued or when someone else changed it first). */
    async update(actor: Actor, id: string, body: BriefingText & { version: number }) {
      const { row: before, unit } = await requireDraft(actor, id, body.version);
      const { from, to } = await rollupsService.figureScope(actor, before.campaignId, { ...body, unitId: unit.id });
      const { title, date, paragraphs } = body;
      const row = await save(actor, 'briefing.save', before, (tx) =>
        repo.updateDraft(tx, id, body.version, { title, date, from, to, paragraphs }),
      );
      return view(actor, row, unit);
    },

    /**
     * 签发: the next number of its sequence (campaign, issuing unit, kind), and the briefing is read-only.
     * Two issues at once read the same last number; the unique index refuses the second, which tries again.
     */
    async issue(actor: Actor, id: string, input: { version: number }) {
      const { row: before, unit } = await requireDraft(actor, id, input.version);
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await save(actor, 'briefing.issue', before, async (tx) =>
            repo.updateDraft(tx, id, input.version, {
              status: 'issued',
              number: (await repo.lastNumber(tx, before)) + 1,
              issuedAt: now(),
              issuedBy: actor.userId,
            }),
          );
          return view(actor, row, unit);
        } catch (err) {
          const pg = pgErrorOf(err);
          const taken = pg?.code === '23505' && pg.constraint === 'briefings_number_uq';
          if (!taken || attempt >= ISSUE_ATTEMPTS) throw err;
        }
      }
    },

    /** A stored briefing as .docx; an issued 简报 prints its 第N期. */
    async storedDocx(actor: Actor, id: string) {
      const { row, campaign, unit } = await requireBriefing(actor, id);
      return docxOf({ ...row, issue: issueLabel(row.number), campaignName: campaign.name, unitName: unit.name });
    },
  };
}

export type BriefingsService = ReturnType<typeof createBriefingsService>;
