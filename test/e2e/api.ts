// What e2e files do beside the browser: call the API directly (set-up a test needs but does not show) and read
// the links of the emails it sent, which the worker (or, without Redis, the API) logs.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';

export const apiUrl = inject('apiUrl');
const logs = [inject('workerLogPath'), inject('apiLogPath')];

/** Calls the API; throws with the status and body unless it answers 2xx. */
export async function callApi<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An email's link (the last one sent to `to` whose link contains `fragment`), from the worker's or API's log. */
export async function emailLink(to: string, fragment: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    let found: string | undefined;
    for (const file of logs) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (!line.includes(fragment) || !line.includes(to)) continue;
        const entry = JSON.parse(line) as { to?: string; link?: string };
        if (entry.to === to && entry.link?.includes(fragment)) found = entry.link;
      }
    }
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no email to ${to} with a link to ${fragment} in the worker or API log`);
}
