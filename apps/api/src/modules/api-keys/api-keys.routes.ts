import { apiKeys, users } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, isNull } from 'drizzle-orm';
import Type from 'typebox';
import { Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { decodeCursor, olderThan, pageOf } from '../../http/pagination.ts';
import { ApiProblem, notFound } from '../../http/problems.ts';
import { asOwnFirm, requireRole } from '../../plugins/auth.ts';
import { FirmParams } from '../firms/firms.schemas.ts';
import { ApiKey, ApiKeyParams, CreateApiKeyBody, CreatedApiKey } from './api-keys.schemas.ts';
import { isActiveMember } from '../networks/networks.service.ts';
import { newApiKey } from './api-keys.service.ts';

const security = [{ bearer: [] }];
const tags = ['exchange'];

type ApiKeyRow = typeof apiKeys.$inferSelect;

function present(row: ApiKeyRow, createdBy: string | null) {
  return {
    id: row.id,
    name: row.name,
    networkId: row.networkId,
    datasets: row.datasets,
    prefix: `acc_${row.prefix}`,
    createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export const apiKeysRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/firms/:firmId/api-keys',
    {
      schema: {
        operationId: 'listApiKeys',
        summary: "The firm's pipeline API keys, newest first (firm admins)",
        tags,
        security,
        params: FirmParams,
        querystring: PageQuery,
        response: { 200: Page(ApiKey), ...problemResponses },
      },
    },
    (request) =>
      asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const limit = request.query.limit ?? 50;
        const after = decodeCursor(request.query.cursor, 2);
        const rows = await tx
          .select({ key: apiKeys, createdBy: users.name })
          .from(apiKeys)
          .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
          .where(and(eq(apiKeys.firmId, actor.firmId), olderThan(apiKeys.createdAt, apiKeys.id, after)))
          .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
          .limit(limit + 1);
        const page = pageOf(rows, limit, (r) => [r.key.createdAt.toISOString(), r.key.id]);
        return { nextCursor: page.nextCursor, items: page.items.map((r) => present(r.key, r.createdBy)) };
      }),
  );

  app.post(
    '/v1/firms/:firmId/api-keys',
    {
      schema: {
        operationId: 'createApiKey',
        summary: 'Create an API key for a data pipeline (firm admins)',
        description:
          'The key is answered once, in `key`; Accord keeps only its hash. Pipelines send it as ' +
          '`Authorization: Bearer acc_...` to push feeds of the allowed datasets into the network.',
        tags,
        security,
        params: FirmParams,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...problemResponses },
      },
    },
    async (request, reply) => {
      const created = await asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        if (!(await isActiveMember(tx, request.body.networkId)))
          throw notFound('network your firm is an active member of');
        if (request.body.expiresAt && new Date(request.body.expiresAt).getTime() <= Date.now()) {
          throw new ApiProblem(400, 'expiry_in_past', 'Bad request', 'expiresAt must be in the future.');
        }
        const { key, prefix, secretHash } = newApiKey();
        const [row] = await tx
          .insert(apiKeys)
          .values({
            firmId: actor.firmId,
            networkId: request.body.networkId,
            name: request.body.name,
            datasets: request.body.datasets,
            prefix,
            secretHash,
            createdByUserId: actor.userId,
            expiresAt: request.body.expiresAt ? new Date(request.body.expiresAt) : null,
          })
          .returning();
        const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
        return { ...present(row!, me?.name ?? null), key };
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/v1/firms/:firmId/api-keys/:apiKeyId',
    {
      schema: {
        operationId: 'revokeApiKey',
        summary: 'Revoke an API key at once (firm admins)',
        tags,
        security,
        params: ApiKeyParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await asOwnFirm(request, request.params.firmId, async (tx, actor) => {
        requireRole(actor, 'firm_admin');
        const [revoked] = await tx
          .update(apiKeys)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiKeys.id, request.params.apiKeyId), isNull(apiKeys.revokedAt)))
          .returning({ id: apiKeys.id });
        if (!revoked) throw notFound('active API key');
      });
      return reply.status(204).send(null);
    },
  );
};
