import {
  batchErrors,
  feedBatches,
  query,
  transactions,
  shipments,
  serviceCases,
  activities,
  datasetNames,
} from '@accord/db';
import { customerKey } from '@accord/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import Type from 'typebox';
import { Page, problemResponses } from '../../http/common.schemas.ts';
import { sendCsv } from '../../http/csv.ts';
import { decodeCursor, olderThan, pageOf } from '../../http/pagination.ts';
import { ApiProblem, forbidden, notFound } from '../../http/problems.ts';
import { asCaller } from '../../plugins/auth.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { requireActiveNetwork } from '../networks/networks.service.ts';
import {
  BatchError,
  BatchErrorsQuery,
  BatchListQuery,
  BatchParams,
  DatasetStatus,
  FeedHeaders,
  FeedParams,
  FeedQuery,
  HashingRecipe,
} from './exchange.schemas.ts';
import { presentBatch, receiveFeed } from './exchange.service.ts';

const security = [{ bearer: [] }];
const tags = ['exchange'];

/** The largest feed body accepted. */
export const FEED_BODY_LIMIT = 2 * 1024 * 1024 * 1024;

const feedMediaTypes = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;

const factTables = { transactions, shipments, service_cases: serviceCases, activities } as const;

export const exchangeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Feed bodies stay streams: the route reads them chunk by chunk.
  app.addContentTypeParser(Object.keys(feedMediaTypes), { bodyLimit: FEED_BODY_LIMIT }, (_request, payload, done) =>
    done(null, payload),
  );

  app.post(
    '/v1/networks/:networkId/feeds/:dataset',
    {
      bodyLimit: FEED_BODY_LIMIT,
      config: { pipeline: true },
      schema: {
        operationId: 'pushFeed',
        summary: 'Push a feed of one dataset: CSV or NDJSON, optionally gzip-compressed, up to 2 GB',
        description:
          'Send `Content-Type: text/csv` (a header row, then data rows) or `application/x-ndjson` (one JSON ' +
          'object per line), with `Content-Encoding: gzip` when compressed, and an `Idempotency-Key`. The body ' +
          'is stored as it streams in; the batch is then checked and loaded in the background: follow it at ' +
          '`GET .../batches/{batchId}`. Columns per dataset: see the README. Raw `customer_id`s are hashed on ' +
          'ingest and never stored; or send `customer_key`s hashed with the recipe at `GET .../hashing`.',
        tags,
        security,
        params: FeedParams,
        querystring: FeedQuery,
        headers: FeedHeaders,
        consumes: Object.keys(feedMediaTypes),
        response: { 202: Type.Ref('Batch'), ...problemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body as Readable | undefined;
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const format = feedMediaTypes[mediaType as keyof typeof feedMediaTypes];
      if (!body || !format) {
        throw new ApiProblem(
          415,
          'unsupported_media_type',
          'Unsupported media type',
          'Send text/csv or application/x-ndjson.',
        );
      }
      const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
      if (encoding !== 'gzip' && encoding !== 'identity') {
        body.resume();
        throw new ApiProblem(
          415,
          'unsupported_encoding',
          'Unsupported media type',
          'Content-Encoding may be gzip or absent.',
        );
      }
      const { networkId, dataset } = request.params;
      const caller = await asCaller(request, async (tx, caller) => {
        await requireActiveNetwork(tx, networkId, caller.pipeline);
        if (caller.pipeline && !caller.pipeline.datasets.includes(dataset)) {
          throw forbidden(
            'dataset_not_allowed',
            `This API key may push ${caller.pipeline.datasets.join(', ')}, not ${dataset}.`,
          );
        }
        if (caller.role === 'viewer') {
          throw forbidden('role_required', 'Pushing feeds needs the analyst role or above in your firm.');
        }
        return caller;
      }).catch((error: unknown) => {
        body.resume(); // answer the refusal without waiting for a body nobody will read
        throw error;
      });
      const { batch, created } = await receiveFeed(app.db, caller, {
        networkId,
        dataset,
        format,
        compressed: encoding === 'gzip',
        idempotencyKey: request.headers['idempotency-key'],
        onError: request.query.onError ?? 'skip',
        ignoreUnknown: request.query.ignoreUnknown ?? false,
        body,
      });
      if (created) {
        await app.queue.enqueue(
          'ingest-batch',
          { firmId: batch.firmId, networkId: batch.networkId, batchId: batch.id },
          { jobId: `ingest-${batch.id}` },
        );
      }
      return reply.status(202).send(presentBatch(batch));
    },
  );

  app.get(
    '/v1/networks/:networkId/batches',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'listBatches',
        summary: "Your firm's feed batches in this network, newest first",
        tags,
        security,
        params: NetworkParams,
        querystring: BatchListQuery,
        response: { 200: Page(Type.Ref('Batch')), ...problemResponses },
      },
    },
    (request) =>
      asCaller(request, async (tx, caller) => {
        await requireActiveNetwork(tx, request.params.networkId, caller.pipeline);
        const limit = request.query.limit ?? 50;
        const after = decodeCursor(request.query.cursor, 2);
        const rows = await tx
          .select()
          .from(feedBatches)
          .where(
            and(
              eq(feedBatches.networkId, request.params.networkId),
              eq(feedBatches.firmId, caller.firmId),
              request.query.dataset ? eq(feedBatches.dataset, request.query.dataset) : undefined,
              request.query.status ? eq(feedBatches.status, request.query.status) : undefined,
              olderThan(feedBatches.createdAt, feedBatches.id, after),
            ),
          )
          .orderBy(desc(feedBatches.createdAt), desc(feedBatches.id))
          .limit(limit + 1);
        const page = pageOf(rows, limit, (b) => [b.createdAt.toISOString(), b.id]);
        return { nextCursor: page.nextCursor, items: page.items.map(presentBatch) };
      }),
  );

  app.get(
    '/v1/networks/:networkId/batches/:batchId',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'getBatch',
        summary: 'One feed batch: status, rows received, accepted and rejected, progress',
        tags,
        security,
        params: BatchParams,
        response: { 200: Type.Ref('Batch'), ...problemResponses },
      },
    },
    (request) =>
      asCaller(request, async (tx, caller) => {
        await requireActiveNetwork(tx, request.params.networkId, caller.pipeline);
        const [batch] = await tx
          .select()
          .from(feedBatches)
          .where(and(eq(feedBatches.id, request.params.batchId), eq(feedBatches.networkId, request.params.networkId)));
        if (!batch) throw notFound('batch');
        return presentBatch(batch);
      }),
  );

  app.get(
    '/v1/networks/:networkId/batches/:batchId/errors',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'listBatchErrors',
        summary: "A batch's rejected rows: row number, column, value, code and message",
        description: 'JSON pages by default; `?format=csv` answers every error at once as text/csv.',
        tags,
        security,
        params: BatchParams,
        querystring: BatchErrorsQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: Page(BatchError), ...problemResponses },
      },
    },
    async (request, reply) => {
      const csv = request.query.format === 'csv';
      const result = await asCaller(request, async (tx, caller) => {
        await requireActiveNetwork(tx, request.params.networkId, caller.pipeline);
        const [batch] = await tx
          .select({ id: feedBatches.id })
          .from(feedBatches)
          .where(and(eq(feedBatches.id, request.params.batchId), eq(feedBatches.networkId, request.params.networkId)));
        if (!batch) throw notFound('batch');
        const limit = csv ? 1_000_000 : (request.query.limit ?? 100);
        const after = csv ? undefined : decodeCursor(request.query.cursor, 2);
        const rows = await tx
          .select({
            rowNumber: batchErrors.rowNumber,
            column: batchErrors.column,
            value: batchErrors.value,
            code: batchErrors.code,
            message: batchErrors.message,
          })
          .from(batchErrors)
          .where(
            and(
              eq(batchErrors.batchId, batch.id),
              after
                ? sql`(${batchErrors.rowNumber}, ${batchErrors.column}) > (${Number(after[0])}, ${after[1]})`
                : undefined,
            ),
          )
          .orderBy(batchErrors.rowNumber, batchErrors.column)
          .limit(limit + 1);
        return pageOf(rows, limit, (e) => [String(e.rowNumber), e.column]);
      });
      if (!csv) return result;
      return sendCsv(
        reply,
        `batch-${request.params.batchId}-errors.csv`,
        ['row_number', 'column', 'value', 'code', 'message'],
        result.items.map((e) => [e.rowNumber, e.column, e.value, e.code, e.message]),
      );
    },
  );

  app.get(
    '/v1/networks/:networkId/datasets',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'listDatasets',
        summary: "Your firm's datasets in this network: rows held, last batch, freshness",
        tags,
        security,
        params: NetworkParams,
        response: { 200: Type.Object({ items: Type.Array(DatasetStatus) }), ...problemResponses },
      },
    },
    (request) =>
      asCaller(request, async (tx, caller) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId, caller.pipeline);
        const items = [];
        for (const name of datasetNames) {
          const table = factTables[name];
          const [held] = await tx
            .select({ rows: count() })
            .from(table)
            .where(and(eq(table.networkId, networkId), eq(table.firmId, caller.firmId)));
          const [last] = await tx
            .select()
            .from(feedBatches)
            .where(
              and(
                eq(feedBatches.networkId, networkId),
                eq(feedBatches.firmId, caller.firmId),
                eq(feedBatches.dataset, name),
              ),
            )
            .orderBy(desc(feedBatches.createdAt))
            .limit(1);
          const [succeeded] = await tx
            .select({ at: max(feedBatches.finishedAt) })
            .from(feedBatches)
            .where(
              and(
                eq(feedBatches.networkId, networkId),
                eq(feedBatches.firmId, caller.firmId),
                eq(feedBatches.dataset, name),
                eq(feedBatches.status, 'succeeded'),
              ),
            );
          const at = succeeded?.at ?? null;
          items.push({
            dataset: name,
            rows: held?.rows ?? 0,
            lastBatch: last ? presentBatch(last) : null,
            lastSucceededAt: at?.toISOString() ?? null,
            freshnessHours: at ? Math.round(((Date.now() - at.getTime()) / 3_600_000) * 10) / 10 : null,
          });
        }
        return { items };
      }),
  );

  app.get(
    '/v1/networks/:networkId/hashing',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'getHashingRecipe',
        summary: "The network's recipe for pseudonymous customer keys, so pipelines can hash before sending",
        tags,
        security,
        params: NetworkParams,
        response: { 200: HashingRecipe, ...problemResponses },
      },
    },
    (request) =>
      asCaller(request, async (tx, caller) => {
        await requireActiveNetwork(tx, request.params.networkId, caller.pipeline);
        const [row] = await query<{ key: string | null }>(
          tx,
          sql`select app_network_hashing_key(${request.params.networkId}) as key`,
        );
        if (!row?.key) throw notFound('network');
        const identifier = ' Jane.Doe@Example.com ';
        return {
          algorithm: 'HMAC-SHA-256' as const,
          key: row.key,
          keyEncoding: 'hex' as const,
          normalisation: 'Unicode NFKC, trim surrounding white space, lower-case',
          output: 'lower-case hex, 64 characters: send it as customer_key',
          example: { identifier, customerKey: customerKey(row.key, identifier) },
        };
      }),
  );
};
