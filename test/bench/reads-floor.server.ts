// The floors of `pnpm bench reads`, each a process of its own:
//   FLOOR_MODE=hello: a bare Fastify hello world, no database.
//   otherwise: the thinnest correct server for the API's reads. Fastify + @fastify/jwt + postgres.js;
//   per request, one transaction sent in one go (BEGIN, the tenancy settings, the membership and session
//   check with the network standing, the read's statements, COMMIT, without waiting in between), then
//   the rows as JSON. The read's statements are the ones Accord's API ran for the same read, with the
//   same parameters (READS_FILE, captured by the benchmark), so both do the same database work.
import fastifyJwt from '@fastify/jwt';
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const port = Number(process.env.PORT);

if (process.env.FLOOR_MODE === 'hello') {
  const app = Fastify();
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ port, host: '127.0.0.1' });
} else {
  interface Read {
    networkId: string;
    statements: Array<{ query: string; params: postgres.ParameterOrJSON<never>[] }>;
  }
  const reads = JSON.parse(readFileSync(process.env.READS_FILE!, 'utf8')) as Record<string, Read>;
  const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
  const app = Fastify();
  await app.register(fastifyJwt, { secret: process.env.JWT_SECRET!, verify: { algorithms: ['HS256'] } });
  app.get('/healthz', async () => ({ ok: true }));
  app.get('/*', async (request, reply) => {
    const read = reads[request.url];
    if (!read) return reply.code(404).send({ code: 'not_found' });
    const claims = await request.jwtVerify<{ sub: string; firm: string; sid: string }>();
    const [, [gate], ...results] = await sql.begin((tx) => [
      tx`select set_config('app.firm_id', ${claims.firm}, true), set_config('app.user_id', ${claims.sub}, true),
                set_config('role', 'accord_app', true)`,
      // the API's own access check (migration 0033): the cheapest correct one there is
      tx`select * from app_request_gate(${claims.sid}::uuid, ${read.networkId}::uuid)`,
      ...read.statements.map((s) => tx.unsafe(s.query, s.params, { prepare: true })),
    ]);
    if (!gate?.role || !gate.live) return reply.code(401).send({ code: 'session_revoked' });
    if (!gate.visible) return reply.code(404).send({ code: 'not_found' });
    return results;
  });
  await app.listen({ port, host: '127.0.0.1' });
}
