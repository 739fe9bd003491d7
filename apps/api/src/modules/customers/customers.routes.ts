import { query } from '@accord/db';
import { customerKey } from '@accord/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { problemResponses } from '../../http/common.schemas.ts';
import { notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import { requireActiveNetwork } from '../networks/networks.service.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { Customer360, CustomerParams, LookupBody } from './customers.schemas.ts';
import { customer360 } from './customers.service.ts';

const security = [{ bearer: [] }];
const tags = ['sharing'];
const description =
  'Purchases by partner and channel, spend and share of wallet per partner, returns, shipments with on-time ' +
  'status, service cases, activities per firm and code, first and last purchase: from your own data and what partners grant you at ' +
  'customer level. `hidden` names the partners holding data you have not been granted. Every other ' +
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
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return customer360(tx, actor, request.params.networkId, request.params.customerKey);
      }),
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
      asActor(request, async (tx, actor) => {
        const { networkId } = request.params;
        const [row] = await query<{ key: string | null }>(tx, sql`select app_network_hashing_key(${networkId}) as key`);
        if (!row?.key) throw notFound('network');
        return customer360(tx, actor, networkId, customerKey(row.key, request.body.identifier));
      }),
  );
};
