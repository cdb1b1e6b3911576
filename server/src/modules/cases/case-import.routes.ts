import type { App } from '../../platform/http';
import { registerImportRoute } from '../../platform/tabular/import-route';
import type { CaseImportService } from './case-import.service';

export function registerCaseImportRoutes(app: App, caseImportService: CaseImportService) {
  registerImportRoute(app, {
    path: '/api/campaigns/:id/cases/import',
    tag: 'cases',
    summary: '导入案件台账（全部成功或全部不导入）',
    description:
      '表头：案件编号、承办单位（单位代码，或在您权限范围内唯一的单位名称）、违法类型、案件名称、当事人、统一社会信用代码（可选）、立案日期、结案日期（可选）、涉案金额、罚款、没收违法所得、挽回损失（元，最多两位小数）、互联网案件、农村市场案件、移送司法（是/否）、移送日期（可选）、涉案环节（生产/经营，可选）。',
    run: (actor, campaignId, file, progress) => caseImportService.importCases(actor, campaignId, file, progress),
  });
}
