// The typed client for the Accord API, generated from its OpenAPI document (`pnpm gen`).
import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

export type { components, paths };
export type Schemas = components['schemas'];
export type AccordClient = Client<paths>;

export interface ClientOptions {
  baseUrl: string;
  /** A fetch of the caller's: SvelteKit's, for instance, so requests stay server-side. */
  fetch?: typeof globalThis.fetch;
  accessToken?: string;
  headers?: Record<string, string>;
}

export function createClient(options: ClientOptions): AccordClient {
  return createFetchClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: {
      ...options.headers,
      ...(options.accessToken ? { authorization: `Bearer ${options.accessToken}` } : {}),
    },
  });
}
