import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('down'), Type.Literal('embedded')]);

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        operationId: 'health',
        summary: 'Liveness: the process answers',
        tags: ['ops'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        operationId: 'readiness',
        summary: 'Readiness: the database and the job queue answer',
        tags: ['ops'],
        response: {
          200: Type.Object({ status: Type.Literal('ready'), database: Check, queue: Check }),
          503: Type.Object({ status: Type.Literal('not_ready'), database: Check, queue: Check }),
          ...problemResponses,
        },
      },
    },
    async (_request, reply) => {
      const database = await app.database.ping().then(
        () => 'ok' as const,
        () => 'down' as const,
      );
      const queue =
        app.queue.kind === 'in-process'
          ? ('embedded' as const)
          : await app.queue.ping().then(
              () => 'ok' as const,
              () => 'down' as const,
            );
      if (database === 'down' || queue === 'down') {
        return reply.status(503).send({ status: 'not_ready' as const, database, queue });
      }
      return { status: 'ready' as const, database, queue };
    },
  );
};
