// The customer-value models fitted on demand: BG/NBD and Gamma-Gamma with the alternatives ranked, and
// the BG/NBD fit's diagnostics against a holdout. Part of the segmentation routes, added where they stand
// among them.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { clvModelDiagnostics, fitClvModel } from './clv-model.service.ts';
import { ClvDiagnostics, ClvDiagnosticsQuery, ClvModel, ClvModelQuery } from './segmentation.schemas.ts';

const security = [{ bearer: [] }];
const tags = ['segmentation'];

/** Adds the routes to the segmentation plugin's instance. */
export function clvModelRoutes(app: Parameters<FastifyPluginAsyncTypebox>[0]): void {
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
      asNetworkMember(request, request.params.networkId, {}, (tx, member) => fitClvModel(tx, member, request.query)),
  );

  app.get(
    '/v1/networks/:networkId/clv-model/diagnostics',
    {
      schema: {
        operationId: 'getClvModelDiagnostics',
        summary: 'Check the BG/NBD fit on a calibration period against the holdout after it',
        description:
          'BG/NBD is fitted as by getClvModel on the purchases up to calibrationEnd, then held against what the ' +
          'same customers (those who first bought by calibrationEnd) did up to holdoutEnd: holdout purchases by ' +
          'calibration frequency, the cohort’s repeat purchases per period against the model’s expectation, and ' +
          'the frequency/recency matrix of expected purchases and P(alive). Same-day purchases count as one. ' +
          'Null diagnostics when too few customers (20) or repeat buyers to fit. holdoutEnd must be after ' +
          'calibrationEnd (`holdout_not_after_calibration`), by at most 3,660 days (`holdout_too_long`). Reading ' +
          'partners’ transactions is written to their access logs.',
        tags,
        security,
        params: NetworkParams,
        querystring: ClvDiagnosticsQuery,
        response: { 200: ClvDiagnostics, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx, member) =>
        clvModelDiagnostics(tx, member, request.query),
      ),
  );
}
