// The demo value chain's data: two years of a seeded buy-till-you-die customer base shared by the
// three retailers, with Litware's shipments, pushed through the real feed API as each firm's admin
// would push it. Demo mode only, once, right after the chain is seeded.
import { dayOf } from '@accord/domain';
import { datasets, generateValueChain } from '@accord/fixtures';
import type { FastifyBaseLogger } from 'fastify';
import type { App } from '../../app.ts';
import { DEMO_PASSWORD } from './demo.seed.ts';

export interface DemoFeedOptions {
  customers?: number;
  /** The feeds end here (exclusive); they start two years earlier. */
  end?: Date;
}

export async function pushDemoFeeds(
  app: App,
  logger: FastifyBaseLogger,
  options: DemoFeedOptions = {},
): Promise<number> {
  const end = options.end ?? new Date();
  const start = new Date(end);
  start.setUTCFullYear(end.getUTCFullYear() - 2);
  const chain = generateValueChain({
    seed: 2026,
    customers: options.customers ?? 1500,
    start: dayOf(start),
    end: dayOf(end),
    retailers: ['tailspin', 'wingtip', 'adventure'],
    logisticsProvider: 'litware',
  });
  let batches = 0;
  for (const [slug, feeds] of Object.entries(chain.firms)) {
    const login = await app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: `admin@${slug}.example`, password: DEMO_PASSWORD },
    });
    const token = login.json<{ accessToken: string }>().accessToken;
    const headers = { authorization: `Bearer ${token}` };
    const networks = await app.inject({ url: '/v1/networks', headers });
    const networkId = networks.json<{ items: Array<{ id: string }> }>().items[0]?.id;
    if (!networkId) continue;
    for (const dataset of datasets) {
      const produce = feeds[dataset];
      if (!produce) continue;
      const body = `${[chain.header[dataset], ...produce()].join('\n')}\n`;
      const pushed = await app.inject({
        method: 'POST',
        url: `/v1/networks/${networkId}/feeds/${dataset}`,
        headers: { ...headers, 'content-type': 'text/csv', 'idempotency-key': `demo-${slug}-${dataset}` },
        payload: body,
      });
      if (pushed.statusCode !== 202)
        throw new Error(`demo ${dataset} feed of ${slug}: ${pushed.statusCode} ${pushed.body}`);
      batches += 1;
    }
  }
  logger.info({ batches }, 'demo feeds pushed through the feed API');
  return batches;
}
