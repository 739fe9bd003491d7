import {
  manualMeasureValues,
  scorecardActions,
  scorecardComments,
  scorecardMeasures,
  scorecardPeriods,
  scorecards,
  scorecardSignoffs,
  withTenant,
} from '@accord/db';
import { scoreNetwork, scorePeriod, todayUtc } from '@accord/analytics';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, asc, eq } from 'drizzle-orm';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { sendCsv } from '../../http/csv.ts';
import { conflict, notFound } from '../../http/problems.ts';
import { asActor, requireRole } from '../../plugins/auth.ts';
import { requireActiveNetwork } from '../networks/networks.service.ts';
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
  CreateScorecardBody,
  ManualValueBody,
  Measure,
  MeasureBody,
  MeasureDetail,
  MeasureDetailQuery,
  MeasureParams,
  PeriodIdParams,
  PeriodMeasureParams,
  PeriodParams,
  PeriodView,
  PeriodViewQuery,
  Scorecard,
  ScorecardList,
  ScorecardParams,
  UpdateScorecardBody,
} from './scorecard.schemas.ts';
import {
  actionsWhere,
  activeMembers,
  memberFirmIds,
  queueRescoring,
  addMeasure,
  bumpVersion,
  checkMeasure,
  closedPeriodAsConflict,
  createScorecard,
  measureDetail,
  measureOf,
  measureView,
  openActions,
  periodCsvHeader,
  periodCsvRows,
  periodOf,
  periodScores,
  requireFocalFirm,
  requireMember,
  scorecardDetail,
  scorecardOf,
  subjectOf,
  summaryView,
} from './scorecard.service.ts';

const security = [{ bearer: [] }];
const tags = ['scorecard'];
const Queued = Type.Object({ queued: Type.Boolean() });

