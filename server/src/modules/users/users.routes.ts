import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import type { UsersService } from './users.service';
import { ROLES } from '../../platform/roles';

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable().describe('电子邮箱；配置了邮件服务器时，消息通知也发到这里'),
    unitId: z.uuid().nullable(),
    roles: z.array(z.enum(ROLES)),
    isSystemAdmin: z.boolean(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

const userWithPermissions = userSchema
  .extend({ can: z.object({ update: z.boolean(), resetPassword: z.boolean(), deactivate: z.boolean() }) })
  .meta({ id: 'UserWithPermissions' });

const roles = z.array(z.enum(ROLES, '角色取值无效')).min(1, '至少选择一个角色');
const displayName = z.string().trim().min(1, '请填写姓名').max(50);
/** 电子邮箱: optional; an empty text or null clears it. */
const email = z
  .string('电子邮箱（email）应为文本')
  .trim()
  .max(254, '电子邮箱（email）不能超过 254 个字符')
  .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱（email）格式不正确，例如 name@example.gov.cn')
  .nullable()
  .optional();
const idParams = z.object({ id: z.uuid('用户编号格式不正确') });

export function registerUsersRoutes(app: App, usersService: UsersService) {
  app.get('/api/users', {
    schema: {
      tags: ['users'],
      summary: '列出本单位及下级单位的用户',
      querystring: z.object({ unitId: z.uuid().optional(), q: z.string().trim().max(50).optional(), ...pagingQuery }),
      response: withProblems({ 200: z.object({ items: z.array(userWithPermissions), total: z.number().int() }) }),
    },
    handler: async (req) => usersService.list(requireActor(req), req.query),
  });

  app.get('/api/people', {
    schema: {
      tags: ['users'],
      summary:
        '可承担某单位事务的人员（该单位及其上级、下级单位中具有指定角色的在职人员，仅姓名），如批准立案的负责人、执行人员',
      querystring: z.object({ unitId: z.uuid('单位编号格式不正确'), role: z.enum(ROLES, '角色取值无效') }),
      response: withProblems({
        200: z.object({
          items: z.array(z.object({ id: z.uuid(), displayName: z.string(), unitId: z.uuid().nullable() })),
        }),
      }),
    },
    handler: async (req) => usersService.peopleFor(requireActor(req), req.query.unitId, req.query.role),
  });

  app.get('/api/users/:id', {
    schema: {
      tags: ['users'],
      summary: '用户详情',
      params: idParams,
      response: withProblems({ 200: userWithPermissions }),
    },
    handler: async (req) => usersService.get(requireActor(req), req.params.id),
  });

  app.post('/api/users', {
    schema: {
      tags: ['users'],
      summary: '新建用户',
      body: z.object({
        username: z
          .string()
          .trim()
          .min(2, '用户名至少 2 个字符')
          .max(40)
          .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、点、- 和 _'),
        password: z.string().max(128),
        displayName,
        unitId: z.uuid('单位编号格式不正确'),
        roles,
        email,
      }),
      response: withProblems({ 201: userWithPermissions }),
    },
    handler: async (req, reply) => reply.code(201).send(await usersService.create(requireActor(req), req.body)),
  });

  app.patch('/api/users/:id', {
    schema: {
      tags: ['users'],
      summary: '修改用户（姓名、电子邮箱、角色、所属单位、启用状态）',
      params: idParams,
      body: z.object({
        version: z.number().int().min(1),
        displayName: displayName.optional(),
        email,
        roles: roles.optional(),
        unitId: z.uuid().optional(),
        active: z.boolean().optional(),
      }),
      response: withProblems({ 200: userWithPermissions }),
    },
    handler: async (req) => usersService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/users/:id/reset-password', {
    schema: {
      tags: ['users'],
      summary: '重置用户密码（用户下次登录须修改）',
      params: idParams,
      body: z.object({ password: z.string().max(128) }),
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await usersService.resetPassword(requireActor(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    },
  });
}
