// Writes the OpenAPI document and the client's types from the routes' own schemas, without
// listening or touching a database. `pnpm gen` runs it; a test fails when the committed files differ.
import { openDatabase } from '@accord/db';
import type { JobQueue } from '@accord/jobs';
import openapiTS, { astToString } from 'openapi-typescript';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';

export const clientDir = fileURLToPath(new URL('../../../packages/api-client/', import.meta.url));

const unusedQueue: JobQueue = {
  kind: 'in-process',
  enqueue: () => Promise.reject(new Error('the OpenAPI generator runs no jobs')),
  every: () => Promise.reject(new Error('the OpenAPI generator runs no jobs')),
  ping: () => Promise.resolve(),
  depth: () => Promise.resolve({ waiting: 0, active: 0 }),
  close: () => Promise.resolve(),
};

export async function generateClientFiles(): Promise<{ openapi: string; types: string }> {
  const database = openDatabase();
  const app = await buildApp({ database, queue: unusedQueue, jwtSecret: 'openapi-generator', portalUrl: '' });
  try {
    await app.ready();
    const document = app.swagger();
    const openapi = `${JSON.stringify(document, null, 2)}\n`;
    const ast = await openapiTS(JSON.parse(openapi) as Parameters<typeof openapiTS>[0]);
    const types = `// Generated from openapi.json by \`pnpm gen\`; do not edit.\n${astToString(ast)}`;
    return { openapi, types };
  } finally {
    await app.close();
    await database.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { openapi, types } = await generateClientFiles();
  await writeFile(`${clientDir}openapi.json`, openapi);
  await writeFile(`${clientDir}src/schema.d.ts`, types);
  console.log(`wrote ${clientDir}openapi.json and src/schema.d.ts`);
}
