// Real PostgreSQL and Redis for the integration tier: the ones named by DATABASE_URL and REDIS_URL,
// or throwaway servers on loopback started here. Migrated and seeded with the demo value chain once.
import { openDatabase } from '@accord/db';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../apps/api/src/modules/demo/demo.seed.ts';
import { startPostgres, startRedis } from '../../infra/local/services.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.DATABASE_URL;
  let redisUrl = process.env.REDIS_URL;
  if (!databaseUrl) {
    const postgres = await startPostgres();
    stops.push(() => postgres.stop());
    databaseUrl = postgres.url;
  }
  if (!redisUrl) {
    const redis = await startRedis();
    stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const database = openDatabase({ url: databaseUrl, max: 1 });
  await database.migrate();
  await seedDemo(database.db);
  await database.close();
  project.provide('databaseUrl', databaseUrl);
  project.provide('redisUrl', redisUrl);
  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
