// Notifications: what the network asked of the signed-in user (a strategy published, changes requested, an
// invitation onto the strategy team, ...), newest first, with forms to mark one or all read.
import * as v from 'valibot';
import { fail500, failWith } from '$lib/server/api';
import { readForm, uuid } from '$lib/server/form-schema';
import { requireMe } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const reading = v.object({ notificationId: uuid('The page is out of date. Reload it and try again.') });

export const load: PageServerLoad = async (event) => {
  const { api } = requireMe(event);
  const onlyUnread = event.url.searchParams.get('unread') === '1';
  const { data, error: problem } = await api.GET('/v1/notifications', {
    params: { query: { limit: 100, ...(onlyUnread ? { unread: true } : {}) } },
  });
  if (!data) fail500(problem, 'The notifications could not be loaded.');
  return { notifications: data.items, unread: data.unread, onlyUnread };
};

export const actions: Actions = {
  read: async (event) => {
    const posted = await readForm(event, 'read', reading);
    if (!posted.ok) return posted.failure;
    const { notificationId } = posted.data;
    const { api } = requireMe(event);
    const { error: problem } = await api.POST('/v1/notifications/{notificationId}/read', {
      params: { path: { notificationId } },
    });
    if (problem) return failWith('read', problem, { target: notificationId });
    return { form: 'read', target: notificationId, success: 'Marked read.' };
  },

  readAll: async (event) => {
    const { api } = requireMe(event);
    const { data, error: problem } = await api.POST('/v1/notifications/read-all', {});
    if (problem) return failWith('readAll', problem);
    return {
      form: 'readAll',
      success: data.read === 1 ? 'Marked 1 notification read.' : `Marked ${data.read} notifications read.`,
    };
  },
};
