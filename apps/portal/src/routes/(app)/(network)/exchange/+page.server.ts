// Data exchange: the acting firm's datasets in the current network (rows held, freshness, last batch),
// uploading a file (streamed through ./upload/+server.ts by the page's script; the `upload` action below is
// the no-JavaScript fallback), recent batches, the pipeline developers' notes with the hashing recipe, and,
// for firm admins, the firm's pipeline API keys for this network.
import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { datasetLabel, datasets, feedFileKind, isBatchStatus, isDataset, onErrorModes } from '$lib/exchange';
import { formatDate, hasRole } from '$lib/format';
import { allPages, apiBaseUrl, fail500, failWith, field, problemOf } from '$lib/server/api';
import { feedAnswer, pushFeed } from '$lib/server/exchange';
import { checkbox, choice, file, optionalDay, readForm, required, text } from '$lib/server/form-schema';
import { requireRole } from '$lib/server/guard';
import { actionNetwork, activeNetwork } from '$lib/server/network';
import type { ApiKey, Batch, Problem } from '$lib/types';
import type { Actions, PageServerLoad } from './$types';

const BATCHES_PER_PAGE = 20;
const notLoaded = 'The data exchange could not be loaded.';

export const load: PageServerLoad = async (event) => {
  const { api, me, network } = activeNetwork(event);
  const query = event.url.searchParams;
  const datasetFilter = query.get('dataset');
  const statusFilter = query.get('status');
  const filters = {
    dataset: isDataset(datasetFilter) ? datasetFilter : null,
    status: isBatchStatus(statusFilter) ? statusFilter : null,
    cursor: query.get('cursor') || null,
  };
  const base = {
    filters,
    now: Date.now(),
    canUpload: hasRole(me.firm.role, 'analyst'),
    isFirmAdmin: hasRole(me.firm.role, 'firm_admin'),
    apiUrl: apiBaseUrl(),
  };
  if (!network) {
    return { ...base, datasets: [], batches: { items: [] as Batch[], nextCursor: null }, apiKeys: null, hashing: null };
  }

  const networkId = network.id;
  const showKey = query.get('show') === 'hashing-key';
  const [datasets, batches, hashing, apiKeys] = await Promise.all([
    api.GET('/v1/networks/{networkId}/datasets', { params: { path: { networkId } } }),
    api.GET('/v1/networks/{networkId}/batches', {
      params: {
        path: { networkId },
        query: {
          limit: BATCHES_PER_PAGE,
          ...(filters.dataset ? { dataset: filters.dataset } : {}),
          ...(filters.status ? { status: filters.status } : {}),
          ...(filters.cursor ? { cursor: filters.cursor } : {}),
        },
      },
    }),
    api.GET('/v1/networks/{networkId}/hashing', { params: { path: { networkId } } }),
    base.isFirmAdmin
      ? allPages((cursor) =>
          api.GET('/v1/firms/{firmId}/api-keys', {
            params: { path: { firmId: me.firm.id }, query: { limit: 200, ...(cursor ? { cursor } : {}) } },
          }),
        )
      : Promise.resolve(null),
  ]);
  if (!datasets.data) fail500(datasets.error, notLoaded);
  if (!hashing.data) fail500(hashing.error, notLoaded);
  if (apiKeys?.error) fail500(apiKeys.error, notLoaded);
  // A cursor from an old link that the API no longer takes: start from the newest batches.
  if (batches.error?.status === 400 && filters.cursor) {
    const again = new URLSearchParams(query);
    again.delete('cursor');
    redirect(303, `/exchange${again.size ? `?${again}` : ''}`);
  }
  if (!batches.data) fail500(batches.error, notLoaded);

  // The key list is the firm's; this page shows the keys of this network.
  const keys: ApiKey[] = apiKeys?.items ?? [];
  const { key, ...recipe } = hashing.data;
  return {
    ...base,
    datasets: datasets.data.items,
    batches: batches.data,
    apiKeys: base.isFirmAdmin
      ? {
          items: keys.filter((k) => k.networkId === networkId),
          elsewhere: keys.filter((k) => k.networkId !== networkId && !k.revokedAt).length,
        }
      : null,
    // The network's hashing key is a secret: it is only sent to the browser when asked for.
    hashing: { ...recipe, key: showKey ? key : null },
  };
};

