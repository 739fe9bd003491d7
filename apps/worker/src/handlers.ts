// The one table of job handlers, used by the worker process and by the API's in-process queue.
import type { Database } from '@accord/db';
import type { JobHandlers } from '@accord/jobs';
import type { EmailTransport } from './email.ts';
import { deliverEmail } from './jobs/deliver-email.job.ts';

export interface WorkerDependencies {
  db: Database;
  email: EmailTransport;
}

export function createJobHandlers(deps: WorkerDependencies): JobHandlers {
  return {
    'deliver-email': deliverEmail(deps.db, deps.email),
  };
}
