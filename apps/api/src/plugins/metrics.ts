// Prometheus metrics at /metrics: process defaults, request counts and durations per route, and what
// the modules and the jobs (when they run in this process) register on `app.metrics`.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Histogram, type Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

export const metricsPlugin = fp(
  (app: FastifyInstance, { registry }: { registry: Registry }) => {
    collectDefaultMetrics({ register: registry });
    app.decorate('metrics', registry);
    const duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.addHook('onResponse', (request, reply, done) => {
      duration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
    app.get(
      '/metrics',
      {
        config: { public: true },
        schema: {
          operationId: 'metrics',
          summary: 'Prometheus metrics',
          tags: ['ops'],
          produces: ['text/plain'],
          response: { 200: { type: 'string', description: 'Prometheus text exposition format.' } },
        },
      },
      async (_request, reply) => reply.type(registry.contentType).send(await registry.metrics()),
    );
  },
  { name: 'metrics' },
);
