import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { Email, sessionFields } from '../auth/auth.schemas.ts';

export const SsoDefaultRole = Type.Enum(['viewer', 'analyst', 'manager'], {
  description: 'The role of people provisioned on their first SSO sign-in (never firm admin).',
});

const Issuer = Type.String({
  format: 'uri',
  maxLength: 500,
  description: 'The OpenID Connect issuer URL; its /.well-known/openid-configuration must answer.',
});

export const SsoConnection = Type.Object(
  {
    issuer: Type.String(),
    clientId: Type.String(),
    hasSecret: Type.Literal(true, { description: 'The client secret is stored (sealed) and never shown again.' }),
    defaultRole: SsoDefaultRole,
    ssoOnly: Type.Boolean({ description: 'People of the verified domains may not sign in with a password.' }),
    enabled: Type.Boolean(),
    redirectUri: Type.String({ description: 'The redirect URI to register with the provider.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'SsoConnection' },
);

export const PutSsoConnectionBody = Type.Object(
  {
    issuer: Issuer,
    clientId: Type.String({ minLength: 1, maxLength: 500 }),
    clientSecret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 2000,
        writeOnly: true,
        description: 'Required when creating the connection; omit to keep the stored one.',
      }),
    ),
    defaultRole: SsoDefaultRole,
    ssoOnly: Type.Optional(Type.Boolean({ default: false })),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  strict,
);

const Domain = Type.String({
  minLength: 3,
  maxLength: 253,
  pattern: '^(?=.{3,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$',
  description: 'An email domain, such as example.com.',
});

export const SsoDomain = Type.Object(
  {
    id: Uuid,
    domain: Type.String(),
    verified: Type.Boolean(),
    verifiedAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    dnsRecordName: Type.String({ description: 'Where to publish the TXT record.' }),
    dnsRecordValue: Type.String({ description: 'The TXT record to publish there.' }),
  },
  { $id: 'SsoDomain' },
);

export const SsoDomainList = Type.Object({ items: Type.Array(Type.Ref('SsoDomain')) });
export const AddSsoDomainBody = Type.Object({ domain: Domain }, strict);
export const SsoDomainParams = Type.Object({ firmId: Uuid, domainId: Uuid }, strict);

export const SsoDiscoverQuery = Type.Object({ email: Email }, strict);
export const SsoDiscovery = Type.Object({
  sso: Type.Boolean({ description: "The email's domain signs in through its firm's identity provider." }),
  ssoOnly: Type.Boolean({ description: 'Password sign-in is refused for this domain.' }),
  firm: Type.Optional(Type.String({ description: 'The name of the firm that owns the domain.' })),
});

export const SsoStartBody = Type.Object(
  {
    email: Email,
    redirectTo: Type.Optional(
      Type.String({
        pattern: '^/(?![/\\\\])',
        maxLength: 500,
        description: 'A portal path to go to after signing in; answered back by the callback.',
      }),
    ),
  },
  strict,
);
export const SsoStart = Type.Object({
  authorizationUrl: Type.String({ description: "Send the browser here: the provider's sign-in page." }),
});

export const SsoCallbackBody = Type.Object(
  {
    state: Type.String({ minLength: 1, maxLength: 500 }),
    code: Type.String({ minLength: 1, maxLength: 4000 }),
    iss: Type.Optional(
      Type.String({ maxLength: 500, description: 'The `iss` parameter, when the provider sent one.' }),
    ),
  },
  strict,
);

export const SsoSession = Type.Object({
  ...sessionFields,
  redirectTo: Type.Union([Type.String(), Type.Null()], {
    description: 'The portal path given when the sign-in started, if any.',
  }),
});
