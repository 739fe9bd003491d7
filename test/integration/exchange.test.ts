// The data exchange on real PostgreSQL and Redis: pipelines push feeds with API keys, the worker
// checks, hashes, COPYs and merges them exactly once, and bad input is reported, never lost silently.
import { activities, apiKeys, batchErrors, feedBatchChunks, serviceCases, shipments, transactions } from '@accord/db';
import { customerKey } from '@accord/domain';
import { and, eq, sql } from 'drizzle-orm';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, unique, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let tailspin: SignedIn;
let networkId: string;
let key: string;

interface Batch {
  id: string;
  status: string;
  rowsReceived: number;
  rowsAccepted: number;
  rowsRejected: number;
  errorRowsKept: number;
  error: { code: string; message: string } | null;
  progress: number;
}

const TX_HEADER = 'order_id,line_no,occurred_at,customer_id,sku,quantity,net_amount,currency,channel';

beforeAll(async () => {
  h = await startHarness();
  tailspin = await signIn(h.app, 'admin@tailspin.example');
  networkId = (await h.app.inject({ url: '/v1/networks', headers: tailspin.headers })).json<{
    items: Array<{ id: string }>;
  }>().items[0]!.id;
  key = await createKey(tailspin, ['transactions', 'shipments', 'service_cases', 'activities']);
});
afterAll(() => h.close());

