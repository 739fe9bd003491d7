import {
  relationshipAssessments,
  relationshipContacts,
  surveyResponses,
  surveyRounds,
  databaseErrorOf,
  type Transaction,
} from '@accord/db';
import { answerProblems, scoreSurvey, surveyDimensions, surveyItems, surveyProblems } from '@accord/domain';
import { todayUtc } from '@accord/analytics';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, desc, eq, sql } from 'drizzle-orm';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem, conflict, forbidden, notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import { networkPeople, requireActiveNetwork } from '../networks/networks.service.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { queueRescoring } from '../scorecard/scorecard.service.ts';
import { notify } from '../strategy/strategy.service.ts';
import {
  AssessmentBody,
  ContactBody,
  ContactParams,
  PartnerParams,
  PartnerProfile,
  Portfolio,
  ResponseBody,
  ResponseParams,
  RoundBody,
  RoundParams,
  SurveyList,
  SurveyResponse,
  SurveyRound,
  SurveyRoundDetail,
} from './partners.schemas.ts';
import { portfolio, profile, relationshipOf, relationshipsOf, surveyScale } from './partners.service.ts';

const security = [{ bearer: [] }];
const tags = ['partners'];

type RoundRow = typeof surveyRounds.$inferSelect;
const roundStatus = (round: RoundRow, today: string) =>
  today < round.opensOn ? ('upcoming' as const) : today > round.closesOn ? ('closed' as const) : ('open' as const);

