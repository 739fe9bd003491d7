// A real OpenID Connect provider on loopback (the `oidc-provider` package) for tests of single sign-on.
// People sign in at its login page by email (a browser), or as the account named by `signInAs` without a
// page (tests that play the browser with fetch); consent is granted for whatever the client asks.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Makes an account the provider knows (its id is the email); answers the email. */
  person(email: string, name: string): string;
  /** The next sign-in at the provider is this account's, without a login page; '' shows the page again. */
  signInAs(accountId: string): void;
  close(): Promise<void>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, message = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example identity provider</title>
<style>body{font-family:system-ui,sans-serif;background:#1f2a44;color:#1f2a44;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#fff;padding:2rem;border-radius:8px;width:22rem;display:grid;gap:.75rem}
input,button{font:inherit;padding:.5rem}button{background:#1f2a44;color:#fff;border:0;border-radius:4px}</style></head>
<body><form method="post" action="/interaction/${escapeHtml(uid)}/login">
<h1>Example identity provider</h1>${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<label for="login">Email</label><input id="login" name="login" type="email" required autofocus>
<button type="submit">Sign in at the provider</button></form></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
}): Promise<TestProvider> {
  const clientId = options.clientId ?? 'accord';
  const clientSecret = options.clientSecret ?? 'a-client-secret-nobody-may-read-back';
  const accounts = new Map<string, { email: string; name: string }>();
  let nextAccount = '';
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['cookie-signing-key-for-tests'] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx: KoaContextWithOIDC, id: string) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: () => ({ sub: id, email: account.email, email_verified: true, name: account.name }),
      };
    },
  });
  const oidcCallback = provider.callback();

  const finishLogin = (req: IncomingMessage, res: ServerResponse, accountId: string) =>
    provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });

  // The provider's login and consent steps.
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      if (req.method === 'POST') {
        const login = (await formBody(req)).get('login') ?? '';
        if (!accounts.has(login)) {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(loginPage(details.uid, `No account ${login} at this provider.`));
          return;
        }
        return finishLogin(req, res, login);
      }
      if (nextAccount) return finishLogin(req, res, nextAccount);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(loginPage(details.uid));
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId });
    grant.addOIDCScope('openid email profile');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return void oidcCallback(req, res);
    interaction(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    person(email, name) {
      accounts.set(email, { email, name });
      return email;
    },
    signInAs(accountId) {
      nextAccount = accountId;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