async function createKey(as: SignedIn, datasets: string[], network = networkId): Promise<string> {
  const created = await h.app.inject({
    method: 'POST',
    url: `/v1/firms/${as.firmId}/api-keys`,
    headers: as.headers,
    payload: { name: unique('pipeline'), networkId: network, datasets },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ key: string }>().key;
}

interface PushOptions {
  apiKey?: string;
  idempotencyKey?: string;
  contentType?: string;
  gzip?: boolean;
  query?: string;
  network?: string;
}

function push(dataset: string, body: string | Buffer, options: PushOptions = {}) {
  return h.app.inject({
    method: 'POST',
    url: `/v1/networks/${options.network ?? networkId}/feeds/${dataset}${options.query ? `?${options.query}` : ''}`,
    headers: {
      authorization: `Bearer ${options.apiKey ?? key}`,
      'content-type': options.contentType ?? 'text/csv',
      'idempotency-key': options.idempotencyKey ?? unique('feed'),
      ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
    },
    payload: options.gzip ? gzipSync(body) : body,
  });
}

async function waitBatch(id: string, apiKey = key): Promise<Batch> {
  for (let i = 0; i < 600; i++) {
    const batch = (
      await h.app.inject({
        url: `/v1/networks/${networkId}/batches/${id}`,
        headers: { authorization: `Bearer ${apiKey}` },
      })
    ).json<Batch>();
    if (batch.status === 'succeeded' || batch.status === 'failed') return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`batch ${id} did not finish`);
}

async function ingest(dataset: string, body: string | Buffer, options: PushOptions = {}): Promise<Batch> {
  const response = await push(dataset, body, options);
  expect(response.statusCode, response.body).toBe(202);
  return waitBatch(response.json<Batch>().id, options.apiKey);
}

async function errorsOf(batchId: string) {
  const response = await h.app.inject({
    url: `/v1/networks/${networkId}/batches/${batchId}/errors?limit=1000`,
    headers: tailspin.headers,
  });
  return response.json<{ items: Array<{ rowNumber: number; column: string; value: string; code: string }> }>().items;
}

function txRows(prefix: string, n: number, amount = (i: number) => `${(i % 97) + 0.25}`) {
  const lines = [TX_HEADER];
  for (let i = 1; i <= n; i++)
    lines.push(
      `${prefix}-${i},1,2026-03-0${(i % 9) + 1},person-${i % 50}@example.net,SKU-${i % 7},1,${amount(i)},EUR,store`,
    );
  return `${lines.join('\n')}\n`;
}

async function factsOf(orderPrefix: string) {
  const [row] = await h.database.db
    .select({ rows: sql<number>`count(*)::int`, total: sql<string>`coalesce(sum(${transactions.netAmount}), 0)::text` })
    .from(transactions)
    .where(and(eq(transactions.firmId, tailspin.firmId), sql`${transactions.orderId} like ${`${orderPrefix}-%`}`));
  return row!;
}

describe('pushing feeds', () => {
  it('loads a CSV exactly: every row once, amounts exact, identifiers hashed and never stored', async () => {
    const prefix = unique('csv');
    const batch = await ingest('transactions', txRows(prefix, 500));
    expect(batch).toMatchObject({
      status: 'succeeded',
      rowsReceived: 500,
      rowsAccepted: 500,
      rowsRejected: 0,
      progress: 1,
    });
    const expected = Array.from({ length: 500 }, (_, i) => ((i + 1) % 97) + 0.25).reduce((a, b) => a + b, 0);
    const facts = await factsOf(prefix);
    expect(facts.rows).toBe(500);
    expect(Number(facts.total)).toBeCloseTo(expected, 6);
    const [sample] = await h.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.orderId, `${prefix}-1`));
    const recipe = (await h.app.inject({ url: `/v1/networks/${networkId}/hashing`, headers: tailspin.headers })).json<{
      key: string;
    }>();
    expect(sample!.customerKey).toBe(customerKey(recipe.key, 'person-1@example.net'));
    expect(JSON.stringify(sample)).not.toContain('example.net');
  });

  it('loads gzip-compressed CSV and NDJSON the same way', async () => {
    const zipped = unique('gz');
    expect(await ingest('transactions', txRows(zipped, 300), { gzip: true })).toMatchObject({
      status: 'succeeded',
      rowsAccepted: 300,
    });
    expect((await factsOf(zipped)).rows).toBe(300);

    const nd = unique('nd');
    const ndjson = Array.from({ length: 40 }, (_, i) =>
      JSON.stringify({
        order_id: `${nd}-${i}`,
        line_no: 1,
        occurred_at: '2026-04-01T09:30:00+02:00',
        customer_id: `nd-${i}@example.net`,
        sku: 'SKU-1',
        quantity: 2,
        net_amount: '19.90',
        cost_amount: null,
        currency: 'EUR',
        channel: 'web',
      }),
    ).join('\n');
    expect(await ingest('transactions', ndjson, { contentType: 'application/x-ndjson' })).toMatchObject({
      status: 'succeeded',
      rowsAccepted: 40,
    });
    expect(await factsOf(nd)).toEqual({ rows: 40, total: '796.000000' });
    expect(
      await ingest('transactions', `${ndjson}\n`, { contentType: 'application/x-ndjson', gzip: true }),
    ).toMatchObject({
      status: 'succeeded',
    });
  });

  it('loads shipments, service cases and activities', async () => {
    const id = unique('s');
    const ship = await ingest(
      'shipments',
      `shipment_id,order_id,customer_id,carrier,promised_at,delivered_at,expedited,cost_amount\n${id}-1,o-1,a@example.net,Litware,2026-03-02,2026-03-03,false,4.50\n${id}-2,o-2,b@example.net,Litware,2026-03-02,,true,9.00\n`,
    );
    const cases = await ingest(
      'service_cases',
      `case_id,customer_id,opened_at,resolved_at,channel,category,satisfaction\n${id}-c1,a@example.net,2026-03-02T10:00:00Z,2026-03-04T10:00:00Z,phone,delivery,4\n${id}-c2,b@example.net,2026-03-05,,web,returns,\n`,
    );
    const acts = await ingest(
      'activities',
      `customer_id,activity,occurred_at,quantity\n${id}@example.net,order_change,2026-03-02,2\n${id}@example.net,post_sales_support,2026-03-03,1\n`,
    );
    for (const b of [ship, cases, acts]) expect(b).toMatchObject({ status: 'succeeded', rowsAccepted: 2 });
    const inTransit = await h.database.db
      .select()
      .from(shipments)
      .where(eq(shipments.shipmentId, `${id}-2`));
    expect(inTransit[0]).toMatchObject({ deliveredAt: null, expedited: true, costAmount: '9.000000' });
    const open = await h.database.db
      .select()
      .from(serviceCases)
      .where(eq(serviceCases.caseId, `${id}-c2`));
    expect(open[0]).toMatchObject({ resolvedAt: null, satisfaction: null });
    const count = await h.database.db.select().from(activities).where(eq(activities.batchId, acts.id));
    expect(count).toHaveLength(2);
  });

  it('restates a re-sent row instead of duplicating it, and the last of duplicates within a batch wins', async () => {
    const prefix = unique('restate');
    await ingest(
      'transactions',
      txRows(prefix, 10, () => '10.00'),
    );
    await ingest(
      'transactions',
      txRows(prefix, 10, () => '12.50'),
    );
    expect(await factsOf(prefix)).toEqual({ rows: 10, total: '125.000000' });
    const twice = `${TX_HEADER}\n${prefix}-dup,1,2026-03-01,x@example.net,S,1,1.00,EUR,web\n${prefix}-dup,1,2026-03-01,x@example.net,S,1,2.00,EUR,web\n`;
    expect(await ingest('transactions', twice)).toMatchObject({
      status: 'succeeded',
      rowsReceived: 2,
      rowsAccepted: 2,
    });
    const [dup] = await h.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.orderId, `${prefix}-dup`));
    expect(dup!.netAmount).toBe('2.000000');
  });
});

