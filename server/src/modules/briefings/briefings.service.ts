import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { officialDocumentBuffer } from '../../platform/documents/official-document';
import type { CasesService } from '../cases/cases.service';
import type { InspectionsService } from '../inspections/inspections.service';
import type { RollupsService } from '../rollups/rollups.service';
import { briefingDocument, briefingFileName } from './briefing-docx';
import { briefingText, type BriefingKind } from './briefing-text';
import type { BriefingsRepository } from './briefings.repository';

/** At most this many typical cases go into a draft (the newest filings first). */
const MAX_TYPICAL = 20;

export interface BriefingDocBody {
  kind: BriefingKind;
  unitId: string;
  title: string;
  issue?: string | null;
  date: string;
  paragraphs: string[];
}

/**
 * 工作简报 and 阶段/总结: a draft with the live figures written into sentences (the same figures as
 * the statistics table, read through rollupsService.stats), and the office's edited text as a .docx
 * in GB/T 9704 layout. Reads only: nothing is stored, so nothing is audited.
 */
export function createBriefingsService(deps: {
  db: Db;
  rollupsService: Pick<RollupsService, 'figureScope' | 'stats'>;
  casesService: Pick<CasesService, 'ledgerChunks'>;
  inspectionsService: Pick<InspectionsService, 'totals'>;
  briefingsRepository: BriefingsRepository;
}) {
  const { db, rollupsService, casesService, inspectionsService, briefingsRepository: repo } = deps;

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

  return {
    async draft(
      actor: Actor,
      campaignId: string,
      q: { kind: BriefingKind; unitId?: string; from?: string; to?: string },
    ) {
      // 404 for a campaign or unit outside the caller's scope, 400 for a reversed range.
      const { campaign, unit, from, to } = await rollupsService.figureScope(actor, campaignId, q);
      const [stats, inspected, seizures, cases] = await Promise.all([
        rollupsService.stats(actor, campaignId, { unitId: unit.id, from, to }),
        inspectionsService.totals(actor, { campaignId, unitId: unit.id, from, to }),
        repo.seizureTotals(db, { campaignPath: campaign.path, unitPath: unit.path, from, to }),
        typicalCases(actor, campaignId, unit.id, from, to),
      ]);
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
        typicalCases: cases,
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
      };
    },

    /** The office's text, exactly as edited, laid out as a 简报 or a summary of the unit. */
    async docx(actor: Actor, campaignId: string, body: BriefingDocBody) {
      const { campaign, unit } = await rollupsService.figureScope(actor, campaignId, { unitId: body.unitId });
      const doc = briefingDocument({
        kind: body.kind,
        campaignName: campaign.name,
        unitName: unit.name,
        title: body.title,
        issue: body.issue,
        date: body.date,
        paragraphs: body.paragraphs,
      });
      return { fileName: briefingFileName(doc.title), content: await officialDocumentBuffer(doc) };
    },
  };
}

export type BriefingsService = ReturnType<typeof createBriefingsService>;
