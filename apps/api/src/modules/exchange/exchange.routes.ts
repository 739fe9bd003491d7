import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Counter, Gauge } from 'prom-client';
import Type from 'typebox';
import { Page, problemResponses } from '../../http/common.schemas.ts';
import { csvPages, sendCsvPages } from '../../http/csv.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { ApiProblem } from '../../http/problems.ts';
import { asNetworkCaller } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
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
import {
  datasetStatuses,
  getBatch,
  hashingRecipe,
  listBatchErrors,
  listBatches,
  presentBatch,
  feedTooLarge,
  FEED_MAX_BYTES,
  receiveFeed,
  requireDatasetAllowed,
  type UploadTimeouts,
} from './exchange.service.ts';
import { UploadSlots, type UploadLimits } from './upload-slots.ts';

const security = [{ bearer: [] }];
const tags = ['exchange'];

/** The largest feed body accepted. */

const feedMediaTypes = { 'text/csv': 'csv', 'application/x-ndjson': 'ndjson' } as const;

export const exchangeRoutes: FastifyPluginAsyncTypebox<{
  uploads: UploadLimits & UploadTimeouts & { maxBytes: number };
}> = async (app, { uploads }) => {
  const slots = new UploadSlots(uploads);
  const registers = [app.metrics];
  new Gauge({
    name: 'accord_feed_uploads_in_progress',
    help: 'Feed bodies arriving at this API process now',
    registers,
    collect() {
      this.set(slots.inUse);
    },
  });
  const received = new Counter({
    name: 'accord_batches_received_total',
    help: 'Feed batches whose body this API process received whole, by dataset',
    labelNames: ['dataset'] as const,
    registers,
  });
  const receivedBytes = new Counter({
    name: 'accord_batch_received_bytes_total',
    help: 'Bytes of the feed bodies received whole (as sent: compressed ones compressed), by dataset',
    labelNames: ['dataset'] as const,
    registers,
  });
  const refused = new Counter({
    name: 'accord_feed_uploads_refused_total',
    help: 'Feed pushes refused for load or time: too_many_uploads, body_timeout',
    labelNames: ['code'] as const,
    registers,
  });

  // Feed bodies stay streams: the route reads them chunk by chunk.
  app.addContentTypeParser(Object.keys(feedMediaTypes), { bodyLimit: FEED_MAX_BYTES }, (_request, payload, done) =>
    done(null, payload),
  );

  app.post(
    '/v1/networks/:networkId/feeds/:dataset',
    {
      bodyLimit: FEED_MAX_BYTES,
      config: { pipeline: true },
      schema: {
        operationId: 'pushFeed',
        summary: 'Push a feed of one dataset: CSV or NDJSON, optionally gzip-compressed, up to 2 GB',
        description:
          'Send `Content-Type: text/csv` (a header row, then data rows) or `application/x-ndjson` (one JSON ' +
          'object per line), with `Content-Encoding: gzip` when compressed, and an `Idempotency-Key`. The body ' +
          'is stored as it streams in; the batch is then checked and loaded in the background: follow it at ' +
          '`GET .../batches/{batchId}`. Columns per dataset: see the README. Raw `customer_id`s are hashed on ' +
          'ingest and never stored; or send `customer_key`s hashed with the recipe at `GET .../hashing`. ' +
          'Retry with the same key and body after `Retry-After` seconds when answered 429 `too_many_uploads` ' +
          '(a firm may have 4 uploads arriving at once), 409 `batch_in_progress` (the first upload is still ' +
          'arriving; one that stopped arriving is taken over after a minute), 408 `body_timeout` (no byte for ' +
          '30 s) or 503. A feed is at most 2 GiB as sent and, gzip-compressed, once inflated (413 `body_too_large`, ' +
          '422 `inflated_too_large`); a header has at most 256 columns; a batch keeps the problems of its first ' +
          '10,000 rejected rows (`errorRowsKept`) and counts them all.',
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
      const caller = await asNetworkCaller(request, networkId, { role: 'analyst' }, async (_tx, caller) => {
        requireDatasetAllowed(caller, dataset);
        return caller;
      }).catch((error: unknown) => {
        body.resume(); // answer the refusal without waiting for a body nobody will read
        throw error;
      });
      // the body, and what it inflates to, is bounded (counted while received); a declared length says at once
      const stopReading = (error: unknown) => {
        if (error instanceof ApiProblem && (error.code === 'body_too_large' || error.code === 'inflated_too_large')) {
          reply.header('connection', 'close'); // rather than read the rest of a body nobody will keep
        }
        throw error;
      };
      if (Number(request.headers['content-length']) > uploads.maxBytes) stopReading(feedTooLarge(uploads.maxBytes));
      let release: () => void;
      try {
        release = slots.take(caller.firmId);
      } catch (error) {
        refused.inc({ code: 'too_many_uploads' });
        body.resume();
        throw error;
      }
      const { batch, created } = await receiveFeed(
        app.db,
        caller,
        {
          networkId,
          dataset,
          format,
          compressed: encoding === 'gzip',
          idempotencyKey: request.headers['idempotency-key'],
          onError: request.query.onError ?? 'skip',
          ignoreUnknown: request.query.ignoreUnknown ?? false,
          body,
        },
        uploads,
        uploads.maxBytes,
      )
        .catch((error: unknown) => {
          if (error instanceof ApiProblem && error.code === 'body_timeout') refused.inc({ code: error.code });
          return stopReading(error);
        })
        .finally(release);
      if (created) {
        received.inc({ dataset: batch.dataset });
        receivedBytes.inc({ dataset: batch.dataset }, batch.bytes);
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
      asNetworkCaller(request, request.params.networkId, {}, (tx, caller) => {
        const { dataset, status, ...page } = request.query;
        return listBatches(tx, { networkId: caller.networkId, firmId: caller.firmId, dataset, status }, page);
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
      asNetworkCaller(request, request.params.networkId, {}, async (tx, caller) =>
        presentBatch(await getBatch(tx, caller.networkId, request.params.batchId)),
      ),
  );

  app.get(
    '/v1/networks/:networkId/batches/:batchId/errors',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'listBatchErrors',
        summary: "A batch's rejected rows: row number, column, value, code and message",
        description: 'JSON pages by default; `?format=csv` streams every error as text/csv, to the last.',
        tags,
        security,
        params: BatchParams,
        querystring: BatchErrorsQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: Page(BatchError), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, batchId } = request.params;
      const errorsPage = (page: PageRequest) =>
        asNetworkCaller(request, networkId, {}, (tx, caller) => listBatchErrors(tx, caller.networkId, batchId, page));
      if (request.query.format !== 'csv') return errorsPage(request.query);
      return sendCsvPages(
        reply,
        `batch-${batchId}-errors.csv`,
        ['row_number', 'column', 'value', 'code', 'message'],
        csvPages(errorsPage, (e) => [e.rowNumber, e.column, e.value, e.code, e.message]),
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
      asNetworkCaller(request, request.params.networkId, {}, (tx, caller) =>
        datasetStatuses(tx, caller.networkId, caller.firmId),
      ),
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
      asNetworkCaller(request, request.params.networkId, {}, (tx, caller) => hashingRecipe(tx, caller.networkId)),
  );
};
