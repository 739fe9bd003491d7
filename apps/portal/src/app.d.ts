// See https://svelte.dev/docs/kit/types#app.d.ts
import type { AccordClient } from '@accord/api-client';
import type { Me } from '$lib/types';
import type { PortalSession } from '$lib/server/session';

declare global {
  namespace App {
    interface Error {
      message: string;
      code?: string;
    }
    interface Locals {
      /** The API client for this request, with the signed-in user's access token when there is one. */
      api: AccordClient;
      /** The signed-in user, the firm they act for, their firms and networks; null when signed out. */
      me: Me | null;
      /** The sealed session's contents (server-side only; never sent to the browser). */
      session: PortalSession | null;
      /** The session looked fine but the API could not be reached to load the user. */
      apiUnavailable: boolean;
    }
  }
}

export {};
