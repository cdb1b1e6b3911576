import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { streamXlsx, thinBorder } from '../../platform/documents/xlsx';
import { forbidden } from '../../platform/errors';
import { unitIdInScope } from '../../platform/scope';
import type { ImportFile } from '../../platform/tabular/import-types';
import { runImport } from '../../platform/tabular/run-import';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesRepository } from '../cases/cases.repository';
import { cases } from '../cases/cases.schema';
import type { ImportProgress } from '../imports/import-progress';
import type { MarketEntitiesRepository } from '../market-entities/market-entities.repository';
import { marketEntities } from '../market-entities/market-entities.schema';
import { amountsOf } from './seized-goods-checks';
import type { SeizedGoodsImportRepository } from './seized-goods-import.repository';
import {
  resolveRow,
  SEIZED_GOODS_IMPORT_COLUMNS,
  seizedGoodsImportSpec,
  type ImportedSeizedGoods,
  type SeizedGoodsRefs,
} from './seized-goods-import';
import { seizedGoodsPolicy } from './seized-goods.policy';
import { seizedGoods, seizedGoodsDisposals } from './seized-goods.schema';
import { custodyBalance, fromThousandths } from './seized-quantity';

/** Notes on the template's second sheet: what each column takes (docs/import.md says the same). */
const TEMPLATE_NOTES: [string, string][] = [
  ['单位', '必填。单位代码或名称，须参加本专项行动'],
  ['违法类型', '必填。本行动的违法类型（名称或代码）'],
  ['物品名称', '必填'],
  ['措施', '查封、扣押（默认）、先行登记保存、没收'],
  ['数量', '必填。大于0，最多3位小数，按填写的数字精确保存'],
  ['计量单位', '必填。公斤、瓶、件、吨……'],
  ['查扣日期', '必填。YYYY-MM-DD，不晚于今天'],
  ['当事人', '个人或未登记的主体的名称'],
  ['统一社会信用代码', '市场主体名录中的主体（您权限范围内）'],
  ['案件编号', '您权限范围内、该单位条线上的案件'],
  ['存放地点', '必填'],
  ['保管人', '必填。该单位或其上级、下级单位在职人员的姓名'],
  ['已没收、已处置、在库、状态', '可不填；填写时须与处置情况相符'],
  ['处置情况', '每项写作“2026-04-10 销毁3478公斤，方式：无害化处理，见证人：张三、李四”，多项以；或换行分隔'],
];

/**
 * Brings a bureau's 罚没物品台账 (.xlsx or .csv) into a campaign, all or nothing: custody records with
 * their past disposals, each 保管人, case and entity resolved in the importer's scope; one audit entry.
 */
