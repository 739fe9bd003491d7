// Bad requests over a real socket: each gets problem details with the right status, and the server
// keeps serving.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness, type SignedIn } from './harness.ts';

let h: Harness;
let base: string;
let session: SignedIn;
beforeAll(async () => {
  h = await startHarness();
  base = await h.app.listen({ host: '127.0.0.1', port: 0 });
  session = await signIn(h.app, 'admin@tailspin.example');
});
afterAll(() => h.close());

async function send(path: string, init: RequestInit) {
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

const json = { 'content-type': 'application/json' };

describe('bad input', () => {
  const cases: Array<{
    name: string;
    path: string;
    init: () => RequestInit;
    status: number;
    code: string;
    detail?: RegExp;
  }> = [
    {
      name: 'malformed JSON',
      path: '/v1/auth/login',
      init: () => ({ method: 'POST', headers: json, body: '{"email": "a@b.c",' }),
      status: 400,
      code: 'malformed_json',
    },
    {
      name: 'wrong types',
      path: '/v1/auth/login',
      init: () => ({ method: 'POST', headers: json, body: JSON.stringify({ email: ['a'], password: 12 }) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'unknown fields',
      path: '/v1/auth/login',
      init: () => ({
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'a@b.example', password: 'x', admin: true }),
      }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'missing fields',
      path: '/v1/auth/login',
      init: () => ({ method: 'POST', headers: json, body: JSON.stringify({ email: 'a@b.example' }) }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'an oversized body',
      path: '/v1/auth/login',
      init: () => ({
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'a@b.example', password: 'x'.repeat(2 * 1024 * 1024) }),
      }),
      status: 413,
      code: 'body_too_large',
    },
    {
      name: 'an unsupported content type',
      path: '/v1/auth/login',
      init: () => ({ method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<login/>' }),
      status: 415,
      code: 'unsupported_media_type',
    },
    { name: 'an unknown route', path: '/v1/nothing-here', init: () => ({}), status: 404, code: 'route_not_found' },
    {
      name: 'a malformed id',
      path: '/v1/networks/not-a-uuid',
      init: () => ({ headers: session.headers }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'a forged token',
      path: '/v1/me',
      init: () => ({ headers: { authorization: `Bearer ${session.token.slice(0, -4)}AAAA` } }),
      status: 401,
      code: 'token_invalid',
    },
    {
      name: 'an expired token',
      path: '/v1/me',
      init: () => ({
        headers: {
          authorization: `Bearer ${h.app.jwt.sign({ sub: session.userId, firm: session.firmId, sid: crypto.randomUUID() }, { expiresIn: -60 })}`,
        },
      }),
      status: 401,
      code: 'token_expired',
    },
    {
      name: 'a malformed Authorization header',
      path: '/v1/me',
      init: () => ({ headers: { authorization: 'Basic abc' } }),
      status: 401,
      code: 'token_missing',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with ${c.status} ${c.code}, and keeps serving`, async () => {
      const answer = await send(c.path, c.init());
      expect(answer.status).toBe(c.status);
      expect(answer.type).toContain('application/problem+json');
      expect(answer.body).toMatchObject({ status: c.status, code: c.code });
      expect(typeof answer.body.title).toBe('string');
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
    });
  }

  it('says which fields are unknown, missing or of the wrong type', async () => {
    const unknown = await send('/v1/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'a@b.example', password: 'x', admin: true }),
    });
    expect(unknown.body.errors).toContainEqual({ path: 'body', message: 'unknown field(s): admin' });
    const missing = await send('/v1/auth/login', { method: 'POST', headers: json, body: '{}' });
    expect(JSON.stringify(missing.body.errors)).toMatch(/missing required field\(s\): .*email/);
    const wrongType = await send('/v1/auth/login', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 1, password: 'x' }),
    });
    expect(wrongType.body.errors).toContainEqual(expect.objectContaining({ path: 'body/email' }));
  });
});

describe('values the schemas let through', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  /** A token signed with the API's own secret: only its header or claims are wrong. */
  function forged(header: { alg: string }, claims: Record<string, unknown>) {
    const unsigned = `${b64({ ...header, typ: 'JWT' })}.${b64(claims)}`;
    const digest = header.alg === 'HS512' ? 'sha512' : 'sha256';
    return `${unsigned}.${createHmac(digest, 'integration-secret-integration-secret').update(unsigned).digest('base64url')}`;
  }

  it('answers 401 token_invalid to a token of another algorithm, none, or without an expiry', async () => {
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const { exp: _exp, ...withoutExpiry } = claims;
    const tokens = {
      hs512: forged({ alg: 'HS512' }, claims),
      rs256: forged({ alg: 'RS256' }, claims),
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      withoutExpiry: forged({ alg: 'HS256' }, withoutExpiry),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const answer = await send('/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect([name, answer.status, answer.body.code]).toEqual([name, 401, 'token_invalid']);
    }
    // the genuine token still works
    expect((await send('/v1/me', { headers: session.headers })).status).toBe(200);
  });

  it('answers 400 invalid_cursor to a forged cursor whose parts are not the key’s types', async () => {
    const networks = await fetch(`${base}/v1/networks`, { headers: session.headers });
    const networkId = ((await networks.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    for (const cursor of [b64(['Contoso', 'not-a-uuid']), b64(['x', 'y'])]) {
      const members = await send(`/v1/networks/${networkId}/members?cursor=${cursor}`, { headers: session.headers });
      expect(members).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } });
      const batches = await send(`/v1/networks/${networkId}/batches?cursor=${cursor}`, { headers: session.headers });
      expect(batches).toMatchObject({ status: 400, body: { code: 'invalid_cursor' } });
    }
  });

  it('answers 400 invalid_value to a NUL character in a text and a date PostgreSQL cannot hold', async () => {
    const nul = await send('/v1/signup', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        firmName: 'Nul\u0000 Traders',
        chainRole: 'retailer',
        name: 'Nul',
        email: 'nul@nul-traders.example',
        password: 'correct horse battery staple 9',
      }),
    });
    expect(nul).toMatchObject({ status: 400, body: { code: 'invalid_value' } });
    const focal = await signIn(h.app, 'admin@northwind.example');
    const networks = await fetch(`${base}/v1/networks`, { headers: focal.headers });
    const networkId = ((await networks.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const yearZero = await send(`/v1/networks/${networkId}/surveys`, {
      method: 'POST',
      headers: { ...json, ...focal.headers },
      body: JSON.stringify({ title: 'Year zero', opensOn: '0000-01-01', closesOn: '0000-01-31' }),
    });
    expect(yearZero).toMatchObject({ status: 400, body: { code: 'invalid_value' } });
  });
});

describe('operations', () => {
  it('reports readiness of the database and Redis, and Prometheus metrics', async () => {
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready', database: 'ok', queue: 'ok' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(metrics).toContain('process_resident_memory_bytes');
  });

  it('tags every answer with a request id, keeping a sane one given by the caller', async () => {
    const given = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'pipeline-42' } });
    expect(given.headers.get('x-request-id')).toBe('pipeline-42');
    const generated = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
