// A scorecard's periods as each firm scored them, and the work on them: manual values, comments,
// actions, sign-offs and closing. Registered by the scorecard routes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { sendCsv } from '../../http/csv.ts';
import { asNetworkMember, asNetworkReader, networkWork } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import {
  Action,
  ActionBody,
  ActionList,
  ActionListQuery,
  ActionParams,
  ActionPatchBody,
  Comment,
  CommentBody,
  ManualValueBody,
  MeasureDetail,
  MeasureDetailQuery,
  PeriodIdParams,
  PeriodMeasureParams,
  PeriodParams,
  PeriodView,
  PeriodViewQuery,
  Queued,
} from './scorecard.schemas.ts';
import {
  closeEndedPeriod,
  commentOnMeasure,
  enterManualValue,
  listActions,
  measureInPeriod,
  moveAction,
  periodCsvHeader,
  periodCsvRows,
  raiseAction,
  scoredPeriod,
  signOffPeriod,
  type ScorecardDeps,
} from './scorecard.service.ts';

const security = [{ bearer: [] }];
const tags = ['scorecard'];
const manager = { role: 'manager' } as const;
const analyst = { role: 'analyst' } as const;

export const scorecardPeriodsRoutes: FastifyPluginAsyncTypebox<{ deps: ScorecardDeps }> = async (app, { deps }) => {
  app.get(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:period',
    {
      schema: {
        operationId: 'getScorecardPeriod',
        summary: 'A period scored as your firm sees it: overall, perspectives, measures with traffic lights and trends',
        description:
          'For the whole chain (`subject=chain`, the default) or one partner. Values come from the data your firm may see: a partner whose data is not shared with you shows as missing. `format=csv` answers the measure table as CSV.',
        tags,
        security,
        params: PeriodParams,
        querystring: PeriodViewQuery,
        response: {
          200: { content: { 'application/json': { schema: PeriodView }, 'text/csv': { schema: Type.String() } } },
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      const view = await asNetworkReader(request, networkId, {}, (tx, reader) =>
        scoredPeriod(tx, reader, networkId, ref, request.query.subject),
      );
      if (request.query.format === 'csv')
        return sendCsv(reply, `scorecard-${view.period.startsOn}.csv`, periodCsvHeader, periodCsvRows(view));
      return reply.type('application/json').send(view);
    },
  );

  app.get(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/measures/:measureId',
    {
      schema: {
        operationId: 'getScorecardMeasure',
        summary: 'One measure in a period: partners ranked, the drill-down to batches and groups, comments, actions',
        tags,
        security,
        params: PeriodMeasureParams,
        querystring: MeasureDetailQuery,
        response: { 200: MeasureDetail, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, ...ref } = request.params;
      return asNetworkMember(request, networkId, {}, (tx, actor) =>
        measureInPeriod(tx, actor, networkId, ref, request.query.subject),
      );
    },
  );

  app.put(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/measures/:measureId/manual-value',
    {
      schema: {
        operationId: 'putScorecardManualValue',
        summary: "Enter a manual measure's value for the period (its owner firm), with a comment",
        tags,
        security,
        params: PeriodMeasureParams,
        body: ManualValueBody,
        response: { 202: Queued, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      await enterManualValue(deps, networkWork(request, networkId, analyst), networkId, ref, request.body);
      return reply.status(202).send({ queued: true });
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/measures/:measureId/comments',
    {
      schema: {
        operationId: 'addScorecardComment',
        summary: 'Comment on a measure in a period (every member reads it)',
        tags,
        security,
        params: PeriodMeasureParams,
        body: CommentBody,
        response: { 201: Comment, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      const comment = await asNetworkMember(request, networkId, analyst, (tx, actor) =>
        commentOnMeasure(tx, actor, networkId, ref, request.body.body),
      );
      return reply.status(201).send(comment);
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/measures/:measureId/actions',
    {
      schema: {
        operationId: 'addScorecardAction',
        summary: 'Raise an action on a measure in a period: what, which firm owns it, by when',
        tags,
        security,
        params: PeriodMeasureParams,
        body: ActionBody,
        response: { 201: Action, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      const action = await asNetworkMember(request, networkId, analyst, (tx, actor) =>
        raiseAction(tx, actor, networkId, ref, request.body),
      );
      return reply.status(201).send(action);
    },
  );

  app.get(
    '/v1/networks/:networkId/scorecard-actions',
    {
      schema: {
        operationId: 'listScorecardActions',
        summary: "The network's scorecard actions: open ones (default) or all, soonest due first",
        tags,
        security,
        params: NetworkParams,
        querystring: ActionListQuery,
        response: { 200: ActionList, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx) =>
        listActions(tx, request.params.networkId, request.query.status),
      ),
  );

  app.patch(
    '/v1/networks/:networkId/scorecard-actions/:actionId',
    {
      schema: {
        operationId: 'updateScorecardAction',
        summary: 'Move an action on (its owner firm or the firm that raised it): status, due date, title',
        tags,
        security,
        params: ActionParams,
        body: ActionPatchBody,
        response: { 200: Action, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, actionId } = request.params;
      return asNetworkMember(request, networkId, analyst, (tx) => moveAction(tx, networkId, actionId, request.body));
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/sign-off',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'signOffScorecardPeriod',
        summary: "Sign off the period's measures and targets for your firm (the scorecard version in force)",
        tags,
        security,
        params: PeriodIdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: {
          201: Type.Object({ version: Type.Integer(), signedAt: Type.String({ format: 'date-time' }) }),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      const { networkId, ...ref } = request.params;
      const signed = await asNetworkMember(request, networkId, manager, (tx, actor) =>
        signOffPeriod(tx, actor, networkId, ref),
      );
      return reply.status(201).send(signed);
    },
  );

  app.post(
    '/v1/networks/:networkId/scorecards/:scorecardId/periods/:periodId/close',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'closeScorecardPeriod',
        summary: 'Close an ended period (focal firm): scored a last time for every member, then never changed',
        tags,
        security,
        params: PeriodIdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Type.String(), status: Type.Literal('closed') }), ...problemResponses },
      },
    },
    (request) => {
      const { networkId, ...ref } = request.params;
      const run = networkWork(request, networkId, { role: 'manager', focalFirmOnly: 'closes periods' });
      return closeEndedPeriod(deps, run, networkId, ref);
    },
  );
};
