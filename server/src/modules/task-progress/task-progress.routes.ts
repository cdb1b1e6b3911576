import { z } from 'zod';
import { isIsoDate } from '../../platform/today';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { TaskProgressService } from './task-progress.service';

const KINDS = ['case', 'lead', 'inspection', 'draw', 'visit'] as const;
const params = z.object({ id: z.uuid('专项行动编号格式不正确') });
const counts = z.object({
  case: z.number().int(),
  lead: z.number().int(),
  inspection: z.number().int(),
  draw: z.number().int(),
  visit: z.number().int(),
});
const role = z.enum(['lead', 'cooperating']);
const note = z
  .object({ id: z.uuid(), noteDate: z.string(), text: z.string(), authorName: z.string(), createdAt: z.date() })
  .meta({ id: 'TaskProgressNote' });
const grid = z
  .object({
    campaignId: z.uuid(),
    campaignName: z.string(),
    today: z.string(),
    inactiveWeeks: z.number().int(),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    rows: z.array(
      z.object({
        id: z.uuid(),
        campaignId: z.uuid(),
        campaignName: z.string(),
        seq: z.number().int(),
        title: z.string(),
        categoryCode: z.string(),
        parentTaskId: z.uuid().nullable(),
        /** Every record tagged to the task in the caller's scope, whichever unit made it. */
        counts,
        cells: z.array(
          z.object({
            unitId: z.uuid(),
            role,
            counts,
            total: z.number().int(),
            lastActivity: z.string().nullable(),
            noteCount: z.number().int(),
            inactive: z.boolean(),
            weeksInactive: z.number().int().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'TaskProgressGrid' });
const cell = z
  .object({
    task: z.object({
      id: z.uuid(),
      seq: z.number().int(),
      title: z.string(),
      campaignId: z.uuid(),
      campaignName: z.string(),
    }),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    role,
    records: z.array(
      z.object({
        kind: z.enum(KINDS),
        id: z.uuid(),
        unitId: z.uuid(),
        unitName: z.string(),
        date: z.string(),
        title: z.string(),
        link: z.string(),
      }),
    ),
    notes: z.array(note),
    can: z.object({ addNote: z.boolean() }),
  })
  .meta({ id: 'TaskProgressCell' });
const cellQuery = {
  taskId: z.uuid('请选择重点任务（taskId）'),
  unitId: z.uuid('请选择单位（unitId）'),
};

export function registerTaskProgressRoutes(app: App, s: TaskProgressService) {
  const tags = ['task-progress'];
  app.get('/api/campaigns/:id/task-progress', {
    schema: {
      tags,
      summary: '任务进展：方案（及其实施方案）每项重点任务的牵头、配合单位的记录数、进展情况和 N 周无进展的牵头单位',
      params,
      querystring: z.object({
        inactiveWeeks: z.coerce.number().int('周数应为整数').min(1, '周数至少为 1').max(52, '周数至多为 52').default(4),
      }),
      response: withProblems({ 200: grid }),
    },
    handler: async (req) => s.grid(requireActor(req), req.params.id, req.query),
  });
  app.get('/api/campaigns/:id/task-progress/cell', {
    schema: {
      tags,
      summary: '任务进展的一格：该单位（及下级）标记到该任务的记录，以及该单位的进展情况',
      params,
      querystring: z.object(cellQuery),
      response: withProblems({ 200: cell }),
    },
    handler: async (req) => s.cell(requireActor(req), req.params.id, req.query),
  });
  app.post('/api/campaigns/:id/task-progress/notes', {
    schema: {
      tags,
      summary: '填报进展情况（该牵头、配合单位的联络员、专项办、局领导）',
      params,
      body: z.object({
        ...cellQuery,
        noteDate: z.string().refine(isIsoDate, '进展日期应为有效日期（YYYY-MM-DD）'),
        text: z.string().trim().min(1, '请填写进展情况').max(2000, '进展情况不能超过 2000 个字'),
      }),
      response: withProblems({ 201: note }),
    },
    handler: async (req, reply) => reply.code(201).send(await s.addNote(requireActor(req), req.params.id, req.body)),
  });
}
