import type { App } from '../../platform/http';
import { registerImportRoute } from '../../platform/tabular/import-route';
import type { LeadImportService } from './lead-import.service';

export function registerLeadImportRoutes(app: App, leadImportService: LeadImportService) {
  registerImportRoute(app, {
    path: '/api/campaigns/:id/leads/import',
    tag: 'leads',
    summary: '导入案源线索（如 12315 平台导出的投诉举报登记表）',
    description:
      '表头：登记编号（可选）、来源（可选，默认 12315投诉）、登记日期、承办单位、违法类型、被投诉举报对象、诉求内容、投诉举报人（可选）、联系电话（可选）、证件号码（可选）、重要线索（是/否，可选）。导入人成为这些线索的经办人。',
    run: (actor, campaignId, file, progress) => leadImportService.importLeads(actor, campaignId, file, progress),
  });
}
