import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Page, PageQuery, problemResponses } from '../../http/common.schemas.ts';
import { asFirmAdmin } from '../../plugins/auth.ts';
import { FirmParams } from '../firms/firms.schemas.ts';
import { ApiKey, ApiKeyParams, CreateApiKeyBody, CreatedApiKey } from './api-keys.schemas.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';

const security = [{ bearer: [] }];
const tags = ['exchange'];

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
      asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return listApiKeys(tx, actor.firmId, request.query);
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
      const created = await asFirmAdmin(request, request.params.firmId, async (tx, actor) => {
        return createApiKey(tx, actor, request.body);
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
      await asFirmAdmin(request, request.params.firmId, (tx) => revokeApiKey(tx, request.params.apiKeyId));
      return reply.status(204).send(null);
    },
  );
};