export const partnersRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string }> = async (app, options) => {
  app.get(
    '/v1/networks/:networkId/partners',
    {
      schema: {
        operationId: 'getPartnerPortfolio',
        summary:
          'The partner portfolio: each partner’s value and relationship, and whom to bring into the strategy team',
        tags,
        security,
        params: NetworkParams,
        response: { 200: Portfolio, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return portfolio(tx, request.params.networkId, actor.firmId, todayUtc());
      }),
  );

  app.get(
    '/v1/networks/:networkId/partners/:firmId',
    {
      schema: {
        operationId: 'getPartnerProfile',
        summary: 'One relationship: value, spectrum, integration, contacts and survey history',
        description: 'For the focal firm and the partner itself; anyone else is told it does not exist.',
        tags,
        security,
        params: PartnerParams,
        response: { 200: PartnerProfile, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return profile(tx, request.params.networkId, actor.firmId, request.params.firmId, todayUtc());
      }),
  );

  app.put(
    '/v1/networks/:networkId/partners/:firmId/assessment',
    {
      schema: {
        operationId: 'assessRelationship',
        summary: 'Answer the relationship-spectrum indicators and integration levels for your side',
        tags,
        security,
        params: PartnerParams,
        body: AssessmentBody,
        response: { 200: PartnerProfile, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId, firmId } = request.params;
        await requireActiveNetwork(tx, networkId);
        await relationshipOf(tx, networkId, actor.firmId, firmId);
        const { spectrum, integration } = request.body;
        const problems = [
          ...answerProblems('spectrum', spectrum).map((p) => ({ ...p, path: `/spectrum/${p.path}` })),
          ...answerProblems('integration', integration).map((p) => ({ ...p, path: `/integration/${p.path}` })),
        ];
        if (problems.length)
          throw new ApiProblem(422, 'invalid_answers', 'Invalid answers', 'Answer every question 1..5.', problems);
        const values = {
          spectrum,
          integration,
          note: request.body.note ?? '',
          answeredByUserId: actor.userId,
          answeredAt: sql`now()`,
        };
        await tx
          .insert(relationshipAssessments)
          .values({ networkId, partnerFirmId: firmId, respondentFirmId: actor.firmId, ...values })
          .onConflictDoUpdate({
            target: [
              relationshipAssessments.networkId,
              relationshipAssessments.partnerFirmId,
              relationshipAssessments.respondentFirmId,
            ],
            set: values,
          });
        return profile(tx, networkId, actor.firmId, firmId, todayUtc());
      }),
  );

  app.post(
    '/v1/networks/:networkId/partners/:firmId/contacts',
    {
      schema: {
        operationId: 'addRelationshipContact',
        summary: 'Name one of your people as a boundary spanner of the relationship',
        tags,
        security,
        params: PartnerParams,
        body: ContactBody,
        response: { 201: PartnerProfile.properties.contacts.items, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, firmId } = request.params;
      const contact = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        await relationshipOf(tx, networkId, actor.firmId, firmId);
        const person = (await networkPeople(tx, networkId)).find(
          (p) => p.id === request.body.userId && p.firmId === actor.firmId,
        );
        if (!person) throw notFound('person of your firm');
        const [row] = await tx
          .insert(relationshipContacts)
          .values({
            networkId,
            partnerFirmId: firmId,
            firmId: actor.firmId,
            userId: person.id,
            role: request.body.role,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw conflict('already_a_contact', `${person.name} is already a contact of this relationship.`);
        return {
          id: row.id,
          firmId: person.firmId,
          firmName: person.firmName,
          person: { id: person.id, name: person.name },
          role: row.role,
          addedAt: row.addedAt.toISOString(),
        };
      });
      return reply.code(201).send(contact);
    },
  );

  app.delete(
    '/v1/networks/:networkId/partners/:firmId/contacts/:contactId',
    {
      schema: {
        operationId: 'removeRelationshipContact',
        summary: 'Remove one of your boundary spanners from the relationship',
        tags,
        security,
        params: ContactParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, firmId, contactId } = request.params;
      await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        await relationshipOf(tx, networkId, actor.firmId, firmId);
        const removed = await tx
          .delete(relationshipContacts)
          .where(
            and(
              eq(relationshipContacts.id, contactId),
              eq(relationshipContacts.partnerFirmId, firmId),
              eq(relationshipContacts.firmId, actor.firmId),
            ),
          )
          .returning({ id: relationshipContacts.id });
        if (!removed.length) throw notFound('contact of your firm');
      });
      return reply.code(204).send(null);
    },
  );

  /** The acting firm's view of a round: its visible responses and the relationships it still owes answers for. */
  const roundView = async (tx: Transaction, round: RoundRow, actorFirmId: string, today: string) => {
    const rel = await relationshipsOf(tx, round.networkId, actorFirmId);
    const responses = await tx.select().from(surveyResponses).where(eq(surveyResponses.roundId, round.id));
    return {
      id: round.id,
      title: round.title,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      status: roundStatus(round, today),
      responses: responses.length,
      pending: rel.partners
        .filter((p) => !responses.some((r) => r.partnerFirmId === p.id && r.respondentFirmId === actorFirmId))
        .map((p) => p.id),
      rel,
      all: responses,
    };
  };

  app.get(
    '/v1/networks/:networkId/surveys',
    {
      schema: {
        operationId: 'listSurveyRounds',
        summary: 'The relationship health survey: its questions, and its rounds with what you still owe',
        tags,
        security,
        params: NetworkParams,
        response: { 200: SurveyList, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const today = todayUtc();
        const rounds = await tx
          .select()
          .from(surveyRounds)
          .where(eq(surveyRounds.networkId, networkId))
          .orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.createdAt));
        const views = [];
        for (const round of rounds) {
          const { rel: _rel, all: _all, ...view } = await roundView(tx, round, actor.firmId, today);
          views.push(view);
        }
        return {
          instrument: {
            dimensions: [...surveyDimensions],
            items: surveyItems.map((i) => ({ ...i })),
            scale: surveyScale,
          },
          rounds: views,
        };
      }),
  );

  app.post(
    '/v1/networks/:networkId/surveys',
    {
      schema: {
        operationId: 'openSurveyRound',
        summary: 'Open a round of the relationship health survey (focal firm): both sides of every relationship answer',
        tags,
        security,
        params: NetworkParams,
        body: RoundBody,
        response: { 201: SurveyRound, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const view = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const rel = await relationshipsOf(tx, networkId, actor.firmId);
        if (!rel.focal) throw forbidden('focal_firm_only', 'Only the focal firm opens survey rounds.');
        const { title, opensOn, closesOn } = request.body;
        if (closesOn < opensOn)
          throw new ApiProblem(422, 'invalid_dates', 'Invalid dates', 'A round closes on or after the day it opens.', [
            { path: '/closesOn', message: `must be on or after opensOn (${opensOn})` },
          ]);
        const [round] = await tx
          .insert(surveyRounds)
          .values({ networkId, title, opensOn, closesOn, createdByUserId: actor.userId })
          .returning();
        await notify(tx, {
          networkId,
          senderFirmId: actor.firmId,
          users: null,
          kind: 'survey_round_opened',
          title: `Relationship health survey: ${title}`,
          body: `Answer for your firm between ${opensOn} and ${closesOn}.`,
          link: '/surveys',
          emails: [],
          portalUrl: options.portalUrl,
        });
        const { rel: _rel, all: _all, ...view } = await roundView(tx, round!, actor.firmId, todayUtc());
        return view;
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/v1/networks/:networkId/surveys/:roundId',
    {
      schema: {
        operationId: 'getSurveyRound',
        summary: 'A round: per relationship you are party to, each side’s scores and your own answers',
        tags,
        security,
        params: RoundParams,
        response: { 200: SurveyRoundDetail, ...problemResponses },
      },
    },
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId, roundId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const [round] = await tx
          .select()
          .from(surveyRounds)
          .where(and(eq(surveyRounds.id, roundId), eq(surveyRounds.networkId, networkId)));
        if (!round) throw notFound('survey round');
        const { rel, all, ...view } = await roundView(tx, round, actor.firmId, todayUtc());
        const dims = (r: (typeof all)[number] | undefined) =>
          r
            ? {
                trust: r.trust,
                commitment: r.commitment,
                satisfaction: r.satisfaction,
                information_sharing: r.informationSharing,
              }
            : null;
        return {
          ...view,
          relationships: rel.partners.map((p) => {
            const of = (firm: string) => all.find((r) => r.partnerFirmId === p.id && r.respondentFirmId === firm);
            const yours = of(actor.firmId);
            return {
              firm: { id: p.id, name: p.name },
              focal: dims(of(rel.focalFirmId)),
              partner: dims(of(p.id)),
              yours: yours
                ? { answers: yours.answers, comment: yours.comment, answeredAt: yours.answeredAt.toISOString() }
                : null,
            };
          }),
        };
      }),
  );

  app.put(
    '/v1/networks/:networkId/surveys/:roundId/responses/:partnerFirmId',
    {
      schema: {
        operationId: 'answerSurvey',
        summary: 'Answer the round for one relationship, as your side (again to change your answers while it is open)',
        tags,
        security,
        params: ResponseParams,
        body: ResponseBody,
        response: { 200: SurveyResponse, ...problemResponses },
      },
    },
    async (request) => {
      const { networkId, roundId, partnerFirmId } = request.params;
      let parties: string[] = [];
      const response = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const rel = await relationshipOf(tx, networkId, actor.firmId, partnerFirmId);
        parties = [rel.focalFirmId, partnerFirmId];
        const [round] = await tx
          .select()
          .from(surveyRounds)
          .where(and(eq(surveyRounds.id, roundId), eq(surveyRounds.networkId, networkId)));
        if (!round) throw notFound('survey round');
        const status = roundStatus(round, todayUtc());
        if (status !== 'open')
          throw conflict(
            'round_not_open',
            status === 'upcoming'
              ? `The round opens on ${round.opensOn}.`
              : `The round closed on ${round.closesOn}; its answers no longer change.`,
          );
        const problems = surveyProblems(request.body.answers);
        if (problems.length)
          throw new ApiProblem(
            422,
            'invalid_answers',
            'Invalid answers',
            'Answer every statement 1..5.',
            problems.map((p) => ({ ...p, path: `/answers/${p.path}` })),
          );
        const scores = scoreSurvey(request.body.answers);
        const values = {
          answers: request.body.answers,
          trust: scores.trust,
          commitment: scores.commitment,
          satisfaction: scores.satisfaction,
          informationSharing: scores.information_sharing,
          comment: request.body.comment ?? '',
          answeredByUserId: actor.userId,
          answeredAt: sql`now()`,
        };
        const [row] = await tx
          .insert(surveyResponses)
          .values({ networkId, roundId, partnerFirmId, respondentFirmId: actor.firmId, ...values })
          .onConflictDoUpdate({
            target: [surveyResponses.roundId, surveyResponses.partnerFirmId, surveyResponses.respondentFirmId],
            set: values,
          })
          .returning()
          .catch((error: unknown) => {
            if (databaseErrorOf(error)?.code === '55000') throw conflict('round_not_open', 'The round is not open.');
            throw error;
          });
        return {
          roundId,
          partnerFirmId,
          respondentFirmId: actor.firmId,
          dimensions: scores,
          answeredAt: row!.answeredAt.toISOString(),
        };
      });
      // the relationship's two firms rescore: the relationship measures read the survey
      await queueRescoring(app.queue, networkId, parties);
      return response;
    },
  );
};
