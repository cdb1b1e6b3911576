import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { pgErrorOf } from '../../platform/db-errors';
import { officialDocumentBuffer } from '../../platform/documents/official-document';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { isPathInScope, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CaseReviewsService } from '../case-reviews/case-reviews.service';
import { VISIT_METHOD_LABELS } from '../supervision/supervision.schema';
import type { UnitsRepository } from '../units/units.repository';
import { bulletinDocNumber, bulletinDocument, bulletinFileName, defaultDocPrefix } from './bulletin-docx';
import { bulletinText, type BulletinUnitFindings } from './bulletin-text';
import { bulletinPolicy as policy } from './supervision-bulletins.policy';
import type { SupervisionBulletinsRepository } from './supervision-bulletins.repository';
import type { SupervisionBulletinRow } from './supervision-bulletins.schema';

/** Tries at issuing when another issue of the same organiser and year took the number first. */
const ISSUE_ATTEMPTS = 3;
const STALE = '该通报已被他人修改或签发，请刷新后查看';

export interface BulletinText {
  title: string;
  recipients: string;
  docPrefix: string;
  date: string;
  paragraphs: string[];
}

/**
 * 督查通报: a draft written from a round's records (bulletin-text.ts), stored and edited by the
 * organiser's office, issued with its 发文字号 (one sequence per organiser and year) and laid out as a
 * .docx in GB/T 9704; once issued the units below the organiser read it.
 */
