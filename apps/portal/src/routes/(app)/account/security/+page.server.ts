// The signed-in user's own account security: their password, two-factor sign-in, and where they are signed in.
import { error } from '@sveltejs/kit';
import { newPasswordProblem, weakPasswordMessage } from '$lib/passwords';
import { failWith, field, invalid, withRetryTime } from '$lib/server/api';
import { requireMe } from '$lib/server/guard';
import { postedEnrolment } from '$lib/server/sign-in';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { api } = requireMe(event);
  const { data, error: problem } = await api.GET('/v1/me/sessions');
  if (problem) error(problem.status, { message: problem.detail ?? problem.title, code: problem.code });
  return { sessions: data.items };
};

function secret(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

const sixDigits = (code: string) => /^\d{6}$/.test(code);

export const actions: Actions = {
  password: async (event) => {
    const { api } = requireMe(event);
    const form = await event.request.formData();
    const currentPassword = secret(form, 'currentPassword');
    const newPassword = secret(form, 'newPassword');
    if (!currentPassword) return invalid('password', 'Enter your current password.');
    const problem = newPasswordProblem(newPassword, secret(form, 'confirm'));
    if (problem) return invalid('password', problem);
    if (newPassword === currentPassword) return invalid('password', 'The new password is the same as the current one.');
    const { error: refused, response } = await api.POST('/v1/me/password', { body: { currentPassword, newPassword } });
    if (refused?.code === 'weak_password') {
      return invalid('password', weakPasswordMessage(refused.reason, refused.detail), { code: refused.code });
    }
    if (refused) return failWith('password', withRetryTime(refused, response));
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
    const form = await event.request.formData();
    const code = field(form, 'code').replace(/\s+/g, '');
    const values = postedEnrolment(form);
    if (!sixDigits(code))
      return invalid('mfaConfirm', 'Enter the 6-digit code your authenticator app shows.', { values });
    const { data, error: refused } = await api.POST('/v1/me/mfa/totp/confirm', { body: { code } });
    if (refused) return failWith('mfaConfirm', refused, { values });
    return { form: 'mfaConfirm', recoveryCodes: data.recoveryCodes };
  },

  mfaDisable: async (event) => {
    const { api } = requireMe(event);
    const form = await event.request.formData();
    const password = secret(form, 'password');
    const code = field(form, 'code').replace(/\s+/g, '');
    if (!password || !sixDigits(code)) {
      return invalid('mfaDisable', 'Enter your password and the current 6-digit code from your authenticator app.');
    }
    const { error: refused, response } = await api.DELETE('/v1/me/mfa', { body: { password, code } });
    if (refused) return failWith('mfaDisable', withRetryTime(refused, response));
    return { form: 'mfaDisable', success: 'Two-factor sign-in is off. You now sign in with your password alone.' };
  },

  revoke: async (event) => {
    const { api } = requireMe(event);
    const form = await event.request.formData();
    const sessionId = field(form, 'sessionId');
    const device = field(form, 'device') || 'The session';
    if (!sessionId) return invalid('revoke', 'Choose a session to sign out.');
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
