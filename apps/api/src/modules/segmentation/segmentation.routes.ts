import { costModels, DEFAULT_ANNUAL_DISCOUNT_RATE, withTenant } from '@accord/db';
import type { SchemeSegment } from '@accord/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { csvLines } from '../../http/csv.ts';
import { notFound } from '../../http/problems.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import { requireActiveNetwork } from '../networks/networks.service.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import {
  Alignment,
  ClvModel,
  ClvModelQuery,
  CostModel,
  CostModelBody,
  CustomerValueSummary,
  FeaturePage,
  FeatureQuery,
  LabelUploadResult,
  MappingsBody,
  PublishSchemeBody,
  RecomputeBody,
  Scheme,
  SchemeList,
  SegmentLabels,
} from './segmentation.schemas.ts';
import {
  alignment,
  clvModel,
  featureCsvColumns,
  featurePage,
  getCostModel,
  labelSummary,
  listSchemes,
  publishScheme,
  remeasureAlignment,
  replaceLabels,
  replaceMappings,
  snapshotState,
  valueSummary,
  type FeatureFilter,
} from './segmentation.service.ts';
import { logOtherFirmsReads, todayUtc } from '@accord/analytics';

const security = [{ bearer: [] }];
const tags = ['segmentation'];
const LABELS_BODY_LIMIT = 64 * 1024 * 1024;
const CSV_ROWS_PER_PAGE = 5000;

const Queued = Type.Object({ queued: Type.Boolean() });

