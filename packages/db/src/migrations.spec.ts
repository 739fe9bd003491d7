import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as schema from './schema/index.ts';

// drizzle-kit's declarations lean on types it does not ship; this is the part of its API used here.
interface DrizzleKitApi {
  generateDrizzleJson(imports: object, prevId: string, schemaFilters: undefined, casing: 'snake_case'): object;
  generateMigration(previous: object, current: object): Promise<string[]>;
}

const meta = new URL('../migrations/meta/', import.meta.url);

describe('migrations', () => {
  it('are in step with the schema: generating now would produce nothing (run `pnpm gen` after a schema change)', async () => {
    const kit = (await import('drizzle-kit/api')) as unknown as DrizzleKitApi;
    const journal = JSON.parse(await readFile(new URL('_journal.json', meta), 'utf8')) as {
      entries: Array<{ idx: number }>;
    };
    const last = journal.entries.at(-1)!.idx.toString().padStart(4, '0');
    const committed = JSON.parse(await readFile(new URL(`${last}_snapshot.json`, meta), 'utf8')) as { id: string };
    const current = kit.generateDrizzleJson(schema, committed.id, undefined, 'snake_case');
    expect(await kit.generateMigration(committed, current)).toEqual([]);
  });
});
