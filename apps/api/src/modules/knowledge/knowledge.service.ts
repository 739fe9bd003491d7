// Joint knowledge: insights and their comments. Row-level security decides who reads which; Markdown
// is rendered here and sanitised, so no author can put script or tracking into a partner's page.
import {
  firms,
  insightComments,
  insightReaders,
  insights,
  networkMemberships,
  query,
  users,
  type Transaction,
} from '@accord/db';
import { and, arrayContains, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { Static } from 'typebox';
import { ApiProblem, notFound } from '../../http/problems.ts';
import type { CreateInsightBody } from './knowledge.schemas.ts';

/** Markdown to HTML a partner's browser can show safely: text formatting, lists, tables, code and links. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
    allowedAttributes: { a: ['href', 'title', 'rel'], code: ['class'], th: ['align'], td: ['align'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
  });
}

const authorFirm = alias(firms, 'author_firm');
const readerFirm = alias(firms, 'reader_firm');

export async function listInsights(
  tx: Transaction,
  networkId: string,
  filter: { tag?: string; segment?: string; id?: string } = {},
) {
  const rows = await tx
    .select({ i: insights, firmName: authorFirm.name, userName: users.name })
    .from(insights)
    .innerJoin(authorFirm, eq(authorFirm.id, insights.authorFirmId))
    .leftJoin(users, eq(users.id, insights.authorUserId))
    .where(
      and(
        eq(insights.networkId, networkId),
        filter.tag ? arrayContains(insights.tags, [filter.tag]) : undefined,
        filter.segment ? eq(insights.segment, filter.segment) : undefined,
        filter.id ? eq(insights.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(insights.createdAt), desc(insights.id))
    .limit(200);
  const ids = rows.map((r) => r.i.id);
  const readers = ids.length
    ? await tx
        .select({ insightId: insightReaders.insightId, id: readerFirm.id, name: readerFirm.name })
        .from(insightReaders)
        .innerJoin(readerFirm, eq(readerFirm.id, insightReaders.firmId))
        .where(inArray(insightReaders.insightId, ids))
        .orderBy(asc(readerFirm.name))
    : [];
  const commentAuthorFirm = alias(firms, 'comment_firm');
  const comments = ids.length
    ? await tx
        .select({ c: insightComments, firmName: commentAuthorFirm.name, userName: users.name })
        .from(insightComments)
        .innerJoin(commentAuthorFirm, eq(commentAuthorFirm.id, insightComments.authorFirmId))
        .leftJoin(users, eq(users.id, insightComments.authorUserId))
        .where(inArray(insightComments.insightId, ids))
        .orderBy(asc(insightComments.createdAt), asc(insightComments.id))
    : [];
  return rows.map(({ i, firmName, userName }) => ({
    id: i.id,
    networkId: i.networkId,
    author: {
      firm: { id: i.authorFirmId, name: firmName },
      user: userName === null ? null : { id: i.authorUserId, name: userName },
    },
    title: i.title,
    body: i.body,
    bodyHtml: renderMarkdown(i.body),
    tags: i.tags,
    dataset: i.dataset,
    segment: i.segment,
    audience: i.audience,
    readers: readers.filter((r) => r.insightId === i.id).map((r) => ({ id: r.id, name: r.name })),
    comments: comments
      .filter(({ c }) => c.insightId === i.id)
      .map(({ c, firmName: commentFirm, userName: commenter }) => ({
        id: c.id,
        author: {
          firm: { id: c.authorFirmId, name: commentFirm },
          user: commenter === null ? null : { id: c.authorUserId, name: commenter },
        },
        body: c.body,
        bodyHtml: renderMarkdown(c.body),
        createdAt: c.createdAt.toISOString(),
      })),
    createdAt: i.createdAt.toISOString(),
  }));
}

export async function getInsight(tx: Transaction, networkId: string, insightId: string) {
  const [insight] = await listInsights(tx, networkId, { id: insightId });
  if (!insight) throw notFound('insight in this network');
  return insight;
}

/** An insight links to a segment of the network's joint scheme (any published version). */
export async function assertJointSegment(tx: Transaction, networkId: string, segment: string) {
  const [known] = await query<{ known: boolean }>(
    tx,
    sql`select exists (select 1 from segmentation_schemes s, jsonb_array_elements(s.segments) e
                       where s.network_id = ${networkId} and e->>'name' = ${segment}) as known`,
  );
  if (!known?.known) {
    throw new ApiProblem(
      422,
      'unknown_segment',
      'Unprocessable content',
      `"${segment}" is not a segment of the network's joint scheme; see GET .../segmentation-schemes.`,
    );
  }
}

/** The chosen readers must be active members of the network (other than the author's firm). */
export async function assertReaders(tx: Transaction, networkId: string, firmIds: string[]) {
  if (!firmIds.length) return;
  const members = await tx
    .select({ firmId: networkMemberships.firmId })
    .from(networkMemberships)
    .where(
      and(
        eq(networkMemberships.networkId, networkId),
        eq(networkMemberships.status, 'active'),
        inArray(networkMemberships.firmId, firmIds),
      ),
    );
  const missing = firmIds.filter((id) => !members.some((m) => m.firmId === id));
  if (missing.length) {
    throw new ApiProblem(
      422,
      'not_an_active_member',
      'Unprocessable content',
      `Not active members of this network: ${missing.join(', ')}.`,
    );
  }
}

export type NewInsight = Static<typeof CreateInsightBody>;

/** A member shares an insight with the network or with chosen partner firms (never just itself). */
export async function shareInsight(
  tx: Transaction,
  author: { networkId: string; firmId: string; userId: string },
  input: NewInsight,
) {
  const { networkId } = author;
  const readers = [...new Set(input.readerFirmIds ?? [])].filter((id) => id !== author.firmId);
  if (input.audience === 'firms' && !readers.length) {
    throw new ApiProblem(
      422,
      'readers_required',
      'Unprocessable content',
      'Choose at least one partner firm in readerFirmIds, or share with the whole network.',
    );
  }
  await assertReaders(tx, networkId, input.audience === 'firms' ? readers : []);
  if (input.segment !== undefined) await assertJointSegment(tx, networkId, input.segment);
  const [created] = await tx
    .insert(insights)
    .values({
      networkId,
      authorFirmId: author.firmId,
      authorUserId: author.userId,
      title: input.title,
      body: input.body,
      tags: [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()))],
      dataset: input.dataset ?? null,
      segment: input.segment ?? null,
      audience: input.audience,
    })
    .returning({ id: insights.id });
  if (input.audience === 'firms') {
    await tx.insert(insightReaders).values(readers.map((firmId) => ({ insightId: created!.id, firmId })));
  }
  return getInsight(tx, networkId, created!.id);
}

/** Comments on an insight the acting firm can read. */
export async function commentOnInsight(
  tx: Transaction,
  author: { firmId: string; userId: string },
  networkId: string,
  insightId: string,
  body: string,
) {
  await getInsight(tx, networkId, insightId);
  await tx
    .insert(insightComments)
    .values({ insightId, authorFirmId: author.firmId, authorUserId: author.userId, body });
  return getInsight(tx, networkId, insightId);
}
