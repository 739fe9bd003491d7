import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggableError } from './client.ts';

describe('loggableError', () => {
  it('keeps a failed statement’s text and cause, and drops its parameters from message, stack and fields', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
      code: '23505',
    });
    const failed = new DrizzleQueryError(
      'insert into users (email, password_hash) values ($1, $2)',
      ['a@example.net', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA'],
      cause,
    );
    expect(failed.message).toContain('$argon2id'); // what would have been logged
    const safe = loggableError(failed) as Error;
    const logged = JSON.stringify({ ...safe, message: safe.message, stack: safe.stack });
    expect(logged).not.toContain('argon2id');
    expect(logged).not.toContain('a@example.net');
    expect(safe.message).toBe('Failed query: insert into users (email, password_hash) values ($1, $2)');
    expect(safe.cause).toBe(cause);
    expect(safe.stack).toMatch(/^DrizzleQueryError: Failed query: insert into users[^\n]*\n {4}at /);
  });

  it('leaves any other error as it is', () => {
    const error = new Error('something else');
    expect(loggableError(error)).toBe(error);
  });
});
