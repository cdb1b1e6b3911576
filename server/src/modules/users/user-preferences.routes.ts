import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { UserPreferencesService } from './user-preferences.service';

const keyParams = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{0,59}$/, '偏好名称（key）应为小写字母、数字、点或连字符，最多60个字符，例如 table.cases'),
});
/** A small JSON object: a list's columns, density and the like (at most 4,000 characters). */
const value = z
  .record(z.string(), z.unknown(), '偏好内容（value）应为 JSON 对象')
  .refine((v) => JSON.stringify(v).length <= 4000, '偏好内容（value）不能超过4000个字符');
const preference = z
  .object({ key: z.string(), value: z.record(z.string(), z.unknown()).nullable(), updatedAt: z.date().nullable() })
  .meta({ id: 'UserPreference' });

/** 个人偏好: only the signed-in person's own (no user id in the address: nobody can name another's). */
export function registerUserPreferencesRoutes(app: App, service: UserPreferencesService) {
  app.get('/api/me/preferences/:key', {
    schema: {
      tags: ['users'],
      summary: '读取本人的一项显示偏好（如列表显示哪些列、行密度），未保存过时 value 为 null',
      params: keyParams,
      response: withProblems({ 200: preference }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.key),
  });

  app.put('/api/me/preferences/:key', {
    schema: {
      tags: ['users'],
      summary: '保存本人的一项显示偏好（只影响本人，换电脑登录后仍然有效）',
      params: keyParams,
      body: z.object({ value }),
      response: withProblems({ 200: preference }),
    },
    handler: async (req) => service.put(requireActor(req), req.params.key, req.body.value),
  });
}
