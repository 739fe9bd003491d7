import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { clientDir, generateClientFiles } from './openapi-generator.ts';

describe('generated API client', () => {
  it('is fresh: the committed OpenAPI document and types match the routes (run `pnpm gen`)', async () => {
    const { openapi, types } = await generateClientFiles();
    expect(await readFile(`${clientDir}openapi.json`, 'utf8')).toBe(openapi);
    expect(await readFile(`${clientDir}src/schema.d.ts`, 'utf8')).toBe(types);
  }, 30_000);

  it('documents every operation with an id, summary, tags and responses', async () => {
    const document = JSON.parse((await generateClientFiles()).openapi) as {
      paths: Record<
        string,
        Record<string, { operationId?: string; summary?: string; tags?: string[]; responses?: object }>
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const op of operations) {
      expect(op.operationId, op.at).toBeTruthy();
      expect(op.summary, op.at).toBeTruthy();
      expect(op.tags?.length, op.at).toBeGreaterThan(0);
      expect(Object.keys(op.responses ?? {}), op.at).not.toHaveLength(0);
    }
  }, 30_000);
});
