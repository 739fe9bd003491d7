// The OpenAPI document is generated from the routes' own schemas; served at /openapi.json and /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const openapiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Accord API',
          version: '0.1.0',
          description:
            'Partner relationship management for value chains: firms, networks, the data exchange, ' +
            'sharing agreements, joint segmentation, scorecards and strategy. Errors are RFC 9457 problem ' +
            'details (`application/problem+json`) with a stable `code`.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        tags: [
          { name: 'auth', description: 'Sign-in, sessions and invitations' },
          { name: 'firms', description: 'Firms and their people' },
          { name: 'networks', description: 'Value-chain networks and their member firms' },
          { name: 'exchange', description: 'The data exchange: pipeline API keys, feeds, batches, datasets' },
          { name: 'knowledge', description: 'Joint knowledge: insights shared with partners, and comments' },
          { name: 'sharing', description: 'Sharing agreements: who may read which of your datasets, at which level' },
          {
            name: 'segmentation',
            description:
              'Customer value (RFM, CLV, cost-to-serve, profit) and the joint segmentation partners align to',
          },
          { name: 'ops', description: 'Health, readiness and metrics' },
        ],
      },
      // Shared schemas keep their $id as their component name.
      refResolver: {
        buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
