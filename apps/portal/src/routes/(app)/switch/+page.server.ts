// The header's switchers post here: the firm switcher refreshes the session for another firm, the
// network switcher remembers the chosen network and opens it.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { failWith, invalid, refreshSession } from '$lib/server/api';
import { readForm, text } from '$lib/server/form-schema';
import { requireMe } from '$lib/server/guard';
import { clearSession, cookieOptions, NETWORK_COOKIE, writeSession } from '$lib/server/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

const firmChoice = v.object({ firmId: text() });
const networkChoice = v.object({ networkId: text() });

export const actions: Actions = {
  firm: async (event) => {
    const { me } = requireMe(event);
    const session = event.locals.session;
    const posted = await readForm(event, 'switch', firmChoice);
    if (!posted.ok) return posted.failure;
    const { firmId } = posted.data;
    if (!me.firms.some((f) => f.id === firmId)) return invalid('switch', 'Choose one of your firms.');
    if (!session) redirect(303, '/login');
    if (firmId === me.firm.id) redirect(303, '/');
    const { session: switched, problem } = await refreshSession(event, session.refreshToken, firmId);
    if (!switched) {
      if (problem?.status === 401) {
        clearSession(event.cookies, event.url);
        redirect(303, '/login');
      }
      return failWith('switch', problem);
    }
    writeSession(event.cookies, event.url, switched);
    // Networks belong to the firm: forget the other firm's choice.
    event.cookies.delete(NETWORK_COOKIE, cookieOptions(event.url, 0));
    redirect(303, '/');
  },

  network: async (event) => {
    const { me } = requireMe(event);
    const posted = await readForm(event, 'switch', networkChoice);
    if (!posted.ok) return posted.failure;
    const { networkId } = posted.data;
    if (!me.networks.some((n) => n.id === networkId)) {
      return invalid('switch', 'That network is not one of your firm’s networks.');
    }
    event.cookies.set(NETWORK_COOKIE, networkId, cookieOptions(event.url, 365 * 86_400));
    redirect(303, `/networks/${networkId}`);
  },
};