export const scorecardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The caller's view scored at once (it is about to read it); every other member's in the background. */
  const scoreForCallerNow = async (networkId: string, firmId: string) => {
    await scoreNetwork(app.db, firmId, networkId, todayUtc());
    await queueRescoring(
      app.queue,
      networkId,
      (await memberFirmIds(app.db, networkId, firmId)).filter((m) => m !== firmId),
    );
  };

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
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        const cards = await tx
          .select()
          .from(scorecards)
          .where(eq(scorecards.networkId, request.params.networkId))
          .orderBy(asc(scorecards.createdAt));
        return { items: cards.map(summaryView) };
      }),
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
      const actor = request.actor;
      const card = await asActor(request, async (tx, acting) => {
        requireRole(acting, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'creates scorecards');
        return createScorecard(tx, networkId, acting.firmId, {
          name: request.body.name ?? 'Joint scorecard',
          periodKind: request.body.periodKind ?? 'quarter',
          template: request.body.template ?? 'default',
          perspectiveWeights: request.body.perspectiveWeights ?? {},
        });
      });
      await scoreForCallerNow(networkId, actor!.firmId);
      const detail = await asActor(request, (tx) => scorecardDetail(tx, card));
      return reply.status(201).send(detail);
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
    (request) =>
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return scorecardDetail(tx, await scorecardOf(tx, request.params.networkId, request.params.scorecardId));
      }),
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
    async (request) => {
      const { networkId, scorecardId } = request.params;
      const detail = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'changes scorecards');
        const card = await scorecardOf(tx, networkId, scorecardId);
        await tx
          .update(scorecards)
          .set({
            ...(request.body.name ? { name: request.body.name } : {}),
            ...(request.body.perspectiveWeights ? { perspectiveWeights: request.body.perspectiveWeights } : {}),
          })
          .where(eq(scorecards.id, card.id));
        if (request.body.perspectiveWeights) await bumpVersion(tx, card);
        return scorecardDetail(tx, await scorecardOf(tx, networkId, scorecardId));
      }).catch((error: unknown) => {
        if ((error as { cause?: { code?: string } }).cause?.code === '23505')
          throw conflict('scorecard_exists', 'The network already has a scorecard with that name.');
        throw error;
      });
      return detail;
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
      const measure = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'changes scorecards');
        const card = await scorecardOf(tx, networkId, scorecardId);
        const body = request.body;
        await requireMember(tx, networkId, body.ownerFirmId ?? actor.firmId);
        return addMeasure(tx, card, {
          ...body,
          code: body.code ?? null,
          definition: body.definition ?? '',
          ownerFirmId: body.ownerFirmId ?? actor.firmId,
        });
      });
      await queueRescoring(app.queue, networkId, await memberFirmIds(app.db, networkId, request.actor!.firmId));
      return reply.status(201).send(measureView(measure));
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
    async (request) => {
      const { networkId, scorecardId, measureId } = request.params;
      const measure = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'changes scorecards');
        const card = await scorecardOf(tx, networkId, scorecardId);
        const current = await measureOf(tx, card, measureId);
        const body = request.body;
        const input = {
          ...body,
          code: body.code === undefined ? current.code : body.code,
          definition: body.definition ?? current.definition,
          ownerFirmId: body.ownerFirmId ?? current.ownerFirmId,
        };
        checkMeasure(input);
        await requireMember(tx, networkId, input.ownerFirmId);
        const [updated] = await tx
          .update(scorecardMeasures)
          .set(input)
          .where(eq(scorecardMeasures.id, current.id))
          .returning();
        await bumpVersion(tx, card);
        return updated!;
      });
      await queueRescoring(app.queue, networkId, await memberFirmIds(app.db, networkId, request.actor!.firmId));
      return measureView(measure);
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
      const { networkId, scorecardId, measureId } = request.params;
      await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'changes scorecards');
        const card = await scorecardOf(tx, networkId, scorecardId);
        const measure = await measureOf(tx, card, measureId);
        await tx.update(scorecardMeasures).set({ retiredAt: new Date() }).where(eq(scorecardMeasures.id, measure.id));
        await bumpVersion(tx, card);
      });
      await queueRescoring(app.queue, networkId, await memberFirmIds(app.db, networkId, request.actor!.firmId));
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
      const firmId = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        await scorecardOf(tx, networkId, scorecardId);
        return actor.firmId;
      });
      await scoreForCallerNow(networkId, firmId);
      return reply.status(202).send({ queued: true });
    },
  );

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
      const { networkId, scorecardId, period } = request.params;
      const view = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const row = await periodOf(tx, card, period, todayUtc());
        const subject = await subjectOf(tx, networkId, request.query.subject);
        return periodScores(tx, card, row, actor.firmId, subject);
      });
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
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId, scorecardId, periodId, measureId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        const measure = await measureOf(tx, card, measureId);
        const subject = await subjectOf(tx, networkId, request.query.subject);
        return measureDetail(tx, card, period, measure, actor.firmId, subject.firmId);
      }),
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
      const { networkId, scorecardId, periodId, measureId } = request.params;
      await asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        const measure = await measureOf(tx, card, measureId);
        if (measure.code !== null)
          throw conflict('not_manual', 'This measure is computed from the exchange; only manual measures take values.');
        if (measure.ownerFirmId !== actor.firmId)
          throw conflict('not_measure_owner', "Only the measure's owner firm enters its values.");
        const subjectFirmId = request.body.subjectFirmId ?? null;
        if (subjectFirmId) await requireMember(tx, networkId, subjectFirmId);
        const values = {
          value: request.body.value,
          comment: request.body.comment,
          enteredByFirmId: actor.firmId,
          enteredByUserId: actor.userId,
          enteredAt: new Date(),
        };
        await tx
          .insert(manualMeasureValues)
          .values({ networkId, periodId: period.id, measureId: measure.id, subjectFirmId, ...values })
          .onConflictDoUpdate({
            target: [manualMeasureValues.periodId, manualMeasureValues.measureId, manualMeasureValues.subjectFirmId],
            set: values,
          })
          .catch(closedPeriodAsConflict);
      });
      await scoreForCallerNow(networkId, request.actor!.firmId);
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
      const { networkId, scorecardId, periodId, measureId } = request.params;
      const comment = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        const measure = await measureOf(tx, card, measureId);
        const [row] = await tx
          .insert(scorecardComments)
          .values({
            networkId,
            periodId: period.id,
            measureId: measure.id,
            firmId: actor.firmId,
            userId: actor.userId,
            body: request.body.body,
          })
          .returning();
        const firm = (await activeMembers(tx, networkId)).find((m) => m.firmId === actor.firmId);
        return {
          id: row!.id,
          firmId: row!.firmId,
          firmName: firm?.name ?? '',
          userId: row!.userId,
          body: row!.body,
          createdAt: row!.createdAt.toISOString(),
        };
      });
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
      const { networkId, scorecardId, periodId, measureId } = request.params;
      const action = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        const measure = await measureOf(tx, card, measureId);
        await requireMember(tx, networkId, request.body.ownerFirmId);
        const [row] = await tx
          .insert(scorecardActions)
          .values({
            networkId,
            periodId: period.id,
            measureId: measure.id,
            title: request.body.title,
            ownerFirmId: request.body.ownerFirmId,
            dueOn: request.body.dueOn,
            createdByFirmId: actor.firmId,
            createdByUserId: actor.userId,
          })
          .returning();
        const [view] = await actionsWhere(tx, networkId, eq(scorecardActions.id, row!.id));
        return view!;
      });
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
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        const items = await actionsWhere(
          tx,
          request.params.networkId,
          request.query.status === 'all' ? undefined : openActions,
        );
        return { items };
      }),
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
    (request) =>
      asActor(request, async (tx, actor) => {
        requireRole(actor, 'analyst');
        const { networkId, actionId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const [updated] = await tx
          .update(scorecardActions)
          .set({ ...request.body, updatedAt: new Date() })
          .where(and(eq(scorecardActions.id, actionId), eq(scorecardActions.networkId, networkId)))
          .returning({ id: scorecardActions.id });
        // row-level security: an action of other firms is not found for changing
        if (!updated) throw notFound('action of your firm');
        const [view] = await actionsWhere(tx, networkId, eq(scorecardActions.id, updated.id));
        return view!;
      }),
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
      const { networkId, scorecardId, periodId } = request.params;
      const signed = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        const [row] = await tx
          .insert(scorecardSignoffs)
          .values({ networkId, periodId: period.id, firmId: actor.firmId, userId: actor.userId, version: card.version })
          .onConflictDoNothing()
          .returning()
          .catch(closedPeriodAsConflict);
        if (!row) throw conflict('already_signed_off', `Your firm already signed off version ${card.version}.`);
        return { version: row.version, signedAt: row.signedAt.toISOString() };
      });
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
    async (request) => {
      const { networkId, scorecardId, periodId } = request.params;
      const { card, period } = await asActor(request, async (tx, actor) => {
        requireRole(actor, 'manager');
        await requireActiveNetwork(tx, networkId);
        await requireFocalFirm(tx, networkId, 'closes periods');
        const card = await scorecardOf(tx, networkId, scorecardId);
        const period = await periodOf(tx, card, periodId, todayUtc());
        if (period.status === 'closed') throw conflict('period_closed', 'The period is already closed.');
        if (period.endsBefore > todayUtc())
          throw conflict(
            'period_not_ended',
            `The period runs until ${period.endsBefore}; close it after it has ended.`,
          );
        return { card, period };
      });
      // the last scoring, as each member sees it, then the close
      for (const firmId of await memberFirmIds(app.db, networkId, request.actor!.firmId))
        await withTenant(app.db, { firmId, userId: null }, (tx) => scorePeriod(tx, card, period, firmId));
      await asActor(request, (tx, actor) =>
        tx
          .update(scorecardPeriods)
          .set({ status: 'closed', closedAt: new Date(), closedByUserId: actor.userId })
          .where(eq(scorecardPeriods.id, period.id))
          .catch(closedPeriodAsConflict),
      );
      return { id: period.id, status: 'closed' as const };
    },
  );
};
