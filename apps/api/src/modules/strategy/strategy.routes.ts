import {
  query,
  strategyComments,
  strategySignoffs,
  strategyTeamMembers,
  strategyVersions,
  type Transaction,
} from '@accord/db';
import { diffStrategy } from '@accord/domain';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, eq, sql } from 'drizzle-orm';
import Type from 'typebox';
import { emptyBodyAsObject, problemResponses } from '../../http/common.schemas.ts';
import { ApiProblem, conflict, forbidden, notFound } from '../../http/problems.ts';
import { asActor } from '../../plugins/auth.ts';
import { networkPeople, requireActiveNetwork } from '../networks/networks.service.ts';
import { NetworkParams } from '../networks/networks.schemas.ts';
import { memberFirmIds, queueRescoring } from '../scorecard/scorecard.service.ts';
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
  checkContent,
  commentsOf,
  contentOf,
  latestPublished,
  lifecycleAsConflict,
  newestVersion,
  notify,
  partnerStandings,
  signoffsOf,
  sponsorEmails,
  strategyRole,
  strategyTeam,
  versionOf,
  versionSummaries,
} from './strategy.service.ts';

const security = [{ bearer: [] }];
const tags = ['strategy'];
const STRATEGY_LINK = '/strategy';

export const strategyRoutes: FastifyPluginAsyncTypebox<{ portalUrl: string }> = async (app, options) => {
  /** Outbox mail delivered, and every member's scorecards rescored (the sign-off measure reads the strategy). */
  const afterCommit = async (networkId: string, emailIds: string[], actorFirmId: string) => {
    for (const emailId of emailIds)
      await app.queue.enqueue('deliver-email', { firmId: actorFirmId, emailId }, { jobId: `email-${emailId}` });
    await queueRescoring(app.queue, networkId, await memberFirmIds(app.db, networkId, actorFirmId));
  };

  /** The version as its reader sees it: summary, content, comments and decisions. */
  const versionView = async (tx: Transaction, networkId: string, versionId: string) => {
    const version = await versionOf(tx, networkId, versionId);
    const [summary] = await versionSummaries(tx, networkId, versionId);
    return {
      ...summary!,
      content: contentOf(version),
      comments: await commentsOf(tx, versionId),
      signoffs: await signoffsOf(tx, versionId),
    };
  };

  /** 403 unless the caller is on the strategy team. */
  const requireTeam = async (tx: Transaction, networkId: string) => {
    const role = await strategyRole(tx, networkId);
    if (!role.onTeam)
      throw forbidden(
        'strategy_team_only',
        "Only the strategy team writes the strategy: the focal firm's managers and the partner managers it invited.",
      );
    return role;
  };

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
      asActor(request, async (tx, actor) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const role = await strategyRole(tx, networkId);
        const versions = await versionSummaries(tx, networkId);
        const latest = versions.find((v) => v.status === 'published') ?? null;
        const partners = await partnerStandings(tx, networkId, role.focalFirmId, latest?.id ?? null);
        return {
          networkId,
          team: await strategyTeam(tx, networkId, role.focalFirmId),
          versions,
          latestPublishedId: latest?.id ?? null,
          openVersionId: versions.find((v) => v.status !== 'published')?.id ?? null,
          partners,
          you: {
            onTeam: role.onTeam,
            focal: role.focal,
            sponsor: partners.some((p) => p.firmId === actor.firmId && p.sponsor?.id === actor.userId),
          },
        };
      }),
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
      const view = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        await requireTeam(tx, networkId);
        const newest = await newestVersion(tx, networkId);
        if (newest && newest.status !== 'published')
          throw conflict(
            'open_version_exists',
            `Version ${newest.version} is still ${newest.status === 'draft' ? 'a draft' : 'in review'}: work on that one.`,
          );
        const [created] = await tx
          .insert(strategyVersions)
          .values({
            networkId,
            version: (newest?.version ?? 0) + 1,
            title: request.body.title ?? newest?.title ?? 'Joint CRM strategy',
            content: contentOf(newest) as unknown as Record<string, unknown>,
            basedOnId: newest?.id ?? null,
            createdByUserId: actor.userId,
            updatedByUserId: actor.userId,
          })
          .returning()
          .catch(lifecycleAsConflict);
        return versionView(tx, networkId, created!.id);
      });
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
    (request) =>
      asActor(request, async (tx) => {
        await requireActiveNetwork(tx, request.params.networkId);
        return versionView(tx, request.params.networkId, request.params.versionId);
      }),
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
    (request) =>
      asActor(request, async (tx, actor) => {
        const { networkId, versionId } = request.params;
        await requireActiveNetwork(tx, networkId);
        await requireTeam(tx, networkId);
        const version = await versionOf(tx, networkId, versionId);
        if (version.status === 'published')
          throw conflict('version_published', 'A published version never changes: start a new version instead.');
        if (version.status === 'in_review')
          throw conflict('version_in_review', 'A version in review keeps its content: return it to draft to edit it.');
        const { baseUpdatedAt } = request.body;
        if (baseUpdatedAt && Date.parse(baseUpdatedAt) !== version.updatedAt.getTime())
          throw conflict(
            'edit_conflict',
            'Someone saved this draft after you opened it: reload it, then make your change again.',
          );
        const content = request.body.content;
        await checkContent(tx, networkId, content);
        await tx
          .update(strategyVersions)
          .set({
            title: request.body.title,
            content: content,
            updatedByUserId: actor.userId,
            updatedAt: sql`clock_timestamp()`,
          })
          .where(eq(strategyVersions.id, versionId))
          .catch(lifecycleAsConflict);
        return versionView(tx, networkId, versionId);
      }),
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
      await asActor(request, async (tx) => {
        await requireActiveNetwork(tx, networkId);
        await requireTeam(tx, networkId);
        const version = await versionOf(tx, networkId, versionId);
        if (version.status !== 'draft')
          throw conflict(
            'not_a_draft',
            `Only a draft is discarded; this version is ${version.status.replace('_', ' ')}.`,
          );
        await tx.delete(strategyVersions).where(eq(strategyVersions.id, versionId)).catch(lifecycleAsConflict);
      });
      return reply.code(204).send(null);
    },
  );

  /** A lifecycle step: from the given status to the next, by the team (publishing: the focal firm's part of it). */
  const step = (
    path: string,
    operationId: string,
    summary: string,
    from: 'draft' | 'in_review',
    to: 'draft' | 'in_review' | 'published',
  ) =>
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
      async (request) => {
        const { networkId, versionId } = request.params;
        let emails: string[] = [];
        let actorFirmId = '';
        const view = await asActor(request, async (tx, actor) => {
          actorFirmId = actor.firmId;
          await requireActiveNetwork(tx, networkId);
          const role = await requireTeam(tx, networkId);
          if (to === 'published' && !role.focal)
            throw forbidden(
              'focal_firm_only',
              "Only the focal firm's members of the strategy team publish the strategy.",
            );
          const version = await versionOf(tx, networkId, versionId);
          if (version.status !== from)
            throw conflict(
              from === 'draft' ? 'not_a_draft' : 'not_in_review',
              `This needs a version ${from === 'draft' ? 'in draft' : 'in review'}; version ${version.version} is ${version.status.replace('_', ' ')}.`,
            );
          const now = sql`clock_timestamp()`;
          await tx
            .update(strategyVersions)
            .set({
              status: to,
              updatedByUserId: actor.userId,
              updatedAt: now,
              ...(to === 'in_review' ? { submittedAt: now } : {}),
              ...(to === 'published' ? { publishedAt: now, publishedByUserId: actor.userId } : {}),
            })
            .where(eq(strategyVersions.id, versionId))
            .catch(lifecycleAsConflict);
          if (to === 'published') {
            emails = await notify(tx, {
              networkId,
              senderFirmId: actor.firmId,
              users: null,
              kind: 'strategy_published',
              title: `Joint strategy version ${version.version} published: ${version.title}`,
              body: `Version ${version.version} of the joint CRM strategy is published. Executive sponsors: please read it and sign it off or request changes.`,
              link: STRATEGY_LINK,
              emails: await sponsorEmails(tx, networkId),
              portalUrl: options.portalUrl,
            });
          } else if (to === 'in_review') {
            const team = await strategyTeam(tx, networkId, role.focalFirmId);
            await notify(tx, {
              networkId,
              senderFirmId: actor.firmId,
              users: team.map((t) => t.id).filter((id) => id !== actor.userId),
              kind: 'strategy_in_review',
              title: `Joint strategy version ${version.version} is in review`,
              body: 'Read it and comment on its sections before it is published.',
              link: STRATEGY_LINK,
              emails: [],
              portalUrl: options.portalUrl,
            });
          }
          return versionView(tx, networkId, versionId);
        });
        if (to === 'published') await afterCommit(networkId, emails, actorFirmId);
        return view;
      },
    );
  step('submit', 'submitStrategyVersion', 'Put a draft in review (strategy team)', 'draft', 'in_review');
  step(
    'return',
    'returnStrategyVersion',
    'Return a version in review to draft, to edit it (strategy team)',
    'in_review',
    'draft',
  );
  step(
    'publish',
    'publishStrategyVersion',
    "Publish a version in review (the focal firm's team members): members are notified, sponsors emailed",
    'in_review',
    'published',
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
      const comment = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        await versionOf(tx, networkId, versionId);
        const [row] = await tx
          .insert(strategyComments)
          .values({
            networkId,
            versionId,
            section: request.body.section,
            firmId: actor.firmId,
            userId: actor.userId,
            body: request.body.body,
          })
          .returning({ id: strategyComments.id });
        return (await commentsOf(tx, versionId)).find((c) => c.id === row!.id)!;
      });
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
      const { decision } = request.body;
      const reason = (request.body.reason ?? '').trim();
      let actorFirmId = '';
      const signoff = await asActor(request, async (tx, actor) => {
        actorFirmId = actor.firmId;
        await requireActiveNetwork(tx, networkId);
        const role = await strategyRole(tx, networkId);
        const version = await versionOf(tx, networkId, versionId);
        const [sponsor] = await query<{ sponsor: boolean }>(
          tx,
          sql`select exists (select 1 from network_memberships where network_id = ${networkId}::uuid
                and firm_id = ${actor.firmId}::uuid and executive_sponsor_user_id = ${actor.userId}::uuid) as sponsor`,
        );
        if (role.focal || !sponsor?.sponsor)
          throw forbidden(
            'sponsor_only',
            "Only a partner firm's executive sponsor signs the strategy off or requests changes; your firm names its sponsor in the network's members.",
          );
        const latest = await latestPublished(tx, networkId);
        if (version.status !== 'published' || latest?.id !== version.id)
          throw conflict(
            'not_latest_version',
            latest
              ? `Decisions are taken on the latest published version, version ${latest.version}.`
              : 'No version is published yet.',
          );
        if (decision === 'changes_requested' && !reason)
          throw new ApiProblem(422, 'reason_required', 'A reason is required', 'Say what should change.', [
            { path: '/reason', message: 'required when requesting changes' },
          ]);
        const [row] = await tx
          .insert(strategySignoffs)
          .values({ networkId, versionId, firmId: actor.firmId, userId: actor.userId, decision, reason })
          .returning({ id: strategySignoffs.id })
          .catch(lifecycleAsConflict);
        const view = (await signoffsOf(tx, versionId)).find((s) => s.id === row!.id)!;
        const team = await strategyTeam(tx, networkId, role.focalFirmId);
        await notify(tx, {
          networkId,
          senderFirmId: actor.firmId,
          users: team.map((t) => t.id),
          kind: decision === 'signed' ? 'strategy_signed' : 'strategy_changes_requested',
          title:
            decision === 'signed'
              ? `${view.firmName} signed off strategy version ${version.version}`
              : `${view.firmName} requests changes to strategy version ${version.version}`,
          body: decision === 'signed' ? `${view.by.name} signed it off.` : `${view.by.name}: ${reason}`,
          link: STRATEGY_LINK,
          emails: [],
          portalUrl: options.portalUrl,
        });
        return view;
      });
      await afterCommit(networkId, [], actorFirmId);
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
      asActor(request, async (tx) => {
        const { networkId } = request.params;
        await requireActiveNetwork(tx, networkId);
        const to = request.query.to
          ? await versionOf(tx, networkId, request.query.to)
          : await newestVersion(tx, networkId);
        if (!to) throw notFound('strategy version');
        const fromId = request.query.from ?? to.basedOnId;
        const from = fromId ? await versionOf(tx, networkId, fromId) : null;
        return {
          from: from ? { id: from.id, version: from.version } : null,
          to: { id: to.id, version: to.version },
          sections: diffStrategy(contentOf(from), contentOf(to)),
        };
      }),
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
      const member = await asActor(request, async (tx, actor) => {
        await requireActiveNetwork(tx, networkId);
        const role = await requireTeam(tx, networkId);
        if (!role.focal)
          throw forbidden('focal_firm_only', 'Only the focal firm invites people onto the strategy team.');
        const person = (await networkPeople(tx, networkId)).find(
          (p) => p.id === request.body.userId && p.firmId !== role.focalFirmId,
        );
        if (!person) throw notFound('person of a partner firm in this network');
        if (person.role !== 'firm_admin' && person.role !== 'manager')
          throw new ApiProblem(
            422,
            'senior_manager_required',
            'Not a senior manager',
            `The strategy team is for senior managers: ${person.name} is ${person.role} at ${person.firmName}.`,
            [{ path: '/userId', message: 'must be a firm admin or manager of a partner firm' }],
          );
        await tx
          .insert(strategyTeamMembers)
          .values({ networkId, userId: person.id, firmId: person.firmId, addedByUserId: actor.userId })
          .onConflictDoNothing();
        await notify(tx, {
          networkId,
          senderFirmId: actor.firmId,
          users: [person.id],
          kind: 'strategy_team_invitation',
          title: 'You are on the joint strategy team',
          body: 'You can now edit drafts of the joint CRM strategy and comment on them.',
          link: STRATEGY_LINK,
          emails: [],
          portalUrl: options.portalUrl,
        });
        const { email: _email, ...rest } = person;
        return { ...rest, invited: true };
      });
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
      await asActor(request, async (tx) => {
        await requireActiveNetwork(tx, networkId);
        const role = await requireTeam(tx, networkId);
        if (!role.focal) throw forbidden('focal_firm_only', 'Only the focal firm changes the strategy team.');
        const removed = await tx
          .delete(strategyTeamMembers)
          .where(and(eq(strategyTeamMembers.networkId, networkId), eq(strategyTeamMembers.userId, userId)))
          .returning({ userId: strategyTeamMembers.userId });
        if (!removed.length) throw notFound('invited team member');
      });
      return reply.code(204).send(null);
    },
  );
};
