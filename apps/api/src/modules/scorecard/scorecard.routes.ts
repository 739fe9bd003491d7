import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember, networkWork } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import {
  CreateScorecardBody,
  Measure,
  MeasureBody,
  MeasureParams,
  Queued,
  Scorecard,
  ScorecardList,
  ScorecardParams,
  UpdateScorecardBody,
} from './scorecard.schemas.ts';
import {
  addMeasure,
  changeMeasure,
  changeScorecard,
  createScorecard,
  getScorecard,
  listScorecards,
  rescoreScorecard,
  retireMeasure,
  type ScorecardDeps,
} from './scorecard.service.ts';
import { scorecardPeriodsRoutes } from './scorecard-periods.routes.ts';

const security = [{ bearer: [] }];
const tags = ['scorecard'];
const changesScorecards = { role: 'manager', focalFirmOnly: 'changes scorecards' } as const;

export const scorecardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: ScorecardDeps = { db: app.db, queue: app.queue };

  app.get(
    '/v1/networks/:networkId/scorecards',
    {
      schema: {
        operationId: 'listScorecards',
        summary: "The network's scorecards",
        tags,
        security,
        params: NetworkParams,
        response: { 200: ScorecardList, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx) => listScorecards(tx, request.params.networkId)),
  );

  app.post(
    '/v1/networks/:networkId/scorecards',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'createScorecard',
        summary: 'Create a scorecard (focal firm): from the default joint template, or empty',
        description:
          'The current period opens at once and is scored for your firm; every member firm then scores it from what it may see.',
        tags,
        security,
        params: NetworkParams,
        body: CreateScorecardBody,
        response: { 201: Scorecard, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const run = networkWork(request, networkId, { role: 'manager', focalFirmOnly: 'creates scorecards' });
      return reply.status(201).send(await createScorecard(deps, run, networkId, request.body));
    },
  );

  app.get(
    '/v1/networks/:networkId/scorecards/:scorecardId',
    {
      schema: {
        operationId: 'getScorecard',
        summary: 'A scorecard: its measures (with retired ones) and periods',
        tags,
        security,
        params: ScorecardParams,
        response: { 200: Scorecard, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, scorecardId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx) => getScorecard(tx, networkId, scorecardId));
    },
  );

  app.patch(
    '/v1/networks/:networkId/scorecards/:scorecardId',
    {
      schema: {
        operationId: 'updateScorecard',
        summary: 'Rename a scorecard or weigh its perspectives (focal firm); a new version to sign off',
        tags,
        security,
        params: ScorecardParams,
        body: UpdateScorecardBody,
        response: { 200: Scorecard, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, scorecardId } = request.params;
      return asNetworkMember(request, networkId, changesScorecards, (tx) =>
        changeScorecard(tx, networkId, scorecardId, request.body),
      );
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/measures',
    {
      schema: {
        operationId: 'addScorecardMeasure',
        summary: 'Add a measure (focal firm): a library code, or none for a manual measure',
        tags,
        security,
        params: ScorecardParams,
        body: MeasureBody,
        response: { 201: Measure, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, scorecardId } = request.params;
      const run = networkWork(request, networkId, changesScorecards);
      return reply.status(201).send(await addMeasure(deps, run, networkId, scorecardId, request.body));
    },
  );

  app.put(
    '/v1/networks/:networkId/scorecards/:scorecardId/measures/:measureId',
    {
      schema: {
        operationId: 'updateScorecardMeasure',
        summary: 'Change a measure (focal firm): definition, target, thresholds, weight, owner',
        description: 'Closed periods keep the settings they were scored with.',
        tags,
        security,
        params: MeasureParams,
        body: MeasureBody,
        response: { 200: Measure, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, ...ref } = request.params;
      return changeMeasure(deps, networkWork(request, networkId, changesScorecards), networkId, ref, request.body);
    },
  );

  app.delete(
    '/v1/networks/:networkId/scorecards/:scorecardId/measures/:measureId',
    {
      schema: {
        operationId: 'retireScorecardMeasure',
        summary: 'Retire a measure (focal firm): no longer scored; closed periods keep it',
        tags,
        security,
        params: MeasureParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      await retireMeasure(deps, networkWork(request, networkId, changesScorecards), networkId, ref);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/recompute',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'recomputeScorecard',
        summary: "Score the open periods again from the exchange (for your firm now, every member's in the background)",
        tags,
        security,
        params: ScorecardParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 202: Queued, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, scorecardId } = request.params;
      await rescoreScorecard(deps, networkWork(request, networkId, { role: 'analyst' }), networkId, scorecardId);
      return reply.status(202).send({ queued: true });
    },
  );

  // periods, their measures' comments and actions, sign-offs and closing
  await app.register(scorecardPeriodsRoutes, { deps });
};
