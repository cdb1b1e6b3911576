import { creditCodeProblem } from '../../platform/credit-code';
import type { FieldError } from '../../platform/errors';
import { cellFen, cellReader, cellText, cellYesNo, optionalDate, requiredText } from '../../platform/tabular/cells';
import type { ImportColumn, ImportSpec } from '../../platform/tabular/import-rows';
import type { RecordTargets } from '../campaigns/record-targets';
import type { Db } from '../../db/database';
import type { CaseInsert } from './cases.schema';

/**
 * The case-ledger import (a public contract, documented in docs/import.md): the columns a bureau's
 * existing ledger brings, by their Chinese headers.
 */
export const CASE_IMPORT_COLUMNS = [
  { key: 'caseNumber', label: '案件编号', required: true },
  { key: 'unit', label: '承办单位', required: true },
  { key: 'category', label: '违法类型', required: true },
  { key: 'name', label: '案件名称', required: true },
  {
    key: 'partyName',
    label: '当事人',
    required: true,
    aliases: ['涉案企业名称', '涉案企业名称（人员姓名）', '当事人名称'],
  },
  { key: 'partyKind', label: '当事人类型' },
  { key: 'creditCode', label: '统一社会信用代码' },
  { key: 'filingDate', label: '立案日期', required: true, aliases: ['立案时间'] },
  { key: 'closingDate', label: '结案日期', aliases: ['结案时间'] },
  { key: 'amountInvolved', label: '涉案金额', required: true },
  { key: 'fine', label: '罚款', required: true, aliases: ['罚款数额', '罚款金额'] },
  { key: 'confiscated', label: '没收违法所得', required: true },
  { key: 'lossesRecovered', label: '挽回损失', required: true, aliases: ['挽回经济损失'] },
  { key: 'online', label: '互联网案件', required: true },
  { key: 'rural', label: '农村市场案件', required: true },
  { key: 'judiciary', label: '移送司法', required: true },
  { key: 'judiciaryDate', label: '移送日期', aliases: ['移送司法日期'] },
  { key: 'chainStage', label: '涉案环节' },
] as const satisfies readonly ImportColumn[];

type Key = (typeof CASE_IMPORT_COLUMNS)[number]['key'];
const CHAIN_STAGE_BY_LABEL: Record<string, CaseInsert['chainStage']> = {
  生产: 'production',
  经营: 'distribution',
  流通: 'distribution',
  销售: 'distribution',
};
/** A name that reads as a person's: 2–4 Chinese characters with no word of a business in it. */
const PERSON_NAME = /^[\u4e00-\u9fa5·]{2,4}$/;
const BUSINESS_WORD = /公司|店|超市|厂|部|行|社|中心|场|馆|院|所|站|门市|商城|铺|摊|坊|园/;
const looksLikePerson = (name: string) => PERSON_NAME.test(name) && !BUSINESS_WORD.test(name);

/** A case row of the file, checked, as it will be stored (the importer files it). */
export type ImportedCase = Omit<CaseInsert, 'id' | 'createdBy' | 'campaignId' | 'decisionDueDate'>;

/**
 * The rules of one case import: each row checked on its own (dates, amounts, credit code, unit and
 * category of the campaign, 结案 not before 立案), then against the rest of the file and the ledger
 * (a case number once per unit).
 */
