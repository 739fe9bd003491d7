import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, Page, problemResponses } from '../../http/common.schemas.ts';
import { csvPages, sendCsvPages } from '../../http/csv.ts';
import type { PageRequest } from '../../http/pagination.ts';
import { asActor, asOwnFirm, requireRole } from '../../plugins/auth.ts';
import { asNetworkCaller, asNetworkMember } from '../../plugins/network-access.ts';
import { FirmParams } from '../firms/firms.schemas.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { requireDatasetAllowed } from '../exchange/exchange.service.ts';
import {
  AccessLogEntry,
  AccessLogQuery,
  AggregateGroup,
  AggregateParams,
  AggregateQuery,
  Agreement,
  AgreementListQuery,
  AgreementParams,
  DatasetCatalogEntry,
  DecisionBody,
  GrantBody,
  RequestBody,
} from './sharing.schemas.ts';
import {
  assertPartner,
  createAgreement,
  datasetCatalog,
  decide,
  getAgreement,
  listAccessLog,
  listAgreements,
  readAggregates,
} from './sharing.service.ts';

/** Agreements are made and asked for by managers. */
const managers = { role: 'manager' } as const;
const security = [{ bearer: [] }];
const tags = ['sharing'];

export const sharingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/networks/:networkId/agreements',
    {
      schema: {
        operationId: 'listAgreements',
        summary: 'Sharing agreements your firm is party to in this network',
        description:
          'Agreements granting your data, granting you data (to your firm or to the whole network), and ' +
          'requests either way. Newest first.',
        tags,
        security,
        params: NetworkParams,
        querystring: AgreementListQuery,
        response: { 200: Type.Object({ items: Type.Array(Agreement), nextCursor: Type.Null() }), ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, async (tx, member) => ({
        items: await listAgreements(tx, member.firmId, member.networkId, request.query),
        nextCursor: null,
      })),
  );

  app.get(
    '/v1/networks/:networkId/dataset-catalog',
    {
      schema: {
        operationId: 'listDatasetCatalog',
        summary: 'The dataset catalog: who shares what with whom',
        description:
          'For each member firm and dataset it has published in this network (at least one succeeded feed ' +
          'batch): its succeeded batches, when it was last loaded, and the agreements in force on it today ' +
          '(to whom, level, k), between any members. Never row counts. Ordered by firm name and dataset.',
        tags,
        security,
        params: NetworkParams,
        response: {
          200: Type.Object({ items: Type.Array(DatasetCatalogEntry), nextCursor: Type.Null() }),
          ...problemResponses,
        },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, async (tx, member) => ({
        items: await datasetCatalog(tx, member.networkId),
        nextCursor: null,
      })),
  );

  app.get(
    '/v1/networks/:networkId/agreements/:agreementId',
    {
      schema: {
        operationId: 'getAgreement',
        summary: 'One sharing agreement',
        tags,
        security,
        params: AgreementParams,
        response: { 200: Agreement, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, (tx, actor) =>
        getAgreement(tx, actor.firmId, request.params.networkId, request.params.agreementId),
      ),
  );

  app.post(
    '/v1/networks/:networkId/agreements',
    {
      schema: {
        operationId: 'grantAgreement',
        summary: "Grant one of your firm's datasets to a partner or to the whole network",
        description:
          'In effect from startsOn (default today) until endsOn or until you revoke it. When several ' +
          'agreements apply to a partner, the stricter wins: an aggregate-level one hides rows a ' +
          'customer-level one would show, and the largest k applies.',
        tags,
        security,
        params: NetworkParams,
        body: GrantBody,
        response: { 201: Agreement, ...problemResponses },
      },
    },
    async (request, reply) => {
      const agreement = await asNetworkMember(request, request.params.networkId, managers, async (tx, member) => {
        const { granteeFirmId, ...terms } = request.body;
        if (granteeFirmId) await assertPartner(tx, member.networkId, granteeFirmId, member.firmId);
        return createAgreement(tx, member, member.networkId, { ownerFirmId: member.firmId, granteeFirmId, ...terms });
      });
      await recomputeNetwork(request.params.networkId, agreement.owner.id);
      return reply.status(201).send(agreement);
    },
  );

  app.post(
    '/v1/networks/:networkId/agreement-requests',
    {
      schema: {
        operationId: 'requestAgreement',
        summary: 'Ask a partner for access to one of its datasets',
        description: 'The partner sees the request among its agreements and approves or declines it.',
        tags,
        security,
        params: NetworkParams,
        body: RequestBody,
        response: { 201: Agreement, ...problemResponses },
      },
    },
    async (request, reply) => {
      const agreement = await asNetworkMember(request, request.params.networkId, managers, async (tx, member) => {
        const { ownerFirmId, ...terms } = request.body;
        await assertPartner(tx, member.networkId, ownerFirmId, member.firmId);
        return createAgreement(tx, member, member.networkId, { ownerFirmId, granteeFirmId: member.firmId, ...terms });
      });
      return reply.status(201).send(agreement);
    },
  );

  // what a firm may see changed: its derived customer value follows
  const recomputeNetwork = (networkId: string, firmId: string) =>
    app.queue.enqueue('recompute-network', { firmId, networkId }, { dedupeKey: `recompute-network:${networkId}` });

  const decision = (action: 'approve' | 'decline' | 'revoke', summary: string, from: 'requested' | 'active') =>
    app.post(
      `/v1/networks/:networkId/agreements/:agreementId/${action}`,
      {
        preValidation: emptyBodyAsObject,
        schema: {
          operationId: `${action}Agreement`,
          summary,
          tags,
          security,
          params: AgreementParams,
          body: DecisionBody,
          response: { 200: Agreement, ...problemResponses },
        },
      },
      async (request) => {
        const agreement = await asActor(request, (tx, actor) => {
          requireRole(actor, 'manager');
          const to = action === 'approve' ? 'active' : action === 'decline' ? 'declined' : 'revoked';
          return decide(
            tx,
            actor.firmId,
            actor.userId,
            request.params.networkId,
            request.params.agreementId,
            from,
            to,
            request.body.reason,
          );
        });
        if (action !== 'decline') await recomputeNetwork(request.params.networkId, agreement.owner.id);
        return agreement;
      },
    );
  decision('approve', 'Approve a request for your data', 'requested');
  decision('decline', 'Decline a request for your data', 'requested');
  decision('revoke', 'Revoke an agreement on your data, effective at once', 'active');

  app.get(
    '/v1/networks/:networkId/aggregates/:dataset',
    {
      config: { pipeline: true },
      schema: {
        operationId: 'readAggregates',
        summary: 'Grouped results over your data and the data partners grant you',
        description:
          'Per owner firm and one dimension: distinct customers, rows, amount and quantity. Your own data and ' +
          "customer-level grants are live. Another firm's data at aggregate level comes from released months " +
          'only (a month is released seven days after it ends and never changes after): in a released month ' +
          'a fact counts only where, in every dimension, its group has at least k distinct customers and no ' +
          'customer holds more than half of it, or it pools into one such "other" row (pooled: true); so ' +
          'every dimension adds up to the same total, and answers cannot be subtracted from one another to ' +
          'isolate fewer than k customers. Each read of another firm writes its access log. An API key ' +
          'reads only the datasets it is for (403 `dataset_not_allowed`).',
        tags,
        security,
        params: AggregateParams,
        querystring: AggregateQuery,
        response: {
          200: Type.Object({ items: Type.Array(AggregateGroup), nextCursor: Type.Null() }),
          ...problemResponses,
        },
      },
    },
    (request) =>
      asNetworkCaller(request, request.params.networkId, {}, async (tx, caller) => {
        const { networkId, dataset } = request.params;
        requireDatasetAllowed(caller, dataset); // an API key reads only the datasets it is for
        const reader = { firmId: caller.firmId, userId: caller.userId, apiKeyId: caller.pipeline?.apiKeyId ?? null };
        return {
          items: await readAggregates(tx, reader, networkId, dataset, request.query.by ?? 'none'),
          nextCursor: null,
        };
      }),
  );

  app.get(
    '/v1/firms/:firmId/access-log',
    {
      schema: {
        operationId: 'listAccessLog',
        summary: "Who read your firm's data: reader, dataset, level, purpose, how much, when",
        description: 'Newest first. `?format=csv` streams every entry as text/csv, to the last.',
        tags,
        security,
        params: FirmParams,
        querystring: AccessLogQuery,
        produces: ['application/json', 'text/csv'],
        response: { 200: Page(AccessLogEntry), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { firmId } = request.params;
      if (request.query.format !== 'csv') {
        return asOwnFirm(request, firmId, (tx, actor) => listAccessLog(tx, actor.firmId, request.query));
      }
      // every entry, newest first, a page per transaction (each checks the caller again)
      const entriesPage = (page: PageRequest) =>
        asOwnFirm(request, firmId, (tx, actor) => listAccessLog(tx, actor.firmId, page));
      return sendCsvPages(
        reply,
        'access-log.csv',
        [
          'at',
          'network_id',
          'reader',
          'reader_user',
          'reader_api_key_id',
          'dataset',
          'level',
          'purpose',
          'reading',
          'rows',
          'groups',
        ],
        csvPages(entriesPage, (e) => [
          e.at,
          e.networkId,
          e.reader.name,
          e.readerUser?.name ?? null,
          e.readerApiKeyId,
          e.dataset,
          e.level,
          e.purpose,
          e.reading,
          e.rowCount,
          e.groupCount,
        ]),
      );
    },
  );
};
