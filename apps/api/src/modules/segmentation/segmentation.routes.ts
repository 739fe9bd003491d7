import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember, asNetworkReader, networkWork } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { clvModelRoutes } from './clv-model.routes.ts';
import {
  Alignment,
  CostModel,
  CostModelBody,
  CustomerValueSummary,
  FeaturePage,
  FeatureQuery,
  LabelUploadResult,
  MappingsBody,
  PublishSchemeBody,
  Queued,
  RecomputeBody,
  Scheme,
  SchemeList,
  SegmentLabels,
} from './segmentation.schemas.ts';
import {
  alignment,
  customerFeatures,
  customerFeaturesCsv,
  customerValue,
  featureCsvColumns,
  getCostModel,
  labelSummary,
  listSchemes,
  mapLabels,
  publishJointScheme,
  putCostModel,
  requestRecompute,
  uploadLabels,
  type SegmentationDeps,
} from './segmentation.service.ts';

const security = [{ bearer: [] }];
const tags = ['segmentation'];
const LABELS_BODY_LIMIT = 64 * 1024 * 1024;

export const segmentationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: LABELS_BODY_LIMIT }, (_request, body, done) =>
    done(null, body),
  );

  const deps: SegmentationDeps = { db: app.db, queue: app.queue };

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
    (request) => asNetworkMember(request, request.params.networkId, {}, (tx, member) => getCostModel(tx, member)),
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
    (request) => {
      const { networkId } = request.params;
      const run = networkWork(request, networkId, { role: 'manager' });
      return putCostModel(deps, run, networkId, request.body);
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
      const run = networkWork(request, networkId, { role: 'analyst' });
      await requestRecompute(deps, run, networkId, request.body?.asOf);
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
      const run = networkWork(request, networkId, {});
      if (request.query.format !== 'csv') {
        return asNetworkReader(request, networkId, {}, (tx, reader) => customerFeatures(tx, reader, request.query));
      }
      const csv = await customerFeaturesCsv(deps, run, networkId, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="customer-features.csv"')
        .send(csv);
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
    (request) => asNetworkMember(request, request.params.networkId, {}, (tx, member) => customerValue(tx, member)),
  );

  clvModelRoutes(app);

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
      asNetworkMember(request, request.params.networkId, {}, (tx) => listSchemes(tx, request.params.networkId)),
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
      const run = networkWork(request, networkId, { role: 'manager' });
      return reply.code(201).send(await publishJointScheme(deps, run, networkId, request.body));
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
    (request) => asNetworkMember(request, request.params.networkId, {}, (tx, member) => labelSummary(tx, member)),
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
      asNetworkMember(request, request.params.networkId, { role: 'analyst' }, (tx, member) =>
        uploadLabels(tx, member, request.body),
      ),
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
      asNetworkMember(request, request.params.networkId, { role: 'analyst' }, (tx, member) =>
        mapLabels(tx, member, request.body.mappings),
      ),
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
    (request) => asNetworkMember(request, request.params.networkId, {}, (tx, member) => alignment(tx, member)),
  );
};