export function createSeizedGoodsImportService(deps: {
  db: Db;
  importRepository: SeizedGoodsImportRepository;
  casesRepository: Pick<CasesRepository, 'byNumbers'>;
  marketEntitiesRepository: Pick<MarketEntitiesRepository, 'namedByCreditCodes'>;
  campaignsService: CampaignsService;
  auditService: AuditService;
  importProgress: ImportProgress;
  today?: () => string;
}) {
  const { db, importRepository: repo, casesRepository, marketEntitiesRepository, campaignsService } = deps;
  const { auditService, importProgress } = deps;
  const today = deps.today ?? (() => todayInChina());

  const refsFor =
    (actor: Actor) =>
    async (tx: Db, rows: ImportedSeizedGoods[]): Promise<SeizedGoodsRefs> => {
      const distinct = (pick: (r: ImportedSeizedGoods) => string | null) => [
        ...new Set(rows.map(pick).filter((x): x is string => Boolean(x))),
      ];
      const [custodians, found, entities] = await Promise.all([
        repo.usersByName(
          tx,
          distinct((r) => r.custodianName),
        ),
        casesRepository.byNumbers(
          tx,
          distinct((r) => r.caseNumber),
          unitIdInScope(actor, cases.unitId),
        ),
        marketEntitiesRepository.namedByCreditCodes(
          tx,
          distinct((r) => r.creditCode),
          unitIdInScope(actor, marketEntities.unitId),
        ),
      ]);
      return { custodians, cases: found, entities };
    };

  return {
    async importSeizedGoods(actor: Actor, campaignId: string, file: ImportFile, progressToken?: string) {
      const targets = await campaignsService.importTargets(actor, campaignId);
      if (!seizedGoodsPolicy.canImport(actor)) throw forbidden('只有办案人员、专项办或管理员可以导入罚没物品台账');
      const day = today();
      const refs = refsFor(actor);
      return runImport<ImportedSeizedGoods>({
        db,
        file,
        progress: importProgress.track(progressToken),
        specOf: (insert) =>
          seizedGoodsImportSpec({
            targets,
            today: day,
            canRecordFor: (unitPath) => seizedGoodsPolicy.canRecord(actor, unitPath),
            refs,
            insert,
          }),
        store: () => ({
          async insert(t, rows) {
            const resolved = await refs(t, rows);
            const records = rows.map((r) => {
              const { custodian, caseId, entityId } = resolveRow(r, resolved);
              const b = custodyBalance(r.quantity, amountsOf(r, r.disposals));
              return {
                id: randomUUID(),
                unitId: r.unitId,
                campaignId: targets.campaign.id,
                categoryCode: r.categoryCode,
                goods: r.goods,
                measure: r.measure,
                quantity: r.quantity,
                quantityUnit: r.quantityUnit,
                description: r.description,
                place: r.place,
                custodianId: custodian!.id,
                custodianName: custodian!.displayName,
                seizedDate: r.seizedDate,
                caseId,
                entityId,
                ownerName: entityId ? null : r.ownerName,
                note: r.note,
                disposedQuantity: fromThousandths(b.out),
                confiscatedQuantity: fromThousandths(b.confiscated),
                status: b.status,
                createdBy: actor.userId,
              };
            });
            const disposals = rows.flatMap((r, i) =>
              r.disposals.map((d) => ({
                ...d,
                seizedGoodsId: records[i].id,
                note: `由台账导入（${file.fileName}）`,
                createdBy: actor.userId,
                createdByName: actor.displayName,
              })),
            );
            await repo.insertMany(t, records, disposals);
          },
        }),
        audit: (tx, after) =>
          auditService.record(tx, actor, {
            action: 'seized_goods.import',
            recordId: targets.campaign.id,
            unitId: actor.unitId,
            after,
          }),
        tablesToAnalyze: [seizedGoods, seizedGoodsDisposals],
      });
    },

    /** 罚没物品台账导入模板.xlsx: the header row of the import, and a sheet saying what each column takes. */
    template() {
      return {
        fileName: '罚没物品台账导入模板.xlsx',
        content: streamXlsx(async (wb) => {
          const ws = wb.addWorksheet('罚没物品台账');
          const required = new Set<string>(
            SEIZED_GOODS_IMPORT_COLUMNS.filter((c) => 'required' in c && c.required).map((c) => c.label),
          );
          ws.columns = SEIZED_GOODS_IMPORT_COLUMNS.map((c) => ({
            header: c.label,
            width: c.key === 'disposals' ? 48 : 14,
          }));
          const header = ws.getRow(1);
          header.font = { bold: true };
          header.eachCell((cell) => {
            cell.border = thinBorder;
            if (required.has(String(cell.value))) cell.font = { bold: true, color: { argb: 'FFC00000' } };
          });
          header.commit();
          ws.commit();
          const notes = wb.addWorksheet('填写说明');
          notes.columns = [
            { header: '列', width: 24 },
            { header: '填写要求', width: 80 },
          ];
          notes.getRow(1).font = { bold: true };
          for (const n of TEMPLATE_NOTES) notes.addRow(n).commit();
        }),
      };
    },
  };
}

export type SeizedGoodsImportService = ReturnType<typeof createSeizedGoodsImportService>;
