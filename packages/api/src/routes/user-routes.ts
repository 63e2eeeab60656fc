import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { changeAccount, createAccount } from '@vigia/services';
import type { Store } from '@vigia/store';
import { actorOf } from '../auth/access.js';
import { Lang, errorResponses } from '../app/schemas.js';
import { RoleName, UserView, userViews } from './user-schemas.js';

const Password = Type.String({
  minLength: 1,
  maxLength: 1024,
  description: 'At least 10 characters, not common',
});
const UnitCode = Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
  description: "The commander's unit code (required for commanders)",
});

/**
 * Account management for admins (`users.manage`): GET /users, POST /users (create), PATCH /users/{id}
 * (display name, role and unit, disable, reset password, unlock). Every change is audited with the
 * admin as actor; a new password or disabling ends the user's sessions; the last active admin cannot
 * be demoted or disabled (409 LAST_ADMIN).
 */
export function registerUserRoutes(app: FastifyInstance, ctx: { store: Store; now: () => number }): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { store } = ctx;

  api.get(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        summary: 'Every account (admins)',
        tags: ['users'],
        querystring: Type.Object({ lang: Lang }),
        response: { 200: Type.Array(UserView), ...errorResponses },
      },
    },
    async () => userViews(store, await store.listUsers(), ctx.now()),
  );

  api.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: {
        summary: 'Create an account (admins)',
        tags: ['users'],
        querystring: Type.Object({ lang: Lang }),
        body: Type.Object(
          {
            username: Type.String({ minLength: 1, maxLength: 64 }),
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            role: RoleName,
            unitCode: Type.Optional(UnitCode),
            password: Password,
          },
          { additionalProperties: false },
        ),
        response: { 201: UserView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const now = ctx.now();
      const user = await createAccount(store, req.body, actorOf(req), now);
      const [view] = await userViews(store, [user], now);
      return reply.status(201).send(view!);
    },
  );

  api.patch(
    '/users/:id',
    {
      config: { access: 'users.manage' },
      schema: {
        summary: 'Change an account: name, role and unit, disabled, new password, unlock (admins)',
        tags: ['users'],
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        querystring: Type.Object({ lang: Lang }),
        body: Type.Object(
          {
            displayName: Type.Optional(Type.String({ maxLength: 200 })),
            role: Type.Optional(RoleName),
            unitCode: Type.Optional(UnitCode),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
            unlock: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: UserView, ...errorResponses },
      },
    },
    async (req) => {
      const now = ctx.now();
      const user = await changeAccount(store, req.params.id, req.body, actorOf(req), now);
      const [view] = await userViews(store, [user], now);
      return view!;
    },
  );
}
