import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { CalendarService } from './calendar.service';
import { isIsoDate } from './working-days';

const isoDate = z.string().refine(isIsoDate, '日期应为有效的 YYYY-MM-DD');
const dayInfo = z.object({
  date: z.string(),
  isWorkingDay: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday']),
  name: z.string().optional(),
  source: z.enum(['package', 'override', 'weekday']),
});
const overrideSchema = z
  .object({
    day: z.string(),
    kind: z.enum(['holiday', 'workday']),
    name: z.string(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'CalendarOverride' });

const yearSchema = z
  .object({
    year: z.number().int(),
    covered: z.boolean(),
    inPackage: z.boolean(),
    days: z.array(dayInfo),
    overrides: z.array(overrideSchema),
  })
  .meta({ id: 'CalendarYear' });

export function registerCalendarRoutes(app: App, calendarService: CalendarService) {
  app.get('/api/calendar/years/:year', {
    schema: {
      tags: ['calendar'],
      summary: '一年的工作日历（法定节假日、调休上班日）',
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      response: withProblems({ 200: yearSchema }),
    },
    handler: async (req) => {
      requireActor(req);
      return calendarService.year(req.params.year);
    },
  });

  app.put('/api/calendar/years/:year/entered', {
    schema: {
      tags: ['calendar'],
      summary: '标记某年的节假日安排已全部录入（系统管理员；该年不在节假日数据包中时使用）',
      params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
      body: z.object({ entered: z.boolean() }),
      response: withProblems({ 200: yearSchema }),
    },
    handler: async (req) => calendarService.setYearEntered(requireActor(req), req.params.year, req.body.entered),
  });

  app.get('/api/calendar/add-working-days', {
    schema: {
      tags: ['calendar'],
      summary: '某日之后第 N 个工作日',
      querystring: z.object({ from: isoDate, days: z.coerce.number().int().min(0).max(1000) }),
      response: withProblems({ 200: z.object({ date: z.string(), provisional: z.boolean() }) }),
    },
    handler: async (req) => {
      requireActor(req);
      return (await calendarService.calendar()).addWorkingDays(req.query.from, req.query.days);
    },
  });

  app.get('/api/calendar/working-days-between', {
    schema: {
      tags: ['calendar'],
      summary: '两日之间的工作日天数（不含起始日，含截止日）',
      querystring: z.object({ from: isoDate, to: isoDate }),
      response: withProblems({ 200: z.object({ days: z.number().int(), provisional: z.boolean() }) }),
    },
    handler: async (req) => {
      requireActor(req);
      return (await calendarService.calendar()).workingDaysBetween(req.query.from, req.query.to);
    },
  });

  app.put('/api/calendar/overrides/:day', {
    schema: {
      tags: ['calendar'],
      summary: '设置某日为放假或调休上班（系统管理员）',
      params: z.object({ day: isoDate }),
      body: z.object({
        kind: z.enum(['holiday', 'workday'], '类型应为 holiday 或 workday'),
        name: z.string().trim().min(1, '请填写名称').max(30),
      }),
      response: withProblems({ 200: overrideSchema }),
    },
    handler: async (req) => calendarService.setOverride(requireActor(req), req.params.day, req.body),
  });

  app.delete('/api/calendar/overrides/:day', {
    schema: {
      tags: ['calendar'],
      summary: '删除自定义日期（系统管理员）',
      params: z.object({ day: isoDate }),
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await calendarService.deleteOverride(requireActor(req), req.params.day);
      return reply.code(204).send(null);
    },
  });
}
