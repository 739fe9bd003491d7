import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember, networkWork } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
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
import {
  addContact,
  answerSurvey,
  assessRelationship,
  openSurveyRound,
  partnerPortfolio,
  partnerProfile,
  removeContact,
  surveyRound,
  surveyRounds,
  type PartnersDeps,
} from './partners.service.ts';

const security = [{ bearer: [] }];
const tags = ['partners'];
/** Assessing a relationship, naming its contacts and opening survey rounds are managers' work. */
const managers = { role: 'manager' } as const;
/** Anyone in a firm who works with the data may answer a survey; viewers only read. */
const contributors = { role: 'analyst' } as const;

export const partnersRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string }> = async (app, options) => {
  const deps: PartnersDeps = { db: app.db, queue: app.queue, portalUrl: options.portalUrl };

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
    (request) => {
      const { networkId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx, actor) => partnerPortfolio(tx, actor, networkId));
    },
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
    (request) => {
      const { networkId, firmId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx, actor) => partnerProfile(tx, actor, networkId, firmId));
    },
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
    (request) => {
      const { networkId, firmId } = request.params;
      return asNetworkMember(request, networkId, managers, (tx, actor) =>
        assessRelationship(tx, actor, networkId, firmId, request.body),
      );
    },
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
      const contact = await asNetworkMember(request, networkId, managers, (tx, actor) =>
        addContact(tx, actor, networkId, firmId, request.body),
      );
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
      await asNetworkMember(request, networkId, managers, (tx, actor) =>
        removeContact(tx, actor, networkId, firmId, contactId),
      );
      return reply.code(204).send(null);
    },
  );

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
    (request) => {
      const { networkId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx, actor) => surveyRounds(tx, actor, networkId));
    },
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
      const view = await asNetworkMember(request, networkId, managers, (tx, actor) =>
        openSurveyRound(deps, tx, actor, networkId, request.body),
      );
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
    (request) => {
      const { networkId, roundId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx, actor) => surveyRound(tx, actor, networkId, roundId));
    },
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
    (request) => {
      const { networkId, ...ref } = request.params;
      return answerSurvey(deps, networkWork(request, networkId, contributors), networkId, ref, request.body);
    },
  );
};
