import type { Actor } from '../../platform/actor';
import { streamXlsx } from '../../platform/documents/xlsx';
import type { UnitsRepository } from '../units/units.repository';
import type { Db } from '../../db/database';
import type { CaseListQuery, CasesService } from './cases.service';
import { writeLedgerSheet } from './documents/ledger-xlsx';
import { typicalCaseDocx } from './documents/typical-case-docx';
import { todayInChina } from '../../platform/today';

/** The files the ledger produces: the ledger (.xlsx) and a case's typical-case form (annex 3, .docx). */
export function createCaseDocumentsService(deps: {
  db: Db;
  casesService: CasesService;
  unitsRepository: UnitsRepository;
  today?: () => string;
}) {
  const { db, casesService, unitsRepository } = deps;
  const today = deps.today ?? (() => todayInChina());
  return {
    /** The filtered ledger, streamed: rows leave while the next ones are read. */
    async ledgerXlsx(actor: Actor, q: Omit<CaseListQuery, 'page' | 'pageSize'>) {
      const chunks = casesService.ledgerChunks(actor, q);
      // Scope errors (404) must come before the download starts: take the first chunk now.
      const first = await chunks.next();
      const unit = actor.unitId ? await unitsRepository.findById(db, actor.unitId) : undefined;
      const who = unit?.name ?? '全部单位';
      async function* all() {
        if (!first.done) yield first.value;
        yield* chunks;
      }
      const stream = streamXlsx(async (wb) => {
        await writeLedgerSheet(
          wb,
          {
            title: '重点案件查办工作台账',
            subtitle: `导出单位：${who}\u3000\u3000导出时间：${today()}\u3000\u3000导出人：${actor.displayName}`,
          },
          all(),
        );
      });
      return { fileName: `重点案件查办工作台账（${today()}）.xlsx`, content: stream };
    },

    async typicalCaseDocx(actor: Actor, id: string) {
      const c = await casesService.get(actor, id);
      return { fileName: `典型案件报送信息表-${c.caseNumber}.docx`, content: await typicalCaseDocx(c, today()) };
    },
  };
}

export type CaseDocumentsService = ReturnType<typeof createCaseDocumentsService>;
