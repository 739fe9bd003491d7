// The `accord` command line: arguments in, an exit code out. Commands share one client built from
// ACCORD_API_URL and ACCORD_API_KEY.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  batchStatuses,
  datasets,
  onErrorModes,
  type BatchStatus,
  type Dataset,
  type OnErrorMode,
} from '@accord/domain/vocabulary';
import { ApiClient } from './api.ts';
import { withRetry } from './backoff.ts';
import { errorHeader, errorRows, formatBatchTable, formatProblem, formatTable } from './format.ts';
import { writeOut, type Io } from './io.ts';
import { ApiError } from './problem.ts';
import { push } from './push.ts';

export const DEFAULT_API_URL = 'http://127.0.0.1:3001';

/** A command's outcome, thrown past commander so `run` can answer it as the exit code. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('Expected a whole number above 0.');
  return Number(value);
}

export function buildProgram(io: Io): Command {
  const client = (): ApiClient => {
    const key = io.env.ACCORD_API_KEY;
    if (!key) {
      io.stderr.write('error: ACCORD_API_KEY is not set (a pipeline API key, acc_...)\n');
      throw new Exit(1);
    }
    return new ApiClient(io.env.ACCORD_API_URL || DEFAULT_API_URL, key, io.fetch);
  };
  const retry = { sleep: io.sleep, random: io.random };

  const program = new Command('accord')
    .description(
      'Accord data pipelines: push partner feeds into a network and follow their batches.\n\n' +
        `Environment: ACCORD_API_URL (default ${DEFAULT_API_URL}), ACCORD_API_KEY (pipeline key, acc_...).`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('push')
    .description('Upload a feed file as a batch, then wait until it is loaded.')
    .argument('<file>', 'CSV, or NDJSON when named .ndjson/.jsonl; sent still compressed when named .gz')
    .requiredOption('--network <id>', 'the network to send to')
    .addOption(new Option('--dataset <name>', 'what the file holds').choices(datasets).makeOptionMandatory())
    .addOption(new Option('--on-error <mode>', 'skip bad rows, or reject the whole batch').choices(onErrorModes))
    .option('--ignore-unknown', 'ignore columns the dataset does not define')
    .option('--idempotency-key <key>', 'default: SHA-256 of network, dataset, options and file content')
    .option('--no-wait', 'return once the upload is received')
    .option('--timeout <seconds>', 'give up waiting after this long', positiveInteger, 3600)
    .option('--json', 'print the final batch as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 loaded (or received, with --no-wait), 2 loaded with rejected rows, 1 failed or refused.',
    )
    .action(
      async (
        file: string,
        opts: {
          network: string;
          dataset: Dataset;
          onError?: OnErrorMode;
          ignoreUnknown?: boolean;
          idempotencyKey?: string;
          wait: boolean;
          timeout: number;
          json?: boolean;
        },
      ) => {
        const code = await push(
          client(),
          {
            file,
            networkId: opts.network,
            dataset: opts.dataset,
            onError: opts.onError,
            ignoreUnknown: opts.ignoreUnknown === true,
            idempotencyKey: opts.idempotencyKey,
            wait: opts.wait,
            json: opts.json === true,
            timeoutSeconds: opts.timeout,
          },
          io,
        );
        throw new Exit(code);
      },
    );

  program
    .command('batches')
    .description('List recent batches, newest first.')
    .requiredOption('--network <id>', 'the network')
    .addOption(new Option('--dataset <name>', 'only this dataset').choices(datasets))
    .addOption(new Option('--status <status>', 'only batches in this status').choices(batchStatuses))
    .option('--limit <n>', 'how many', positiveInteger, 20)
    .option('--json', 'print the page as JSON')
    .action(
      async (opts: { network: string; dataset?: Dataset; status?: BatchStatus; limit: number; json?: boolean }) => {
        const api = client();
        const page = await withRetry(
          () => api.batches(opts.network, { dataset: opts.dataset, status: opts.status, limit: opts.limit }),
          retry,
        );
        io.stdout.write(opts.json ? `${JSON.stringify(page, null, 2)}\n` : formatBatchTable(page.items));
        if (page.nextCursor && !opts.json) io.stderr.write(`more batches than shown; raise --limit to see them\n`);
      },
    );

  program
    .command('errors')
    .description("A batch's rejected rows: every page, or the server's CSV as it is.")
    .argument('<batchId>', 'the batch')
    .requiredOption('--network <id>', 'the network')
    .option('--csv', 'print the error rows as CSV')
    .action(async (batchId: string, opts: { network: string; csv?: boolean }) => {
      const api = client();
      if (opts.csv) {
        const body = await withRetry(() => api.errorsCsv(opts.network, batchId), retry);
        for await (const chunk of body) await writeOut(io.stdout, chunk);
        return;
      }
      // Page by page, so a batch with millions of bad rows prints as it arrives; widths follow the first page.
      let cursor: string | undefined;
      let widths: number[] | null = null;
      let total = 0;
      do {
        const page = await withRetry(() => api.errors(opts.network, batchId, { limit: 1000, cursor }), retry);
        const rows = errorRows(page.items);
        widths ??= errorHeader.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
        const padded = rows.map((r) => r.map((cell, i) => cell.padEnd(widths![i]!)));
        const table = formatTable(errorHeader, padded);
        await writeOut(io.stdout, total === 0 ? table : table.slice(table.indexOf('\n') + 1));
        total += rows.length;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      if (total === 0) io.stderr.write('no rejected rows\n');
    });

  return program;
}

/** Runs the command line and answers the exit code; nothing here calls process.exit. */
export async function run(argv: string[], io: Io): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof ApiError) {
      io.stderr.write(formatProblem(error.problem));
      return 1;
    }
    io.stderr.write(`error: ${describeError(error)}\n`);
    return 1;
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { message?: unknown } }).cause;
  return typeof cause?.message === 'string' ? `${error.message}: ${cause.message}` : error.message;
}
