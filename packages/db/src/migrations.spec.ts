import { generateDrizzleJson, generateMigration, type DrizzleSnapshotJSON } from 'drizzle-kit/api';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import * as schema from './schema/index.ts';

const meta = new URL('../migrations/meta/', import.meta.url);

describe('migrations', () => {
  it('are in step with the schema: generating now would produce nothing (run `pnpm gen` after a schema change)', async () => {
    const journal = JSON.parse(await readFile(new URL('_journal.json', meta), 'utf8')) as {
      entries: Array<{ idx: number }>;
    };
    const last = journal.entries.at(-1)!.idx.toString().padStart(4, '0');
    const committed = JSON.parse(await readFile(new URL(`${last}_snapshot.json`, meta), 'utf8')) as DrizzleSnapshotJSON;
    const current = generateDrizzleJson(schema, committed.id, undefined, 'snake_case');
    expect(await generateMigration(committed, current)).toEqual([]);
  });
});
