import { insightComments, insightReaders, insights } from '@accord/db';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem } from '../../http/problems.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import { requireActiveNetwork } from '../networks/networks.service.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { CommentBody, CreateInsightBody, Insight, InsightListQuery, InsightParams } from './knowledge.schemas.ts';
import { assertJointSegment, assertReaders, getInsight, listInsights } from './knowledge.service.ts';

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
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return { items: await listInsights(tx, request.params.networkId, request.query), nextCursor: null };
      }),
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
      const insight = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const body = request.body;
        const readers = [...new Set(body.readerFirmIds ?? [])].filter((id) => id !== actor.firmId);
        if (body.audience === 'firms' && !readers.length) {
          throw new ApiProblem(
            422,
            'readers_required',
            'Unprocessable content',
            'Choose at least one partner firm in readerFirmIds, or share with the whole network.',
          );
        }
        await assertReaders(tx, networkId, body.audience === 'firms' ? readers : []);
        if (body.segment !== undefined) await assertJointSegment(tx, networkId, body.segment);
        const [created] = await tx
          .insert(insights)
          .values({
            networkId,
            authorFirmId: actor.firmId,
            authorUserId: actor.userId,
            title: body.title,
            body: body.body,
            tags: [...new Set((body.tags ?? []).map((t) => t.trim().toLowerCase()))],
            dataset: body.dataset ?? null,
            segment: body.segment ?? null,
            audience: body.audience,
          })
          .returning({ id: insights.id });
        if (body.audience === 'firms') {
          await tx.insert(insightReaders).values(readers.map((firmId) => ({ insightId: created!.id, firmId })));
        }
        return getInsight(tx, networkId, created!.id);
      });
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
      const insight = await asActor(request, async (tx, actor) => {
        const { networkId, insightId } = request.params;
        await getInsight(tx, networkId, insightId);
        await tx
          .insert(insightComments)
          .values({ insightId, authorFirmId: actor.firmId, authorUserId: actor.userId, body: request.body.body });
        return getInsight(tx, networkId, insightId);
      });
      return reply.status(201).send(insight);
    },
  );
};
