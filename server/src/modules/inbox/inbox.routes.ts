import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { InboxService } from './inbox.service';

const item = z.object({
  kind: z.string().describe('待办类别：case_review 待核审、case_overdue 办案超期、report_review 待审核报表……'),
  recordType: z.string().describe('所涉记录：case、lead、report……'),
  recordId: z.string().describe('记录编号（报表为“行动:报送计划:期末:单位”）'),
  title: z.string(),
  dueAt: z.string().nullable().describe('到期日（YYYY-MM-DD，北京时间），无期限时为空'),
  unitId: z.uuid().nullable(),
  link: z.string().describe('打开所涉记录的页面地址'),
  overdue: z.boolean(),
});

export function registerInboxRoutes(app: App, inboxService: InboxService) {
  app.get('/api/inbox', {
    schema: {
      tags: ['inbox'],
      summary: '我的待办：待我核审、审核、重报、报送与临期超期事项（逾期在前，再按到期日）；只含本人范围内的',
      response: withProblems({
        200: z.object({
          items: z.array(item),
          counts: z.record(z.string(), z.number()).describe('每类待办的条数（列表中每类最多 limitPerKind 条）'),
          total: z.number(),
          limitPerKind: z.number(),
        }),
      }),
    },
    handler: async (req) => inboxService.inbox(requireActor(req)),
  });
}
