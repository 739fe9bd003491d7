// Firm admins connect their firm's OpenID Connect provider for single sign-on, and prove the email domains
// whose people sign in through it with a DNS TXT record.
import { error } from '@sveltejs/kit';
import { failWith, field, invalid } from '$lib/server/api';
import { requireRole } from '$lib/server/guard';
import type { Actions, PageServerLoad } from './$types';

const ssoRoles = ['viewer', 'analyst', 'manager'] as const;
type SsoRole = (typeof ssoRoles)[number];

function isSsoRole(value: string): value is SsoRole {
  return (ssoRoles as readonly string[]).includes(value);
}

export const load: PageServerLoad = async (event) => {
  const { api, me } = requireRole(event, 'firm_admin');
  const params = { params: { path: { firmId: me.firm.id } } };
  const [connection, domains] = await Promise.all([
    api.GET('/v1/firms/{firmId}/sso', params),
    api.GET('/v1/firms/{firmId}/sso/domains', params),
  ]);
  // No connection yet is a 404: the page offers to create one.
  const problem = (connection.response.status === 404 ? undefined : connection.error) ?? domains.error;
  if (problem) error(problem.status, { message: problem.detail ?? problem.title, code: problem.code });
  return { connection: connection.data ?? null, domains: domains.data?.items ?? [] };
};

/** The connection field a schema or discovery error is about, for showing it next to that field. */
function problemField(problem: { code?: string; errors?: { path: string }[] }): string | undefined {
  if (problem.code === 'issuer_unreachable' || problem.code === 'issuer_invalid') return 'issuer';
  const path = problem.errors?.[0]?.path ?? '';
  const name = path.replace(/^\/?body\/?/, '');
  return ['issuer', 'clientId', 'clientSecret', 'defaultRole'].includes(name) ? name : undefined;
}

export const actions: Actions = {
  save: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const issuer = field(form, 'issuer');
    const clientId = field(form, 'clientId');
    const clientSecret = field(form, 'clientSecret');
    const defaultRole = field(form, 'defaultRole');
    const ssoOnly = field(form, 'ssoOnly') === 'on';
    const enabled = field(form, 'enabled') === 'on';
    // Never the secret.
    const values = { issuer, clientId, defaultRole, ssoOnly: String(ssoOnly), enabled: String(enabled) };
    if (!issuer)
      return invalid('save', 'Enter the issuer URL of your identity provider.', { values, target: 'issuer' });
    if (!clientId) return invalid('save', 'Enter the client ID.', { values, target: 'clientId' });
    if (!isSsoRole(defaultRole)) return invalid('save', 'Choose a default role.', { values, target: 'defaultRole' });
    const { data, error: problem } = await api.PUT('/v1/firms/{firmId}/sso', {
      params: { path: { firmId: me.firm.id } },
      body: { issuer, clientId, defaultRole, ssoOnly, enabled, ...(clientSecret ? { clientSecret } : {}) },
    });
    if (problem) {
      const target = problemField(problem);
      return failWith('save', problem, { values, ...(target ? { target } : {}) });
    }
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
    const form = await event.request.formData();
    const domain = field(form, 'domain').toLowerCase();
    const values = { domain };
    if (!domain) return invalid('addDomain', 'Enter an email domain, such as example.com.', { values });
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/sso/domains', {
      params: { path: { firmId: me.firm.id } },
      body: { domain },
    });
    if (problem) {
      const badDomain = problem.code === 'validation_failed';
      return failWith(
        'addDomain',
        badDomain
          ? { ...problem, errors: [], detail: `“${domain}” is not a valid domain, such as example.com.` }
          : problem,
        { values },
      );
    }
    return {
      form: 'addDomain',
      success: `${data.domain} was added. Publish its TXT record, then verify it.`,
    };
  },

  verifyDomain: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const domainId = field(form, 'domainId');
    if (!domainId) return invalid('verifyDomain', 'Choose a domain to verify.');
    const { data, error: problem } = await api.POST('/v1/firms/{firmId}/sso/domains/{domainId}/verify', {
      params: { path: { firmId: me.firm.id, domainId } },
    });
    if (problem) return failWith('verifyDomain', problem, { target: domainId });
    return { form: 'verifyDomain', target: domainId, success: `${data.domain} is verified.` };
  },

  removeDomain: async (event) => {
    const { api, me } = requireRole(event, 'firm_admin');
    const form = await event.request.formData();
    const domainId = field(form, 'domainId');
    if (!domainId) return invalid('removeDomain', 'Choose a domain to remove.');
    const { error: problem } = await api.DELETE('/v1/firms/{firmId}/sso/domains/{domainId}', {
      params: { path: { firmId: me.firm.id, domainId } },
    });
    if (problem) return failWith('removeDomain', problem);
    return { form: 'removeDomain', success: `${field(form, 'domain') || 'The domain'} was removed.` };
  },
};
