import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { Customer360, CustomerParams, LookupBody } from './customers.schemas.ts';
import { customer360, customer360ByIdentifier } from './customers.service.ts';

const security = [{ bearer: [] }];
const tags = ['sharing'];
const description =
  'Purchases by partner and channel, spend and share of wallet per partner, returns, shipments with on-time ' +
  'status, service cases, activities per firm and code, first and last purchase: from your own data and what partners grant you at ' +
  'customer level. `hidden` names the partners holding data you have not been granted, among those that ' +
  'already share some dataset with you at customer level (each such hint is in their access log). Every other ' +
  "firm's rows shown are written to its access log.";

export const customersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/v1/networks/:networkId/customers/:customerKey',
    {
      schema: {
        operationId: 'getCustomer360',
        summary: 'Customer 360 by pseudonymous key',
        description,
        tags,
        security,
        params: CustomerParams,
        response: { 200: Customer360, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx, member) =>
        customer360(tx, member, member.networkId, request.params.customerKey),
      ),
  );

  app.post(
    '/v1/networks/:networkId/customers/lookup',
    {
      schema: {
        operationId: 'lookupCustomer360',
        summary: 'Customer 360 by raw identifier (hashed here, never stored)',
        description,
        tags,
        security,
        params: NetworkParams,
        body: LookupBody,
        response: { 200: Customer360, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx, member) =>
        customer360ByIdentifier(tx, member, member.networkId, request.body.identifier),
      ),
  );
};
