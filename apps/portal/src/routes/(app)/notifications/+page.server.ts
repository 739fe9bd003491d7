// Notifications: what the network asked of the signed-in user (a strategy published, changes requested, an
// invitation onto the strategy team, ...), newest first, with forms to mark one or all read.
import { error } from '@sveltejs/kit';
import { failWith, field, invalid } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) => {
  const { api } = requireMe(event);
  const onlyUnread = event.url.searchParams.get('unread') === '1';
  const { data, error: problem } = await api.GET('/v1/notifications', {
    params: { query: { limit: 100, ...(onlyUnread ? { unread: true } : {}) } },
  });
  if (!data) {
    error(problem?.status ?? 500, {
      message: problem?.detail ?? problem?.title ?? 'The notifications could not be loaded.',
      ...(problem?.code ? { code: problem.code } : {}),
    });
  }
  return { notifications: data.items, unread: data.unread, onlyUnread };
};

export const actions: Actions = {
  read: async (event) => {
    const notificationId = field(await event.request.formData(), 'notificationId');
    if (!UUID.test(notificationId)) return invalid('read', 'The page is out of date. Reload it and try again.');
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
