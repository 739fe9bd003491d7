// Firm admins connect their firm's OpenID Connect provider for single sign-on, and prove the email domains
// whose people sign in through it with a DNS TXT record.
import * as v from 'valibot';
import { fail500, failWith, field } from '$lib/server/api';
import { checkbox, choice, readForm, required, secret, text } from '$lib/server/form-schema';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const ssoRoles = ['viewer', 'analyst', 'manager'] as const;

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireRole(event, 'firm_admin');
  const params = { params: { path: { firmId: me.firm.id } } };
  const [connection, domains] = await Promise.all([
    api.GET('/v1/firms/{firmId}/sso', params),
    api.GET('/v1/firms/{firmId}/sso/domains', params),
  ]);
  // No connection yet is a 404: the page offers to create one.
  const problem = (connection.response.status === 404 ? undefined : connection.error) ?? domains.error;
  if (problem) fail500(problem, 'Single sign-on could not be loaded.');
  return { connection: connection.data ?? null, domains: domains.data?.items ?? [] };
};

const connection = v.object({
  issuer: required('Enter the issuer URL of your identity provider.'),
  clientId: required('Enter the client ID.'),
  clientSecret: v.pipe(secret(), v.trim()),
  defaultRole: choice(ssoRoles, 'Choose a default role.'),
  ssoOnly: checkbox(),
  enabled: checkbox(),
});

/** Discovery problems are about the issuer. */
const issuerProblems = { issuer_unreachable: 'issuer', issuer_invalid: 'issuer' };

const newDomain = v.object({
  domain: v.pipe(required('Enter an email domain, such as example.com.'), v.toLowerCase()),
});

const domainRow = (message: string) => v.object({ domainId: required(message), domain: text() });

export const actions: Actions = {
  save: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'save', connection, {
      // never the secret
      values: (form) => ({
        issuer: field(form, 'issuer'),
        clientId: field(form, 'clientId'),
        defaultRole: field(form, 'defaultRole'),
        ssoOnly: String(form.get('ssoOnly') === 'on'),
        enabled: String(form.get('enabled') === 'on'),
      }),
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { issuer, clientId, clientSecret, defaultRole, ssoOnly, enabled } = posted.data;
    const { data, error: problem } = await api.PUT('/v1/firms/{firmId}/sso', {
      params: { path: { firmId: me.firm.id } },
      body: { issuer, clientId, defaultRole, ssoOnly, enabled, ...(clientSecret ? { clientSecret } : {}) },
    });
    if (problem) return failWith('save', problem, { values, codeFields: issuerProblems });
    return {
      form: 'save',
      success: data.enabled
        ? 'Single sign-on is saved and on. Register the redirect URI below with your provider.'
        : 'Single sign-on is saved but turned off.',
    };
  },

  removeConnection: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/sso', {
      params: { path: { firmId: me.firm.id } },
    });
    if (problem) return failWith('removeConnection', problem);
    return { form: 'removeConnection', success: 'The single sign-on connection was removed.' };
  },

  addDomain: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'addDomain', newDomain, {
      values: (form) => ({ domain: field(form, 'domain').toLowerCase() }),
    });
    if (!posted.ok) return posted.failure;
    const { values } = posted;
    const { domain } = posted.data;
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/sso/domains', {
      params: { path: { firmId: me.firm.id } },
      body: { domain },
    });
    if (problem) {
      const badDomain = problem.code === 'validation_failed';
      return failWith('addDomain', problem, {
        values,
        ...(badDomain ? { message: `“${domain}” is not a valid domain, such as example.com.` } : {}),
      });
    }
    return {
      form: 'addDomain',
      success: `${data.domain} was added. Publish its TXT record, then verify it.`,
    };
  },

  verifyDomain: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'verifyDomain', domainRow('Choose a domain to verify.'));
    if (!posted.ok) return posted.failure;
    const { domainId } = posted.data;
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/sso/domains/{domainId}/verify', {
      params: { path: { firmId: me.firm.id, domainId } },
    });
    if (problem) return failWith('verifyDomain', problem, { target: domainId });
    return { form: 'verifyDomain', target: domainId, success: `${data.domain} is verified.` };
  },

  removeDomain: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const posted = await readForm(event, 'removeDomain', domainRow('Choose a domain to remove.'));
    if (!posted.ok) return posted.failure;
    const { domainId, domain } = posted.data;
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/sso/domains/{domainId}', {
      params: { path: { firmId: me.firm.id, domainId } },
    });
    if (problem) return failWith('removeDomain', problem);
    return { form: 'removeDomain', success: `${domain || 'The domain'} was removed.` };
  },
};
