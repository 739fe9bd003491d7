// The signed-in user's own account security: their password, two-factor sign-in, and where they are signed in.
import * as v from 'valibot';
import { weakPasswordMessage } from '$lib/passwords';
import { fail500, failWith, withRetryTime } from '$lib/server/api';
import {
  authenticatorCode,
  newPassword,
  passwordsDiffer,
  readForm,
  required,
  secret,
  text,
} from '$lib/server/form-schema';
import { requireMe } from '$lib/server/guard';
import { postedEnrolment } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api } = requireMe(event);
  const { data, error: problem } = await api.GET('/v1/me/sessions');
  if (problem) fail500(problem, 'Your sessions could not be loaded.');
  return { sessions: data.items };
};

const passwordChange = v.pipe(
  v.object({
    currentPassword: v.pipe(secret(), v.nonEmpty('Enter your current password.')),
    newPassword: newPassword(),
    confirm: secret(),
  }),
  v.forward(
    v.partialCheck([['newPassword'], ['confirm']], (form) => form.newPassword === form.confirm, passwordsDiffer),
    ['confirm'],
  ),
  v.forward(
    v.partialCheck(
      [['currentPassword'], ['newPassword']],
      (form) => form.newPassword !== form.currentPassword,
      'The new password is the same as the current one.',
    ),
    ['newPassword'],
  ),
);

const mfaConfirmation = v.object({ code: authenticatorCode('Enter the 6-digit code your authenticator app shows.') });

const mfaDisabling = v.object({
  password: v.pipe(
    secret(),
    v.nonEmpty('Enter your password and the current 6-digit code from your authenticator app.'),
  ),
  code: authenticatorCode('Enter your password and the current 6-digit code from your authenticator app.'),
});

const sessionRow = v.object({ sessionId: required('Choose a session to sign out.'), device: text() });

export const actions: Actions = {
  password: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'password', passwordChange);
    if (!posted.ok) return posted.failure;
    const { currentPassword, newPassword } = posted.data;
    const { error: refused, response } = await api.POST('/v1/me/password', { body: { currentPassword, newPassword } });
    if (refused?.code === 'weak_password') {
      const message = weakPasswordMessage(refused.reason, refused.detail);
      return failWith('password', refused, { message, fieldOf: { password: 'newPassword' } });
    }
    if (refused) {
      return failWith('password', withRetryTime(refused, response), {
        codeFields: { wrong_password: 'currentPassword' },
      });
    }
    return {
      form: 'password',
      success: 'Your password was changed. You were signed out everywhere else; this session continues.',
    };
  },

  mfaStart: async (event) => {
    const { api } = requireMe(event);
    const { data, error: refused } = await api.POST('/v1/me/mfa/totp');
    if (refused) return failWith('mfaStart', refused);
    return { form: 'mfaStart', enrolment: { secret: data.secret, qrCodeDataUrl: data.qrCodeDataUrl } };
  },

  mfaConfirm: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'mfaConfirm', mfaConfirmation, { values: postedEnrolment });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { code } = posted.data;
    const { data, error: refused } = await api.POST('/v1/me/mfa/totp/confirm', { body: { code } });
    if (refused) return failWith('mfaConfirm', refused, { values });
    return { form: 'mfaConfirm', recoveryCodes: data.recoveryCodes };
  },

  mfaDisable: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'mfaDisable', mfaDisabling);
    if (!posted.ok) return posted.failure;
    const { password, code } = posted.data;
    const { error: refused, response } = await api.DELETE('/v1/me/mfa', { body: { password, code } });
    if (refused) return failWith('mfaDisable', withRetryTime(refused, response));
    return { form: 'mfaDisable', success: 'Two-factor sign-in is off. You now sign in with your password alone.' };
  },

  revoke: async (event) => {
    const { api } = requireMe(event);
    const posted = await readForm(event, 'revoke', sessionRow);
    if (!posted.ok) return posted.failure;
    const { sessionId } = posted.data;
    const device = posted.data.device || 'The session';
    const { error: refused } = await api.DELETE('/v1/me/sessions/{sessionId}', {
      params: { path: { sessionId } },
    });
    if (refused) return failWith('revoke', refused, { target: sessionId });
    return { form: 'sessions', success: `${device} was signed out.` };
  },

  revokeOthers: async (event) => {
    const { api } = requireMe(event);
    const { data, error: refused } = await api.POST('/v1/me/sessions/revoke-others');
    if (refused) return failWith('sessions', refused);
    const { revoked } = data;
    return {
      form: 'sessions',
      success:
        revoked === 0
          ? 'You were not signed in anywhere else.'
          : `Signed out of ${revoked} other session${revoked === 1 ? '' : 's'}.`,
    };
  },
};
