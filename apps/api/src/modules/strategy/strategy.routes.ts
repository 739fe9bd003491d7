import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { asNetworkMember, networkWork } from '../../plugins/network-access.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import {
  CommentBody,
  Comment,
  DecisionBody,
  DiffQuery,
  NewVersionBody,
  Signoff,
  StrategyDiff,
  StrategyOverview,
  TeamMemberBody,
  TeamMemberParams,
  UpdateVersionBody,
  Version,
  VersionParams,
} from './strategy.schemas.ts';
import {
  commentOnVersion,
  decideOnVersion,
  diffVersions,
  discardDraft,
  inviteToTeam,
  moveVersion,
  removeFromTeam,
  saveVersion,
  startVersion,
  strategyOverview,
  versionView,
  type LifecycleStep,
  type StrategyDeps,
} from './strategy.service.ts';

const security = [{ bearer: [] }];
const tags = ['strategy'];
/** The strategy team and the executives who decide on a version are firm admins and managers. */
const managers = { role: 'manager' } as const;
/** Comments come from anyone in a firm who works with the data; viewers only read. */
const contributors = { role: 'analyst' } as const;

export const strategyRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string }> = async (app, options) => {
  const deps: StrategyDeps = { db: app.db, queue: app.queue, portalUrl: options.portalUrl };

  app.get(
    '/v1/networks/:networkId/strategy',
    {
      schema: {
        operationId: 'getStrategy',
        summary: "The network's joint strategy: team, versions, partners' sponsors and their decisions",
        tags,
        security,
        params: NetworkParams,
        response: { 200: StrategyOverview, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx, actor) =>
        strategyOverview(tx, actor, request.params.networkId),
      ),
  );

  app.post(
    '/v1/networks/:networkId/strategy/versions',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        operationId: 'startStrategyVersion',
        summary: 'Start a new version (strategy team): a draft copy of the newest version, or an empty first one',
        tags,
        security,
        params: NetworkParams,
        body: NewVersionBody,
        response: { 201: Version, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const view = await asNetworkMember(request, networkId, managers, (tx, actor) =>
        startVersion(tx, actor, networkId, request.body.title),
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    '/v1/networks/:networkId/strategy/versions/:versionId',
    {
      schema: {
        operationId: 'getStrategyVersion',
        summary: 'One version with its content, comments and the sponsors’ decisions',
        tags,
        security,
        params: VersionParams,
        response: { 200: Version, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, versionId } = request.params;
      return asNetworkMember(request, networkId, {}, (tx) => versionView(tx, networkId, versionId));
    },
  );

  app.put(
    '/v1/networks/:networkId/strategy/versions/:versionId',
    {
      schema: {
        operationId: 'updateStrategyVersion',
        summary: 'Save a draft’s title and sections (strategy team)',
        description:
          'Only a draft changes; a version in review goes back to draft first, a published one never changes.',
        tags,
        security,
        params: VersionParams,
        body: UpdateVersionBody,
        response: { 200: Version, ...problemResponses },
      },
    },
    (request) => {
      const { networkId, versionId } = request.params;
      return asNetworkMember(request, networkId, managers, (tx, actor) =>
        saveVersion(tx, actor, networkId, versionId, request.body),
      );
    },
  );

  app.delete(
    '/v1/networks/:networkId/strategy/versions/:versionId',
    {
      schema: {
        operationId: 'discardStrategyDraft',
        summary: 'Discard a draft (strategy team)',
        tags,
        security,
        params: VersionParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, versionId } = request.params;
      await asNetworkMember(request, networkId, managers, (tx) => discardDraft(tx, networkId, versionId));
      return reply.code(204).send(null);
    },
  );

  /** A lifecycle step: from the given status to the next, by the team (publishing: the focal firm's part of it). */
  const step = (path: string, operationId: string, summary: string, lifecycle: LifecycleStep) =>
    app.post(
      `/v1/networks/:networkId/strategy/versions/:versionId/${path}`,
      {
        preValidation: emptyBodyAsObject,
        schema: {
          operationId,
          summary,
          tags,
          security,
          params: VersionParams,
          response: { 200: Version, ...problemResponses },
        },
      },
      (request) => {
        const { networkId, versionId } = request.params;
        return moveVersion(deps, networkWork(request, networkId, managers), networkId, versionId, lifecycle);
      },
    );
  step('submit', 'submitStrategyVersion', 'Put a draft in review (strategy team)', { from: 'draft', to: 'in_review' });
  step('return', 'returnStrategyVersion', 'Return a version in review to draft, to edit it (strategy team)', {
    from: 'in_review',
    to: 'draft',
  });
  step(
    'publish',
    'publishStrategyVersion',
    "Publish a version in review (the focal firm's team members): members are notified, sponsors emailed",
    { from: 'in_review', to: 'published' },
  );

  app.post(
    '/v1/networks/:networkId/strategy/versions/:versionId/comments',
    {
      schema: {
        operationId: 'commentOnStrategy',
        summary: 'Comment on a section of a version you can read',
        tags,
        security,
        params: VersionParams,
        body: CommentBody,
        response: { 201: Comment, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, versionId } = request.params;
      const comment = await asNetworkMember(request, networkId, contributors, (tx, actor) =>
        commentOnVersion(tx, actor, networkId, versionId, request.body),
      );
      return reply.code(201).send(comment);
    },
  );

  app.post(
    '/v1/networks/:networkId/strategy/versions/:versionId/decisions',
    {
      schema: {
        operationId: 'decideOnStrategy',
        summary:
          "Sign off the latest published version, or request changes with a reason (a partner's executive sponsor)",
        description:
          'The decision binds to this version: a later version needs a decision of its own. A new decision on the same version replaces the standing one; the history is kept.',
        tags,
        security,
        params: VersionParams,
        body: DecisionBody,
        response: { 201: Signoff, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, versionId } = request.params;
      const signoff = await decideOnVersion(
        deps,
        networkWork(request, networkId, managers),
        networkId,
        versionId,
        request.body,
      );
      return reply.code(201).send(signoff);
    },
  );

  app.get(
    '/v1/networks/:networkId/strategy/diff',
    {
      schema: {
        operationId: 'diffStrategyVersions',
        summary: 'What changed between two versions, section by section (by default: in the newest version)',
        tags,
        security,
        params: NetworkParams,
        querystring: DiffQuery,
        response: { 200: StrategyDiff, ...problemResponses },
      },
    },
    (request) =>
      asNetworkMember(request, request.params.networkId, {}, (tx) =>
        diffVersions(tx, request.params.networkId, request.query),
      ),
  );

  app.post(
    '/v1/networks/:networkId/strategy/team',
    {
      schema: {
        operationId: 'addStrategyTeamMember',
        summary: "Invite a partner firm's manager onto the strategy team (the focal firm's team members)",
        tags,
        security,
        params: NetworkParams,
        body: TeamMemberBody,
        response: { 201: StrategyOverview.properties.team.items, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId } = request.params;
      const member = await asNetworkMember(request, networkId, managers, (tx, actor) =>
        inviteToTeam(deps, tx, actor, networkId, request.body.userId),
      );
      return reply.code(201).send(member);
    },
  );

  app.delete(
    '/v1/networks/:networkId/strategy/team/:userId',
    {
      schema: {
        operationId: 'removeStrategyTeamMember',
        summary: 'Take an invited partner manager off the strategy team (the focal firm’s team members)',
        tags,
        security,
        params: TeamMemberParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      const { networkId, userId } = request.params;
      await asNetworkMember(request, networkId, managers, (tx, member) =>
        removeFromTeam(tx, member, networkId, userId),
      );
      return reply.code(204).send(null);
    },
  );
};