export const segmentationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: LABELS_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  const recomputeFirm = (networkId: string, firmId: string, asOf?: string) =>
    app.queue.enqueue(
      'recompute-customer-value',
      { firmId, networkId, ...(asOf ? { asOf } : {}) },
      { dedupeKey: `recompute-customer-value:${networkId}:${firmId}` },
    );

  app.get(
    '/v1/networks/:networkId/cost-model',
    {
      schema: {
        operationId: 'getCostModel',
        summary: "Your firm's cost model: activity rates for cost-to-serve, CLV margin and discount, matrix thresholds",
        tags,
        security,
        params: NetworkParams,
        response: { 200: CostModel, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return getCostModel(tx, request.params.networkId, actor.firmId);
      }),
  );

  app.put(
    '/v1/networks/:networkId/cost-model',
    {
      schema: {
        operationId: 'putCostModel',
        summary: "Set your firm's cost model; your customer value is recomputed with it",
        description:
          'Each firm prices its own activities: a recompute charges every visible row at the rates of the firm that owns it.',
        tags,
        security,
        params: NetworkParams,
        body: CostModelBody,
        response: { 200: CostModel, ...problemResponses },
      },
    },
    async (request) => {
      const { networkId } = request.params;
      const model = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        const body = request.body;
        const values = {
          rates: body.rates,
          clvMargin: body.clvMargin,
          annualDiscountRate: body.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
          netMarginPctThreshold: body.netMarginPctThreshold ?? null,
          costToServeThreshold: body.costToServeThreshold ?? null,
          updatedByUserId: actor.userId,
          updatedAt: new Date(),
        };
        await tx
          .insert(costModels)
          .values({ networkId, firmId: actor.firmId, ...values })
          .onConflictDoUpdate({ target: [costModels.networkId, costModels.firmId], set: values });
        return { firmId: actor.firmId, model: await getCostModel(tx, networkId, actor.firmId) };
      });
      await recomputeFirm(networkId, model.firmId);
      return model.model;
    },
  );

  app.post(
    '/v1/networks/:networkId/customer-value/recompute',
    {
      schema: {
        operationId: 'recomputeCustomerValue',
        summary: "Recompute your firm's customer features now, as of a day",
        tags,
        security,
        params: NetworkParams,
        body: Type.Optional(RecomputeBody),
        response: { 202: Queued, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const firmId = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        await requireActiveNetwork(tx, networkId);
        return actor.firmId;
      });
      await recomputeFirm(networkId, firmId, request.body?.asOf);
      return reply.code(202).send({ queued: true });
    },
  );

  app.get(
    '/v1/networks/:networkId/customer-features',
    {
      schema: {
        operationId: 'listCustomerFeatures',
        summary: "Your firm's customer features from its latest complete recompute (paged, filtered, sorted, or CSV)",
        description:
          'Computed from everything your firm may see: its own data and data granted to it at customer level. ' +
          'Sorting puts customers without a value (no model fit) last. `format=csv` exports every matching row.',
        tags,
        security,
        params: NetworkParams,
        querystring: FeatureQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: FeaturePage },
              'text/csv': { schema: Type.String({ description: `Columns: ${featureCsvColumns.join(', ')}.` }) },
            },
          },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const q = request.query;
      const filter: FeatureFilter = {
        sort: q.sort ?? 'clv_12m',
        order: q.order ?? 'desc',
        segment: q.segment,
        rfm_segment: q.rfm_segment,
        quadrant: q.quadrant,
        unsegmented: q.unsegmented ?? false,
      };
      if (q.format !== 'csv') {
        return asActor(request, async (tx, actor) => {
          await requireActiveNetwork(tx, networkId);
          const { whaleCurve: _, ...state } = await snapshotState(tx, networkId, actor.firmId);
          if (!state.snapshot) return { ...state, items: [], nextCursor: null };
          const page = await featurePage(tx, networkId, state.snapshot.id, filter, q.limit ?? 50, q.cursor);
          return { ...state, ...page };
        });
      }
      // CSV: every matching row, page by page from one snapshot, written as it is read
      const { firmId, snapshotId } = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const state = await snapshotState(tx, networkId, actor.firmId);
        if (!state.snapshot) throw notFound('customer features yet: none have been computed');
        return { firmId: actor.firmId, snapshotId: state.snapshot.id };
      });
      const out = new PassThrough();
      void reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="customer-features.csv"')
        .send(out);
      try {
        out.write(csvLines([featureCsvColumns]));
        let cursor: string | undefined;
        do {
          const page = await withTenant(app.db, { firmId, userId: request.actor!.userId }, (tx) =>
            featurePage(tx, networkId, snapshotId, filter, CSV_ROWS_PER_PAGE, cursor),
          );
          const text = csvLines(page.items.map((row) => featureCsvColumns.map((c) => row[c])));
          if (text && !out.write(text)) await once(out, 'drain');
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        out.end();
      } catch (error) {
        out.destroy(error as Error);
      }
      return reply;
    },
  );

  app.get(
    '/v1/networks/:networkId/customer-value',
    {
      schema: {
        operationId: 'getCustomerValue',
        summary:
          'Segment summaries, RFM segments and heatmap, whale curve and profitability matrix of your latest features',
        tags,
        security,
        params: NetworkParams,
        response: { 200: CustomerValueSummary, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const { whaleCurve, ...state } = await snapshotState(tx, networkId, actor.firmId);
        const thresholds = {
          netMarginPct: state.snapshot?.settings?.netMarginPctThreshold ?? null,
          costToServe: state.snapshot?.settings?.costToServeThreshold ?? null,
        };
        if (!state.snapshot) {
          return {
            ...state,
            segments: [],
            rfmSegments: [],
            rfmGrid: [],
            whaleCurve: null,
            profitability: { thresholds, quadrants: [], sample: [] },
          };
        }
        const schemes = await listSchemes(tx, networkId);
        const version = state.snapshot.settings?.schemeVersion;
        const scheme = schemes.items.find((s) => s.version === version);
        const summary = await valueSummary(tx, networkId, state.snapshot.id, thresholds, scheme?.segments ?? []);
        return { ...state, whaleCurve, ...summary };
      }),
  );

  app.get(
    '/v1/networks/:networkId/clv-model',
    {
      schema: {
        operationId: 'getClvModel',
        summary: 'Fit BG/NBD and Gamma-Gamma on the purchases you may see, up to a calibration end',
        description:
          'Same-day purchases count as one transaction. x = purchase days after the first, t_x = first to last, ' +
          'T = first purchase to the calibration end, in the time unit; Gamma-Gamma fits the repeat buyers’ mean ' +
          'repeat-day spend. Reading partners’ data is written to their access logs.',
        tags,
        security,
        params: NetworkParams,
        querystring: ClvModelQuery,
        response: { 200: ClvModel, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const { calibrationEnd = todayUtc(), timeUnit = 'week' } = request.query;
        const model = await clvModel(tx, networkId, actor.firmId, calibrationEnd, timeUnit);
        await logOtherFirmsReads(tx, actor, networkId, calibrationEnd, 'clv model');
        return model;
      }),
  );

  app.get(
    '/v1/networks/:networkId/segmentation-schemes',
    {
      schema: {
        operationId: 'listSegmentationSchemes',
        summary: "The network's joint segmentation scheme, every published version, and the features rules can use",
        tags,
        security,
        params: NetworkParams,
        response: { 200: SchemeList, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return listSchemes(tx, request.params.networkId);
      }),
  );

  app.post(
    '/v1/networks/:networkId/segmentation-schemes',
    {
      schema: {
        operationId: 'publishSegmentationScheme',
        summary: 'Publish a new version of the joint scheme (the focal firm); every member is recomputed with it',
        tags,
        security,
        params: NetworkParams,
        body: PublishSchemeBody,
        response: { 201: Scheme, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const { scheme, firmId } = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        const segments = request.body.segments as SchemeSegment[];
        return {
          scheme: await publishScheme(tx, networkId, actor, segments, request.body.note ?? ''),
          firmId: actor.firmId,
        };
      });
      await app.queue.enqueue(
        'recompute-network',
        { firmId, networkId },
        { dedupeKey: `recompute-network:${networkId}` },
      );
      return reply.code(201).send(scheme);
    },
  );

  app.get(
    '/v1/networks/:networkId/segment-labels',
    {
      schema: {
        operationId: 'getSegmentLabels',
        summary: "Your firm's own segment labels: customers per label and the joint segment each is mapped to",
        tags,
        security,
        params: NetworkParams,
        response: { 200: SegmentLabels, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return labelSummary(tx, request.params.networkId, actor.firmId);
      }),
  );

  app.put(
    '/v1/networks/:networkId/segment-labels',
    {
      bodyLimit: LABELS_BODY_LIMIT,
      schema: {
        operationId: 'uploadSegmentLabels',
        summary: "Replace your firm's segment labels with a CSV (customer_id or customer_key, label)",
        description:
          'customer_id values are hashed with the network’s key and never stored. Any bad row refuses the whole ' +
          'file (the problems are listed) and the labels you had stay. Alignment is measured again at once.',
        tags,
        security,
        params: NetworkParams,
        consumes: ['text/csv'],
        body: Type.String({ description: 'CSV, up to 64 MB.' }),
        response: { 200: LabelUploadResult, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        await replaceLabels(tx, networkId, actor.firmId, request.body);
        await remeasureAlignment(tx, networkId, actor.firmId);
        return {
          labels: await labelSummary(tx, networkId, actor.firmId),
          alignment: await alignment(tx, networkId, actor.firmId),
        };
      }),
  );

  app.put(
    '/v1/networks/:networkId/segment-label-mappings',
    {
      schema: {
        operationId: 'mapSegmentLabels',
        summary: 'Map your own labels onto the joint segments (replaces the mapping); alignment is measured again',
        tags,
        security,
        params: NetworkParams,
        body: MappingsBody,
        response: { 200: LabelUploadResult, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        await replaceMappings(tx, networkId, actor.firmId, request.body.mappings);
        await remeasureAlignment(tx, networkId, actor.firmId);
        return {
          labels: await labelSummary(tx, networkId, actor.firmId),
          alignment: await alignment(tx, networkId, actor.firmId),
        };
      }),
  );

  app.get(
    '/v1/networks/:networkId/segment-alignment',
    {
      schema: {
        operationId: 'getSegmentAlignment',
        summary:
          'How far your mapped labels agree with the joint segments: the latest matrix, kappa and ARI, and history',
        tags,
        security,
        params: NetworkParams,
        response: { 200: Alignment, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return alignment(tx, request.params.networkId, actor.firmId);
      }),
  );
};