export function caseImportSpec(opts: {
  targets: RecordTargets;
  today: string;
  canFileFor: (unitPath: string) => boolean;
  numbersTaken: (tx: Db, pairs: { unitId: string; caseNumber: string }[]) => Promise<Set<string>>;
  /** Stores a batch; answers the places of the rows whose number the unit already has (not stored). */
  insert: (tx: Db, rows: ImportedCase[]) => Promise<number[]>;
  /**
   * The store pass: the insert finds the numbers already taken itself (the unique key), so the
   * batch is not looked up first; the check pass before it looked every row up.
   */
  storing: boolean;
}): ImportSpec<ImportedCase> {
  const { targets, today } = opts;
  const firstRowOfNumber = new Map<string, number>();
  const label = (key: Key) => CASE_IMPORT_COLUMNS.find((c) => c.key === key)!.label;
  const taken = (caseNumber: string) => `该单位已有案件编号为“${caseNumber}”的案件（同一文件不能重复导入）`;

  return {
    columns: CASE_IMPORT_COLUMNS,

    parse(ctx) {
      const read = cellReader(ctx);
      const caseNumber = requiredText(ctx, 'caseNumber', '案件编号', 60);
      const name = requiredText(ctx, 'name', '案件名称', 200);
      const partyName = requiredText(ctx, 'partyName', '当事人', 200);

      const unitRef = requiredText(ctx, 'unit', '承办单位', 200);
      const unit = unitRef === undefined ? undefined : targets.unit(unitRef);
      if (unit && !unit.ok) ctx.problem('unit', unit.message);
      if (unit?.ok && !opts.canFileFor(unit.value.path)) ctx.problem('unit', `您不能为“${unit.value.name}”登记案件`);
      const categoryRef = requiredText(ctx, 'category', '违法类型', 100);
      const category = categoryRef === undefined ? undefined : targets.category(categoryRef);
      if (category && !category.ok) ctx.problem('category', category.message);

      const creditCode = cellText(ctx.get('creditCode')).toUpperCase() || null;
      if (creditCode) {
        const problem = creditCodeProblem(creditCode);
        if (problem) ctx.problem('creditCode', problem);
      }
      const kindText = cellText(ctx.get('partyKind'));
      let partyKind: 'company' | 'person';
      if (!kindText) partyKind = creditCode || !looksLikePerson(partyName ?? '') ? 'company' : 'person';
      else if (['单位', '企业', '公司', '个体工商户'].includes(kindText)) partyKind = 'company';
      else if (['个人', '自然人'].includes(kindText)) partyKind = 'person';
      else {
        ctx.problem('partyKind', `“${kindText}”应为“单位”或“个人”`);
        partyKind = 'company';
      }

      const filingCell = optionalDate(ctx, 'filingDate');
      if (filingCell === null) ctx.problem('filingDate', '请填写立案日期');
      const filingDate = filingCell ?? undefined;
      if (filingDate && filingDate > today) ctx.problem('filingDate', `立案日期 ${filingDate} 晚于今天`);
      const closingDate = optionalDate(ctx, 'closingDate');
      if (filingDate && closingDate && closingDate < filingDate)
        ctx.problem('closingDate', `结案日期 ${closingDate} 早于立案日期 ${filingDate}`);
      if (closingDate && closingDate > today) ctx.problem('closingDate', `结案日期 ${closingDate} 晚于今天`);

      const amountInvolvedFen = read('amountInvolved', cellFen);
      const fineFen = read('fine', cellFen);
      const confiscatedFen = read('confiscated', cellFen);
      const lossesRecoveredFen = read('lossesRecovered', cellFen);
      const online = read('online', cellYesNo);
      const rural = read('rural', cellYesNo);
      const transferredToJudiciary = read('judiciary', cellYesNo);
      const judiciaryTransferDate = optionalDate(ctx, 'judiciaryDate');
      if (judiciaryTransferDate && transferredToJudiciary === false)
        ctx.problem('judiciaryDate', `填写了移送日期，但“${label('judiciary')}”为“否”`);
      if (judiciaryTransferDate && judiciaryTransferDate > today)
        ctx.problem('judiciaryDate', `移送日期 ${judiciaryTransferDate} 晚于今天`);
      if (judiciaryTransferDate && filingDate && judiciaryTransferDate < filingDate)
        ctx.problem('judiciaryDate', `移送日期 ${judiciaryTransferDate} 早于立案日期 ${filingDate}`);

      const chainText = cellText(ctx.get('chainStage'));
      const chainStage = chainText ? CHAIN_STAGE_BY_LABEL[chainText] : null;
      if (chainStage === undefined) ctx.problem('chainStage', `“${chainText}”应为“生产”或“经营”`);

      if (unit?.ok && caseNumber) {
        const key = `${unit.value.id}|${caseNumber}`;
        const first = firstRowOfNumber.get(key);
        if (first !== undefined)
          ctx.problem('caseNumber', `案件编号“${caseNumber}”与第 ${first} 行重复（同一单位的案件编号不能重复）`);
        else firstRowOfNumber.set(key, ctx.row);
      }

      if (!unit?.ok || !category?.ok || !caseNumber || !name || !partyName || !filingDate) return null;
      return {
        unitId: unit.value.id,
        categoryCode: category.value,
        caseNumber,
        name,
        partyKind,
        partyName,
        partyCreditCode: creditCode,
        chainStage: chainStage ?? null,
        stage: closingDate ? 'closed' : 'filed',
        filingDate,
        closingDate: closingDate ?? null,
        amountInvolvedFen: amountInvolvedFen ?? 0,
        fineFen: fineFen ?? 0,
        confiscatedFen: confiscatedFen ?? 0,
        lossesRecoveredFen: lossesRecoveredFen ?? 0,
        online: online ?? false,
        rural: rural ?? false,
        transferredToJudiciary: transferredToJudiciary ?? false,
        judiciaryTransferDate: judiciaryTransferDate ?? null,
      };
    },

    checkBatch: opts.storing
      ? undefined
      : async (tx, batch) => {
          const found = await opts.numbersTaken(
            tx,
            batch.map((b) => ({ unitId: b.value.unitId, caseNumber: b.value.caseNumber })),
          );
          const errors: FieldError[] = [];
          for (const b of batch) {
            if (found.has(`${b.value.unitId}|${b.value.caseNumber}`))
              errors.push({ row: b.row, column: label('caseNumber'), message: taken(b.value.caseNumber) });
          }
          return errors;
        },

    async insertBatch(tx, rows) {
      const refused = await opts.insert(tx, rows);
      return refused.map((index) => ({ index, column: label('caseNumber'), message: taken(rows[index].caseNumber) }));
    },
  };
}
