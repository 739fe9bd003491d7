// Bad requests over a real socket: each gets problem details with the right status, and the server
// keeps serving.
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
