import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { CaseCarryForwardService } from './case-carry-forward.service';

/** A case's stages (the listed ones are not yet decided: case-carry-forward.service.ts). */
const STAGES = ['filed', 'investigation', 'review', 'notice', 'decided', 'execution', 'closed', 'archived'] as const;
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const done = z.object({ id: z.uuid(), caseNumber: z.string() });

/** 结转: the predecessor plan's unfinished cases, and carrying them into this plan. */
export function registerCaseCarryForwardRoutes(app: App, service: CaseCarryForwardService) {
  app.get('/api/campaigns/:id/carry-forward', {
    schema: {
      tags: ['cases'],
      summary: '可结转的案件：上一年度行动中您权限内尚未作出决定的案件，及是否已结转到本行动',
      params: campaignParams,
      response: withProblems({
        200: z.object({
          predecessor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
          items: z.array(
            z.object({
              id: z.uuid(),
              unitId: z.uuid(),
              unitName: z.string().nullable(),
              campaignId: z.uuid(),
              categoryCode: z.string(),
              caseNumber: z.string(),
              name: z.string(),
              partyName: z.string(),
              stage: z.enum(STAGES),
              filingDate: z.string(),
              carried: z.boolean(),
            }),
          ),
          canCarry: z.boolean(),
        }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.params.id),
  });

  app.post('/api/campaigns/:id/carry-forward', {
    schema: {
      tags: ['cases'],
      summary: '结转：把上一年度行动中未办结的案件计入本行动（选中的或全部）；已结转的不重复计入',
      params: campaignParams,
      body: z.object({
        caseIds: z.array(z.uuid('案件编号格式不正确')).max(2000).optional(),
        all: z.boolean().optional().describe('结转全部未办结案件'),
      }),
      response: withProblems({
        200: z.object({
          carried: z.array(done),
          already: z.array(done.extend({ reason: z.string() })),
        }),
      }),
    },
    handler: async (req) => service.carry(requireActor(req), req.params.id, req.body),
  });
}
