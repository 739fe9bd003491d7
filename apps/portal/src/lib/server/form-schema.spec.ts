import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { problemErrors } from './problems';
import { checkForm, checkbox, day, list, newPassword, passwordsDiffer, required, secret, text } from './form-schema';

function formData(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const round = v.pipe(
  v.object({ title: required('Give it a title.'), opensOn: day('Choose a day.'), closesOn: day('Choose a day.') }),
  v.forward(
    v.partialCheck([['opensOn'], ['closesOn']], (r) => r.closesOn >= r.opensOn, 'Closes after it opens.'),
    ['closesOn'],
  ),
);

describe('checkForm', () => {
  it('answers the typed fields, trimmed', () => {
    const read = checkForm(
      formData([
        ['title', '  Spring  '],
        ['opensOn', '2026-03-01'],
        ['closesOn', '2026-03-14'],
      ]),
      'open',
      round,
    );
    expect(read.ok && read.data).toEqual({ title: 'Spring', opensOn: '2026-03-01', closesOn: '2026-03-14' });
  });

  it('refuses with a message per field, the first above the form, and the values asked for', async () => {
    const read = checkForm(formData([['opensOn', '2026-03-01']]), 'open', round, { values: ['title', 'opensOn'] });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.failure.status).toBe(400);
    expect(read.failure.data).toEqual({
      form: 'open',
      message: 'Give it a title.',
      errors: { title: 'Give it a title.', closesOn: 'Choose a day.' },
      values: { title: '', opensOn: '2026-03-01' },
    });
  });

  it('puts cross-field messages on their field, and names the row from targetField', () => {
    const read = checkForm(
      formData([
        ['title', 'x'],
        ['opensOn', '2026-03-14'],
        ['closesOn', '2026-03-01'],
        ['rowId', 'r1'],
      ]),
      'open',
      round,
      { targetField: 'rowId' },
    );
    expect(!read.ok && read.failure.data).toMatchObject({
      errors: { closesOn: 'Closes after it opens.' },
      target: 'r1',
    });
  });

  it('takes every value of a list field, checkboxes as booleans, and secrets untrimmed', () => {
    const schema = v.object({ ids: list(), on: checkbox(), off: checkbox(), password: secret(), note: text() });
    const read = checkForm(
      formData([
        ['ids', 'a'],
        ['ids', ' b '],
        ['on', 'on'],
        ['password', ' with spaces '],
      ]),
      'f',
      schema,
    );
    expect(read.ok && read.data).toEqual({
      ids: ['a', 'b'],
      on: true,
      off: false,
      password: ' with spaces ',
      note: '',
    });
  });

  it('holds a new password to the policy and its confirmation to it', () => {
    const schema = v.pipe(
      v.object({ password: newPassword(), confirm: secret() }),
      v.forward(
        v.partialCheck([['password'], ['confirm']], (f) => f.password === f.confirm, passwordsDiffer),
        ['confirm'],
      ),
    );
    const short = checkForm(
      formData([
        ['password', 'short'],
        ['confirm', 'short'],
      ]),
      'f',
      schema,
    );
    expect(!short.ok && short.failure.data.errors?.password).toMatch(/^Too short/);
    const differ = checkForm(
      formData([
        ['password', 'long enough words'],
        ['confirm', 'other words here'],
      ]),
      'f',
      schema,
    );
    expect(!differ.ok && differ.failure.data.errors).toEqual({ confirm: passwordsDiffer });
  });
});

describe('problemErrors', () => {
  it('maps validation_failed paths to field names, nested ones with dots', () => {
    expect(
      problemErrors({
        code: 'validation_failed',
        errors: [
          { path: 'body/name', message: 'must NOT have more than 200 characters' },
          { path: 'body/sections/0/title', message: 'must NOT have fewer than 1 characters' },
          { path: 'body/email', message: 'must match format "email"' },
          { path: 'body', message: 'missing required field(s): role, chainRole' },
        ],
      }),
    ).toEqual({
      name: 'Must NOT have more than 200 characters.',
      'sections.0.title': 'Must NOT have fewer than 1 characters.',
      email: 'Must be a valid email address.',
      role: 'Required.',
      chainRole: 'Required.',
    });
  });

  it('maps the API’s own per-field errors and renames fields for the form', () => {
    const problem = { code: 'invalid_dates', errors: [{ path: '/closesOn', message: 'must be on or after opensOn' }] };
    expect(problemErrors(problem, { closesOn: 'endsOn' })).toEqual({ endsOn: 'Must be on or after opensOn.' });
    const answers = { code: 'invalid_answers', errors: [{ path: '/answers/trust_2', message: 'out of range' }] };
    expect(problemErrors(answers, (f) => f.replace('answers.', 'answer_'))).toEqual({
      answer_trust_2: 'Out of range.',
    });
  });

  it('puts a problem about one field without errors[] on that field', () => {
    expect(problemErrors({ code: 'weak_password', detail: 'Too common.' }, { password: 'newPassword' })).toEqual({
      newPassword: 'Too common.',
    });
    expect(problemErrors({ code: 'email_taken', detail: 'Taken.' }, {}, undefined, { email_taken: 'email' })).toEqual({
      email: 'Taken.',
    });
    expect(problemErrors({ code: 'not_found', detail: 'No such thing.' })).toEqual({});
  });
});