const upload = v.object({
  dataset: choice(datasets, 'Choose the dataset the file holds.'),
  onError: v.pipe(
    text(),
    v.transform((mode) => mode || 'skip'),
    v.picklist(onErrorModes, 'Choose what to do with invalid rows.'),
  ),
  ignoreUnknown: checkbox(),
  file: file('Choose a non-empty CSV or NDJSON file.'),
});

const newKey = v.object({
  name: required('Give the key a name, e.g. the system that will use it.'),
  datasets: v.pipe(
    v.array(v.string()),
    v.transform((chosen) => chosen.filter(isDataset)),
    v.minLength(1, 'Choose at least one dataset the key may push.'),
  ),
  expiresOn: optionalDay('Enter the expiry date as YYYY-MM-DD.'),
});

const revocation = v.object({ apiKeyId: required('Choose a key to revoke.'), name: text() });

function endOfDayUtc(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const at = new Date(`${date}T23:59:59.999Z`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

export const actions: Actions = {
  /**
   * Without JavaScript the upload form posts here as multipart/form-data. SvelteKit reads the whole form,
   * so this fallback buffers the file in the portal (hooks.server.ts caps it at 64 MB); the page's script
   * streams instead, through ./upload.
   */
  upload: async (event) => {
    const { me } = requireRole(event, 'analyst');
    const posted = await readForm(event, 'upload', upload, {
      values: (form) => ({
        dataset: field(form, 'dataset'),
        onError: field(form, 'onError') || 'skip',
        ignoreUnknown: String(form.get('ignoreUnknown') !== null),
      }),
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { dataset, onError, ignoreUnknown, file } = posted.data;
    const { network, failure } = actionNetwork(event, 'upload');
    if (failure) return failure;
    const session = event.locals.session;
    if (!session) redirect(303, '/login');
    const kind = feedFileKind(file.name);
    let answer: { status: number; body: unknown };
    try {
      answer = await feedAnswer(
        await pushFeed({
          accessToken: session.accessToken,
          networkId: network.id,
          dataset,
          onError,
          ignoreUnknown,
          mediaType: kind.mediaType,
          gzip: kind.gzip,
          body: file,
        }),
      );
    } catch (cause) {
      console.error(`[portal] feed upload by ${me.user.id} failed`, cause);
      return failWith('upload', problemOf(502, 'The Accord API could not be reached. Try again.'), { values });
    }
    if (answer.status !== 202) return failWith('upload', answer.body as Problem, { values });
    redirect(303, `/exchange/batches/${(answer.body as Batch).id}?uploaded=1`);
  },

  createKey: async (event) => {
    requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'createKey', newKey, {
      values: (form) => ({
        name: field(form, 'name'),
        expiresOn: field(form, 'expiresOn'),
        datasets: form.getAll('datasets').filter(isDataset).join(','),
      }),
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { name, datasets: chosen, expiresOn } = posted.data;
    const expiresAt = expiresOn ? endOfDayUtc(expiresOn) : null;
    const { network, me, api, failure } = actionNetwork(event, 'createKey');
    if (failure) return failure;
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/api-keys', {
      params: { path: { firmId: me.firm.id } },
      body: {
        name,
        networkId: network.id,
        datasets: chosen,
        ...(expiresAt ? { expiresAt } : {}),
      },
    });
    if (problem) {
      const message = problem.code === 'expiry_in_past' ? 'Choose an expiry date after today.' : undefined;
      return failWith('createKey', problem, {
        values,
        fieldOf: { expiresAt: 'expiresOn' },
        ...(message ? { message } : {}),
      });
    }
    return {
      form: 'createKey',
      success: `API key “${data.name}” created for ${data.datasets.map(datasetLabel).join(', ').toLowerCase()}${
        data.expiresAt ? `, valid until ${formatDate(data.expiresAt)}` : ''
      }.`,
      created: { id: data.id, name: data.name, key: data.key, prefix: data.prefix },
    };
  },

  revokeKey: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'revokeKey', revocation);
    if (!posted.ok) return posted.failure;
    const { apiKeyId } = posted.data;
    const name = posted.data.name || 'The key';
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/api-keys/{apiKeyId}', {
      params: { path: { firmId: me.firm.id, apiKeyId } },
    });
    if (problem) return failWith('revokeKey', problem, { target: apiKeyId });
    return { form: 'revokeKey', success: `“${name}” is revoked: pipelines using it are refused from now on.` };
  },
};
