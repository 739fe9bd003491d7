// POST /exchange/upload?networkId=&dataset=&onError=&ignoreUnknown=&filename= with the raw file as the body
// (Content-Type text/csv or application/x-ndjson), sent by the upload form's script with XMLHttpRequest so
// the browser can report upload progress. The body is piped to the API's feed endpoint as it arrives, with
// the session's access token: the portal never holds the whole file, and the browser never sees a token.
// Answers the API's JSON: the new batch (202) or a problem.
//
// Body size: adapter-node applies BODY_SIZE_LIMIT (default 512K) to every request body, this stream
// included: it refuses a larger Content-Length up front and errors the stream once more bytes than that have
// arrived. There is no per-route setting, so the portal runs with BODY_SIZE_LIMIT=2G (the API's own feed
// limit; set where the portal is started: infra/start.mjs, test/e2e/global-setup.ts), and hooks.server.ts
// puts the old 512K cap back on every other route (64M for the buffered no-JavaScript upload). If the
// variable is missing, files over 512K are refused here with a message that says so, before any byte is sent.
import type { RequestHandler } from './$types';
import { feedFileKind, formatBytes, isDataset, isOnError } from '$lib/exchange';
import { problemOf } from '$lib/server/api';
import { adapterBodyLimit, API_FEED_LIMIT, problemResponse, pushFeed } from '$lib/server/exchange';
import { hasRole } from '$lib/format';

const mediaTypes = new Set(['text/csv', 'application/x-ndjson']);

/** Whether a failed upload was cut off by adapter-node's BODY_SIZE_LIMIT (a body sent without a length). */
function tooLarge(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { status?: unknown }).status === 413) return true;
  }
  return false;
}

export const POST: RequestHandler = async ({ request, url, locals }) => {
  // Only the portal's own pages may post here (a cross-site page could not send text/csv without a
  // preflight anyway, and the session cookie is SameSite=Lax; this says so explicitly).
  if (request.headers.get('origin') !== url.origin) {
    return problemResponse(problemOf(403, 'Uploads must come from the Accord portal itself.', 'cross_origin'));
  }
  const { me, session } = locals;
  if (!me || !session) {
    return problemResponse(problemOf(401, 'Your session has ended: sign in again, then upload.', 'unauthorized'));
  }
  if (!hasRole(me.firm.role, 'analyst')) {
    return problemResponse(
      problemOf(403, 'Uploading feeds needs the analyst role or above in your firm.', 'role_required'),
    );
  }

  const params = url.searchParams;
  const networkId = params.get('networkId') ?? '';
  const dataset = params.get('dataset');
  const onError = params.get('onError') ?? 'skip';
  const ignoreUnknown = params.get('ignoreUnknown') === 'true';
  if (!me.networks.some((n) => n.id === networkId && n.status === 'active')) {
    return problemResponse(problemOf(404, 'Your firm is not an active member of that network.', 'not_found'));
  }
  if (!isDataset(dataset)) return problemResponse(problemOf(400, 'Choose a dataset.', 'invalid_dataset'));
  if (!isOnError(onError)) return problemResponse(problemOf(400, 'onError must be skip or reject.', 'invalid_option'));

  const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mediaTypes.has(mediaType)) {
    return problemResponse(
      problemOf(415, 'Send a CSV file (text/csv) or an NDJSON file (application/x-ndjson).', 'unsupported_media_type'),
    );
  }
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (!request.body || length === 0) {
    return problemResponse(problemOf(400, 'The file is empty.', 'empty_body'));
  }
  const limit = Math.min(adapterBodyLimit(), API_FEED_LIMIT);
  if (Number.isFinite(length) && length > limit) {
    const detail =
      limit < API_FEED_LIMIT
        ? `This portal takes uploads up to ${formatBytes(limit)} (its BODY_SIZE_LIMIT); the file is ${formatBytes(length)}. ` +
          'Ask your administrator to raise it, or send the file through the API with an API key.'
        : `Files can be up to ${formatBytes(API_FEED_LIMIT)}; this one is ${formatBytes(length)}. Compress it with gzip or split it.`;
    return problemResponse(problemOf(413, detail, 'body_too_large'));
  }

  let response: Response;
  try {
    response = await pushFeed({
      accessToken: session.accessToken,
      networkId,
      dataset,
      onError,
      ignoreUnknown,
      mediaType: mediaType as 'text/csv' | 'application/x-ndjson',
      gzip: feedFileKind(params.get('filename') ?? '').gzip,
      body: request.body,
    });
  } catch (cause) {
    // The browser went away mid-upload, the body broke a limit, or the API could not be reached.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    if (tooLarge(cause)) {
      return problemResponse(
        problemOf(
          413,
          `This portal takes uploads up to ${formatBytes(limit)} (its BODY_SIZE_LIMIT). Ask your administrator to raise it, or send the file through the API with an API key.`,
          'body_too_large',
        ),
      );
    }
    console.error('[portal] feed upload failed', cause);
    return problemResponse(
      problemOf(502, 'The upload did not reach the Accord API completely. Try again.', 'upload_failed'),
    );
  }
  return new Response(response.body, {
    status: response.status,
    headers: {
      'content-type': response.headers.get('content-type') ?? 'application/json',
      'cache-control': 'no-store',
    },
  });
};