export function createSupervisionBulletinsService(deps: {
  db: Db;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  caseReviewsService: Pick<CaseReviewsService, 'roundResults'>;
  unitsRepository: Pick<UnitsRepository, 'findById' | 'findByIds'>;
  auditService: AuditService;
  supervisionBulletinsRepository: SupervisionBulletinsRepository;
  now?: () => Date;
}) {
  const { db, campaignsService, caseReviewsService, unitsRepository, auditService } = deps;
  const repo = deps.supervisionBulletinsRepository;
  const now = deps.now ?? (() => new Date());

  async function requireBulletin(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.findById(db, id) : undefined;
    const campaign = row && (await campaignsService.requireVisible(actor, row.campaignId).catch(() => undefined));
    const organizer = campaign && (await unitsRepository.findById(db, row.organizerUnitId));
    if (!row || !organizer || !policy.canRead(actor, row, organizer.path)) throw notFound('督查通报');
    return { row, organizer };
  }

  async function requireDraft(actor: Actor, id: string, version: number) {
    const found = await requireBulletin(actor, id);
    if (!policy.canWrite(actor, found.organizer.path))
      throw forbidden('只有组织督查单位的专项办可以修改或签发督查通报');
    if (found.row.status === 'issued') throw conflict('该通报已签发，签发后不能修改');
    if (found.row.version !== version) throw conflict(STALE);
    return found;
  }

  function view(actor: Actor, row: SupervisionBulletinRow, organizer: { name: string; path: string }) {
    return {
      id: row.id,
      roundId: row.roundId,
      campaignId: row.campaignId,
      organizerUnitId: row.organizerUnitId,
      organizerName: organizer.name,
      title: row.title,
      recipients: row.recipients,
      docPrefix: row.docPrefix,
      date: row.date,
      paragraphs: row.paragraphs,
      status: row.status,
      year: row.year,
      number: row.number,
      docNumber: bulletinDocNumber(row.docPrefix, row.year, row.number),
      issuedAt: row.issuedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
      can: policy.flags(actor, row, organizer.path),
    };
  }

  /** What the round's records say, as the draft's input. */
  async function compose(round: NonNullable<Awaited<ReturnType<SupervisionBulletinsRepository['findRound']>>>) {
    const today = todayInChina(now());
    const [groups, visits, reviews] = await Promise.all([
      repo.groups(db, round),
      repo.visits(db, round.id),
      caseReviewsService.roundResults(round.id),
    ]);
    const findings = await repo.findings(
      db,
      visits.map((v) => v.visit.id),
    );
    const perUnit = new Map<string, BulletinUnitFindings>();
    for (const { finding: f, unitName } of findings) {
      const u = perUnit.get(f.unitId) ?? {
        unitName,
        findings: 0,
        demanded: 0,
        closed: 0,
        open: 0,
        overdue: 0,
        returned: 0,
        problems: [],
      };
      u.findings += 1;
      u.problems.push(f.description);
      u.returned += f.returnCount;
      if (f.status !== 'noted') u.demanded += 1;
      if (f.status === 'closed') u.closed += 1;
      if (f.status === 'open' || f.status === 'replied') u.open += 1;
      if (f.status === 'open' && f.deadline !== null && f.deadline < today) u.overdue += 1;
      perUnit.set(f.unitId, u);
    }
    return {
      groups: groups.map((g) => ({
        name: g.name,
        leaderName: g.leaderName,
        visits: visits
          .filter((v) => v.visit.groupId === g.id)
          .map((v) => ({
            unitName: v.unitName,
            visitDate: v.visit.visitDate,
            methodLabel: VISIT_METHOD_LABELS[v.visit.method],
            unannounced: v.visit.unannounced,
            summary: v.visit.summary,
          })),
      })),
      findings: [...perUnit.values()],
      caseReviews: reviews.map((r) => ({
        title: r.title,
        files: r.files,
        units: r.units,
        itemsLost: r.itemsLost,
      })),
      recipients: [...new Set(visits.map((v) => v.unitName))].join('、'),
      today,
    };
  }

  async function save(
    actor: Actor,
    action: 'supervision_bulletin.save' | 'supervision_bulletin.issue',
    before: SupervisionBulletinRow | null,
    write: (tx: Db) => Promise<SupervisionBulletinRow | undefined>,
  ) {
    return db.transaction(async (tx) => {
      const row = await write(tx);
      if (!row) throw conflict(STALE);
      await auditService.record(tx, actor, {
        action,
        recordId: row.id,
        unitId: row.organizerUnitId,
        before,
        after: row,
      });
      return row;
    });
  }

  return {
    /** A campaign's 督查通报 the actor may read, and the rounds he may draft one for. */
    async list(actor: Actor, campaignId: string) {
      await campaignsService.requireVisible(actor, campaignId);
      const [rows, rounds] = await Promise.all([
        repo.listForCampaign(db, campaignId),
        repo.roundsOfCampaign(db, campaignId),
      ]);
      const organizers = new Map(
        (await unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.organizerUnitId))])).map((u) => [u.id, u]),
      );
      const items = rows.flatMap((r) => {
        const organizer = organizers.get(r.organizerUnitId);
        if (!organizer || !policy.canRead(actor, r, organizer.path)) return [];
        const { paragraphs: _text, ...item } = view(actor, r, organizer);
        return [item];
      });
      return {
        items,
        rounds: rounds
          .filter((r) => policy.canWrite(actor, r.organizerPath))
          .map(({ round }) => ({ id: round.id, number: round.number, title: round.title })),
      };
    },

    /** Writes a draft of the round's 通报 from its records and stores it (the office then edits it). */
    async create(actor: Actor, roundId: string) {
      const round = isUuid(roundId) ? await repo.findRound(db, roundId) : undefined;
      const campaign = round && (await campaignsService.requireVisible(actor, round.campaignId).catch(() => undefined));
      const organizer = campaign && (await unitsRepository.findById(db, round.organizerUnitId));
      if (!round || !campaign || !organizer || !isPathInScope(actor, organizer.path)) throw notFound('督查轮次');
      if (!policy.canWrite(actor, organizer.path)) throw forbidden('只有组织督查单位的专项办可以起草督查通报');
      const data = await compose(round);
      const { title, paragraphs } = bulletinText({
        organizerName: organizer.name,
        campaignName: campaign.name,
        round,
        ...data,
      });
      const at = now();
      const row = await save(actor, 'supervision_bulletin.save', null, (tx) =>
        repo.insert(tx, {
          roundId: round.id,
          campaignId: campaign.id,
          organizerUnitId: organizer.id,
          title,
          recipients: data.recipients,
          docPrefix: defaultDocPrefix(organizer.name),
          date: data.today,
          paragraphs,
          status: 'draft',
          createdBy: actor.userId,
          createdAt: at,
          updatedAt: at,
        }),
      );
      return view(actor, row, organizer);
    },

    async get(actor: Actor, id: string) {
      const { row, organizer } = await requireBulletin(actor, id);
      return view(actor, row, organizer);
    },

    async update(actor: Actor, id: string, body: BulletinText & { version: number }) {
      const { row: before, organizer } = await requireDraft(actor, id, body.version);
      const { title, recipients, docPrefix, date, paragraphs } = body;
      const row = await save(actor, 'supervision_bulletin.save', before, (tx) =>
        repo.updateDraft(tx, id, body.version, { title, recipients, docPrefix, date, paragraphs }),
      );
      return view(actor, row, organizer);
    },

    /** 签发: the organiser's next number of the year of its 成文日期; read-only afterwards. */
    async issue(actor: Actor, id: string, input: { version: number }) {
      const { row: before, organizer } = await requireDraft(actor, id, input.version);
      const year = Number(before.date.slice(0, 4));
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await save(actor, 'supervision_bulletin.issue', before, async (tx) =>
            repo.updateDraft(tx, id, input.version, {
              status: 'issued',
              year,
              number: (await repo.lastNumber(tx, before.organizerUnitId, year)) + 1,
              issuedAt: now(),
              issuedBy: actor.userId,
            }),
          );
          return view(actor, row, organizer);
        } catch (err) {
          const pg = pgErrorOf(err);
          const taken = pg?.code === '23505' && pg.constraint === 'supervision_bulletins_number_uq';
          if (!taken || attempt >= ISSUE_ATTEMPTS) throw err;
        }
      }
    },

    async docx(actor: Actor, id: string) {
      const { row, organizer } = await requireBulletin(actor, id);
      const doc = bulletinDocument({
        organizerName: organizer.name,
        docNumber: bulletinDocNumber(row.docPrefix, row.year, row.number),
        title: row.title,
        recipients: row.recipients,
        date: row.date,
        paragraphs: row.paragraphs,
      });
      return { fileName: bulletinFileName(row.title), content: await officialDocumentBuffer(doc) };
    },
  };
}

export type SupervisionBulletinsService = ReturnType<typeof createSupervisionBulletinsService>;