describe('bad rows', () => {
  const rowCases: Array<[string, string, string, string]> = [
    // [column, value placed in that column, expected code, note]
    ['occurred_at', '1997-02-30', 'invalid_date', 'impossible date'],
    ['occurred_at', '03/04/2026', 'invalid_date', 'not ISO 8601'],
    ['net_amount', 'twelve', 'invalid_number', 'non-numeric amount'],
    ['net_amount', '1.2.3', 'invalid_number', 'two decimal points'],
    ['line_no', 'one', 'invalid_integer', 'non-integer line'],
    ['line_no', '-4', 'out_of_range', 'negative line'],
    ['channel', 'fax', 'invalid_value', 'unknown channel'],
    ['currency', 'EURO', 'invalid_currency', 'not ISO 4217'],
    ['sku', 'x'.repeat(201), 'too_long', 'overlong text'],
    ['sku', '', 'required', 'missing value'],
  ];
  const columns = TX_HEADER.split(',');
  const good = ['ok', '1', '2026-03-01', 'bad@example.net', 'SKU', '1', '5.00', 'EUR', 'web'];

  it('reports every invalid field with its row, column, value and code; valid rows still land (onError=skip)', async () => {
    const prefix = unique('bad');
    const lines = [TX_HEADER, [`${prefix}-good`, ...good.slice(1)].join(',')];
    for (const [i, [column, value]] of rowCases.entries()) {
      const fields = [`${prefix}-${i}`, ...good.slice(1)];
      fields[columns.indexOf(column)] = value;
      lines.push(fields.join(','));
    }
    lines.push(`${prefix}-short,1,2026-03-01`);
    const batch = await ingest('transactions', `${lines.join('\n')}\n`);
    expect(batch).toMatchObject({
      status: 'succeeded',
      rowsReceived: rowCases.length + 2,
      rowsAccepted: 1,
      rowsRejected: rowCases.length + 1,
    });
    const errors = await errorsOf(batch.id);
    for (const [i, [column, value, code, note]] of rowCases.entries()) {
      expect(errors, note).toContainEqual(
        expect.objectContaining({ rowNumber: i + 2, column, code, value: value.slice(0, 200) }),
      );
    }
    expect(errors).toContainEqual(expect.objectContaining({ rowNumber: rowCases.length + 2, code: 'field_count' }));
    expect((await factsOf(prefix)).rows).toBe(1);

    const csv = await h.app.inject({
      url: `/v1/networks/${networkId}/batches/${batch.id}/errors?format=csv`,
      headers: tailspin.headers,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('row_number,column,value,code,message');
    expect(csv.body).toContain('2,occurred_at,1997-02-30,invalid_date,');
  });

  it('checks customer identifiers: one of customer_id or a well-formed customer_key', async () => {
    const prefix = unique('ids');
    const hashed = 'a'.repeat(64);
    const body = [
      'order_id,line_no,occurred_at,customer_id,customer_key,sku,quantity,net_amount,currency,channel',
      `${prefix}-1,1,2026-03-01,,${hashed},S,1,1.00,EUR,web`,
      `${prefix}-2,1,2026-03-01,p@example.net,${hashed},S,1,1.00,EUR,web`,
      `${prefix}-3,1,2026-03-01,,not-hex,S,1,1.00,EUR,web`,
      `${prefix}-4,1,2026-03-01,,,S,1,1.00,EUR,web`,
    ].join('\n');
    const batch = await ingest('transactions', body);
    expect(batch).toMatchObject({ rowsAccepted: 1, rowsRejected: 3 });
    expect((await errorsOf(batch.id)).map((e) => [e.rowNumber, e.code])).toEqual([
      [2, 'customer_identifier_conflict'],
      [3, 'invalid_customer_key'],
      [4, 'required'],
    ]);
  });

  it('loads nothing when any row is invalid and onError=reject', async () => {
    const prefix = unique('reject');
    const body = `${txRows(prefix, 20)}${prefix}-x,1,2026-02-30,p@example.net,S,1,1.00,EUR,web\n`;
    const batch = await ingest('transactions', body, { query: 'onError=reject' });
    expect(batch).toMatchObject({
      status: 'failed',
      rowsReceived: 21,
      rowsRejected: 1,
      rowsAccepted: 0,
      error: { code: 'rows_rejected' },
    });
    expect((await factsOf(prefix)).rows).toBe(0);
    expect(await errorsOf(batch.id)).toHaveLength(1);
  });

  it('rejects an NDJSON row with a nested value, however deep, and loads the others', async () => {
    const prefix = unique('nested');
    const row = (i: number, customer: unknown) =>
      `{"order_id":"${prefix}-${i}","line_no":1,"occurred_at":"2026-03-01","customer_id":${JSON.stringify(customer)},"sku":"S","quantity":1,"net_amount":"2.50","currency":"EUR","channel":"web"}`;
    // 20,000 levels: JSON.parse takes it; turning it back into text would overflow the stack
    const deep = `{"order_id":"${prefix}-2","line_no":1,"occurred_at":"2026-03-01","customer_id":${'['.repeat(20_000)}${']'.repeat(20_000)},"sku":"S","quantity":1,"net_amount":"2.50","currency":"EUR","channel":"web"}`;
    const body = [row(1, 'a@example.net'), deep, row(3, { id: 'b' }), row(4, 'c@example.net')].join('\n');
    const batch = await ingest('transactions', body, { contentType: 'application/x-ndjson' });
    expect(batch).toMatchObject({ status: 'succeeded', rowsReceived: 4, rowsAccepted: 2, rowsRejected: 2 });
    expect((await errorsOf(batch.id)).map((e) => [e.rowNumber, e.column, e.code])).toEqual([
      [2, 'customer_id', 'invalid_value'],
      [3, 'customer_id', 'invalid_value'],
    ]);
    expect((await factsOf(prefix)).rows).toBe(2);
  });

  it('keeps the problems of the first 10,000 rejected rows, and counts them all', async () => {
    const lines = [TX_HEADER];
    for (let i = 1; i <= 10_050; i++) lines.push(`bad-${i},1,2026-13-01,p@example.net,S,1,1.00,EUR,web`);
    lines.push(`${unique('good')}-1,1,2026-03-01,p@example.net,S,1,1.00,EUR,web`);
    const batch = await ingest('transactions', `${lines.join('\n')}\n`);
    expect(batch).toMatchObject({ status: 'succeeded', rowsReceived: 10_051, rowsAccepted: 1, rowsRejected: 10_050 });
    expect(batch.errorRowsKept).toBe(10_000);
    const [kept] = await h.database.db
      .select({
        rows: sql<number>`count(distinct ${batchErrors.rowNumber})::int`,
        last: sql<number>`max(${batchErrors.rowNumber})::int`,
      })
      .from(batchErrors)
      .where(eq(batchErrors.batchId, batch.id));
    expect(kept).toEqual({ rows: 10_000, last: 10_000 });
  });

  it('rejects NDJSON lines that are not objects or carry unknown fields', async () => {
    const body = ['{"order_id": "n1"', '[1,2]', JSON.stringify({ order_id: 'n2', loyalty: 'gold' })].join('\n');
    const batch = await ingest('transactions', body, { contentType: 'application/x-ndjson' });
    expect((await errorsOf(batch.id)).map((e) => [e.rowNumber, e.code])).toEqual([
      [1, 'invalid_json'],
      [2, 'invalid_json'],
      [3, 'unknown_field'],
    ]);
  });
});

describe('bad feeds', () => {
  const feeds: Array<{
    name: string;
    body: () => string | Buffer;
    options?: PushOptions;
    code: string;
    message?: RegExp;
  }> = [
    {
      name: 'a wrong delimiter',
      body: () => `${TX_HEADER.replaceAll(',', ';')}\no;1;2026-03-01;p@example.net;S;1;1.00;EUR;web\n`,
      code: 'missing_columns',
      message: /semicolons or tabs/,
    },
    {
      name: 'a missing header',
      body: () => 'o-1,1,2026-03-01,p@example.net,S,1,1.00,EUR,web\n',
      code: 'missing_columns',
    },
    {
      name: 'extra columns',
      body: () => `${TX_HEADER},loyalty_tier\no,1,2026-03-01,p@example.net,S,1,1.00,EUR,web,gold\n`,
      code: 'unknown_columns',
      message: /ignoreUnknown/,
    },
    { name: 'a repeated column', body: () => `${TX_HEADER},sku\n`, code: 'duplicate_columns' },
    {
      name: 'no customer column',
      body: () => `${TX_HEADER.replace('customer_id,', '')}\n`,
      code: 'customer_identifier_column_missing',
    },
    { name: 'a header and no rows', body: () => `${TX_HEADER}\n`, code: 'no_rows' },
    {
      // checked in one pass: the repeated-column check was quadratic in the header's width
      name: 'a 100,000-column header',
      body: () => `${TX_HEADER},${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\n`,
      code: 'too_many_columns',
      message: /at most 256/,
    },
    {
      name: 'invalid UTF-8',
      body: () =>
        Buffer.concat([
          Buffer.from(`${TX_HEADER}\no,1,2026-03-01,p@example.net,S`),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(',1,1.00,EUR,web\n'),
        ]),
      code: 'invalid_utf8',
    },
    {
      name: 'a 10 MB field',
      body: () => `${TX_HEADER}\no,1,2026-03-01,p@example.net,${'x'.repeat(10 * 1024 * 1024)},1,1.00,EUR,web\n`,
      code: 'malformed_csv',
    },
    {
      name: 'an unterminated quote',
      body: () => `${TX_HEADER}\no,1,2026-03-01,"p@example.net,S,1,1.00,EUR,web\n`,
      code: 'malformed_csv',
    },
    {
      name: 'truncated gzip',
      body: () => {
        const zipped = gzipSync(txRows('trunc', 200));
        return zipped.subarray(0, zipped.length - 40);
      },
      options: { contentType: 'text/csv' },
      code: 'invalid_gzip',
    },
  ];

  for (const feed of feeds) {
    it(`fails a batch with ${feed.name} as ${feed.code}, and the API keeps serving`, async () => {
      const response = await h.app.inject({
        method: 'POST',
        url: `/v1/networks/${networkId}/feeds/transactions`,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'text/csv',
          'idempotency-key': unique('bad-feed'),
          ...(feed.code === 'invalid_gzip' ? { 'content-encoding': 'gzip' } : {}),
        },
        payload: feed.body(),
      });
      expect(response.statusCode).toBe(202);
      const batch = await waitBatch(response.json<Batch>().id);
      expect(batch.status).toBe('failed');
      expect(batch.error?.code).toBe(feed.code);
      if (feed.message) expect(batch.error?.message).toMatch(feed.message);
      // a batch that ended keeps no raw body: its identifiers are not stored
      expect(await h.database.db.select().from(feedBatchChunks).where(eq(feedBatchChunks.batchId, batch.id))).toEqual(
        [],
      );
      expect((await h.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    });
  }

  it('takes a byte-order mark and quoted newlines in stride', async () => {
    const prefix = unique('bom');
    const body = `\uFEFF${TX_HEADER}\n${prefix}-1,1,2026-03-01,p@example.net,"SKU with, comma",1,1.00,EUR,web\n${prefix}-2,1,2026-03-01,p@example.net,"two\nlines",1,2.00,EUR,web\n`;
    expect(await ingest('transactions', body)).toMatchObject({ status: 'succeeded', rowsAccepted: 2 });
    const rows = await h.database.db
      .select({ sku: transactions.sku })
      .from(transactions)
      .where(sql`${transactions.orderId} like ${`${prefix}-%`}`)
      .orderBy(transactions.orderId);
    expect(rows.map((r) => r.sku)).toEqual(['SKU with, comma', 'two\nlines']);
  });

  it('ignores unknown columns when asked to', async () => {
    const body = `${TX_HEADER},loyalty_tier\n${unique('ign')},1,2026-03-01,p@example.net,S,1,1.00,EUR,web,gold\n`;
    expect(await ingest('transactions', body, { query: 'ignoreUnknown=true' })).toMatchObject({
      status: 'succeeded',
      rowsAccepted: 1,
    });
  });

  it('answers problems for an empty body, no Idempotency-Key, an unknown dataset and other media types', async () => {
    const empty = await push('transactions', '');
    expect(empty.json()).toMatchObject({ status: 400, code: 'empty_body' });
    const noKey = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/feeds/transactions`,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' },
      payload: txRows('nokey', 1),
    });
    expect(noKey.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(JSON.stringify(noKey.json())).toContain('idempotency-key');
    const unknown = await push('invoices', txRows('inv', 1));
    expect(unknown.json()).toMatchObject({ status: 400, code: 'validation_failed' });
    const xml = await push('transactions', '<rows/>', { contentType: 'application/xml' });
    expect(xml.statusCode).toBe(415);
    const brotli = await h.app.inject({
      method: 'POST',
      url: `/v1/networks/${networkId}/feeds/transactions`,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'text/csv',
        'idempotency-key': unique('br'),
        'content-encoding': 'br',
      },
      payload: 'x',
    });
    expect(brotli.json()).toMatchObject({ status: 415, code: 'unsupported_encoding' });
  });
});

describe('idempotency', () => {
  it('answers the same batch for the same key and body, and 422 for the same key with another body', async () => {
    const idempotencyKey = unique('idem');
    const body = txRows(unique('idem'), 30);
    const first = await push('transactions', body, { idempotencyKey });
    await waitBatch(first.json<Batch>().id);
    const again = await push('transactions', body, { idempotencyKey });
    expect(again.statusCode).toBe(202);
    expect(again.json<Batch>().id).toBe(first.json<Batch>().id);
    const other = await push('transactions', txRows('other', 3), { idempotencyKey });
    expect(other.json()).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
    const otherDataset = await push('activities', body, { idempotencyKey });
    expect(otherDataset.statusCode).toBe(422);
  });

  it('answers 409 to a retry while the first upload is still arriving', async () => {
    const base = await h.app.listen({ host: '127.0.0.1', port: 0 });
    const idempotencyKey = unique('slow');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowBody = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(`${TX_HEADER}\n`));
        await held;
        controller.enqueue(new TextEncoder().encode(`${unique('slow')},1,2026-03-01,p@example.net,S,1,1.00,EUR,web\n`));
        controller.close();
      },
    });
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'idempotency-key': idempotencyKey };
    const first = fetch(`${base}/v1/networks/${networkId}/feeds/transactions`, {
      method: 'POST',
      headers,
      body: slowBody,
      duplex: 'half',
    } as RequestInit);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const retry = await fetch(`${base}/v1/networks/${networkId}/feeds/transactions`, {
      method: 'POST',
      headers,
      body: txRows('x', 1),
    });
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: 'batch_in_progress' });
    release();
    const done = await first;
    expect(done.status).toBe(202);
    expect(await waitBatch(((await done.json()) as Batch).id)).toMatchObject({ status: 'succeeded', rowsAccepted: 1 });
  });
});

describe('API keys', () => {
  it('are shown once, listed without the secret, and refused when revoked, expired, foreign or out of scope', async () => {
    await h.app.inject({ url: `/v1/networks/${networkId}/datasets`, headers: { authorization: `Bearer ${key}` } });
    const listed = await h.app.inject({ url: `/v1/firms/${tailspin.firmId}/api-keys`, headers: tailspin.headers });
    const items = listed.json<{ items: Array<{ prefix: string; lastUsedAt: string | null }> }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(listed.body).not.toContain(key.slice(-43));
    expect(items.find((k) => key.startsWith(k.prefix))?.lastUsedAt).not.toBeNull();

    const shipmentsOnly = await createKey(tailspin, ['shipments']);
    const refused = await push('transactions', txRows('scope', 1), { apiKey: shipmentsOnly });
    expect(refused.json()).toMatchObject({ status: 403, code: 'dataset_not_allowed' });

    const wingtip = await signIn(h.app, 'admin@wingtip.example');
    const wingtipKey = await createKey(wingtip, ['transactions']);
    const own = await ingest('transactions', txRows(unique('wingtip'), 2), { apiKey: wingtipKey });
    expect(own.status).toBe('succeeded');
    // Wingtip's key reads none of Tailspin's batches
    const foreign = await h.app.inject({
      url: `/v1/networks/${networkId}/batches/${own.id}`,
      headers: { authorization: `Bearer ${key}` },
    });
    expect(foreign.statusCode).toBe(404);
    const mine = await h.app.inject({
      url: `/v1/networks/${networkId}/batches?limit=200`,
      headers: { authorization: `Bearer ${wingtipKey}` },
    });
    expect(
      mine.json<{ items: Array<{ id: string; firmId: string }> }>().items.every((b) => b.firmId === wingtip.firmId),
    ).toBe(true);
    const otherNetwork = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/networks',
        headers: wingtip.headers,
        payload: { name: unique('Wingtip only') },
      })
    ).json<{ id: string }>();
    const wrongNetwork = await push('transactions', txRows('wn', 1), { apiKey: wingtipKey, network: otherNetwork.id });
    expect(wrongNetwork.json()).toMatchObject({ status: 404 });

    const revocable = await createKey(tailspin, ['transactions']);
    const keys = (
      await h.app.inject({ url: `/v1/firms/${tailspin.firmId}/api-keys`, headers: tailspin.headers })
    ).json<{
      items: Array<{ id: string; prefix: string }>;
    }>().items;
    const revocableId = keys.find((k) => revocable.startsWith(`${k.prefix}_`))!.id;
    const revoke = await h.app.inject({
      method: 'DELETE',
      url: `/v1/firms/${tailspin.firmId}/api-keys/${revocableId}`,
      headers: tailspin.headers,
    });
    expect(revoke.statusCode).toBe(204);
    expect((await push('transactions', txRows('rv', 1), { apiKey: revocable })).json()).toMatchObject({
      status: 401,
      code: 'api_key_revoked',
    });

    const expiring = await createKey(tailspin, ['transactions']);
    await h.database.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.prefix, expiring.slice('acc_'.length, 'acc_'.length + 8)));
    expect((await push('transactions', txRows('ex', 1), { apiKey: expiring })).json()).toMatchObject({
      status: 401,
      code: 'api_key_expired',
    });

    const forged = `${key.slice(0, -4)}AAAA`;
    expect((await push('transactions', txRows('fg', 1), { apiKey: forged })).json()).toMatchObject({
      status: 401,
      code: 'api_key_invalid',
    });
    const onUserRoute = await h.app.inject({ url: '/v1/me', headers: { authorization: `Bearer ${key}` } });
    expect(onUserRoute.json()).toMatchObject({ status: 403, code: 'user_token_required' });
  });

  it('read aggregates only of the datasets they are for', async () => {
    const transactionsOnly = await createKey(tailspin, ['transactions']);
    const read = (dataset: string) =>
      h.app.inject({
        url: `/v1/networks/${networkId}/aggregates/${dataset}?by=currency`,
        headers: { authorization: `Bearer ${transactionsOnly}` },
      });
    expect((await read('transactions')).statusCode).toBe(200);
    for (const dataset of ['service_cases', 'shipments']) {
      const refused = await read(dataset);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'dataset_not_allowed' });
    }
  });

  it('are managed by firm admins only, for networks the firm is active in', async () => {
    const analyst = await signIn(h.app, 'analyst@tailspin.example');
    const refused = await h.app.inject({
      method: 'POST',
      url: `/v1/firms/${analyst.firmId}/api-keys`,
      headers: analyst.headers,
      payload: { name: 'x', networkId, datasets: ['transactions'] },
    });
    expect(refused.json()).toMatchObject({ status: 403, code: 'role_required' });
    const northwind = await signIn(h.app, 'admin@northwind.example');
    const privateNetwork = (
      await h.app.inject({
        method: 'POST',
        url: '/v1/networks',
        headers: northwind.headers,
        payload: { name: unique('NW private') },
      })
    ).json<{ id: string }>();
    const outside = await h.app.inject({
      method: 'POST',
      url: `/v1/firms/${tailspin.firmId}/api-keys`,
      headers: tailspin.headers,
      payload: { name: 'x', networkId: privateNetwork.id, datasets: ['transactions'] },
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('datasets', () => {
  it("report the firm's rows, last batch and freshness per dataset", async () => {
    const response = await h.app.inject({ url: `/v1/networks/${networkId}/datasets`, headers: tailspin.headers });
    const items = response.json<{
      items: Array<{ dataset: string; rows: number; lastBatch: Batch | null; freshnessHours: number | null }>;
    }>().items;
    expect(items.map((i) => i.dataset)).toEqual(['transactions', 'shipments', 'service_cases', 'activities']);
    const tx = items.find((i) => i.dataset === 'transactions')!;
    const [held] = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(transactions)
      .where(and(eq(transactions.firmId, tailspin.firmId), eq(transactions.networkId, networkId)));
    expect(tx.rows).toBe(held!.n);
    expect(tx.freshnessHours).toBeLessThan(1);
    expect(tx.lastBatch).not.toBeNull();
  });
});
