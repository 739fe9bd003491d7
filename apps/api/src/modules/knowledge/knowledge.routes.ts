import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import { asNetworkMember } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { CommentBody, CreateInsightBody, Insight, InsightListQuery, InsightParams } from './knowledge.schemas.ts';
import { commentOnInsight, getInsight, listInsights, shareInsight } from './knowledge.service.ts';

const security = [{ bearer: [] }];
const tags = ['knowledge'];

export const knowledgeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/networks/:networkId/insights',
    {
      schema: {
        operationId: 'listInsights',
        summary: 'Insights shared with your firm in this network, newest first (the latest 200)',
        tags,
        security,
        params: NetworkParams,
        querystring: InsightListQuery,
        response: { 200: Type.Object({ items: Type.Array(Insight), nextCursor: Type.Null() }), ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, async (tx, member) => ({
        items: await listInsights(tx, member.networkId, request.query),
        nextCursor: null,
      })),
  );

  app.get(
    '/v1/networks/:networkId/insights/:insightId',
    {
      schema: {
        operationId: 'getInsight',
        summary: 'One insight with its comments',
        tags,
        security,
        params: InsightParams,
        response: { 200: Insight, ...problemResponses },
      },
    },
    (request) => asActor(request, (tx) => getInsight(tx, request.params.networkId, request.params.insightId)),
  );

  app.post(
    '/v1/networks/:networkId/insights',
    {
      schema: {
        operationId: 'shareInsight',
        summary: 'Share an insight with the network or with chosen partners',
        tags,
        security,
        params: NetworkParams,
        body: CreateInsightBody,
        response: { 201: Insight, ...problemResponses },
      },
    },
    async (request, reply) => {
      const insight = await asNetworkMember(request, request.params.networkId, { role: 'analyst' }, (tx, member) =>
        shareInsight(tx, member, request.body),
      );
      return reply.status(201).send(insight);
    },
  );

  app.post(
    '/v1/networks/:networkId/insights/:insightId/comments',
    {
      schema: {
        operationId: 'commentOnInsight',
        summary: 'Comment on an insight you can read',
        tags,
        security,
        params: InsightParams,
        body: CommentBody,
        response: { 201: Insight, ...problemResponses },
      },
    },
    async (request, reply) => {
      const insight = await asActor(request, (tx, actor) => {
        requireRole(actor, 'analyst'); // viewers only read
        return commentOnInsight(tx, actor, request.params.networkId, request.params.insightId, request.body.body);
      });
      return reply.status(201).send(insight);
    },
  );
};
