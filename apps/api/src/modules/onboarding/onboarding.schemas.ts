import { passwordLength } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { ChainRole, Email } from '../auth/auth.schemas.ts';
import { InvitationStatus } from '../firms/firms.schemas.ts';

const Token = Type.String({ minLength: 10, maxLength: 200 });
const FirmName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const SignUpBody = Type.Object(
  {
    firmName: { ...FirmName, description: 'Unique on Accord (ignoring case); the slug is derived from it.' },
    chainRole: ChainRole,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Your name.' }),
    email: Email,
    password: Type.String({ minLength: 1, maxLength: passwordLength.max * 4 }),
    networkInvitation: Type.Optional({
      ...Token,
      description: 'The token of a firm invitation (the `invitation` of the emailed link): joins its network.',
    }),
  },
  strict,
);

export const SignUpResult = Type.Object({
  user: Type.Ref('UserSummary'),
  firm: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String(), chainRole: ChainRole }),
  emailVerificationRequired: Type.Boolean({
    description: 'True when a verification link was emailed: sign-in is refused until it is followed.',
  }),
  networkId: Type.Union([Uuid, Type.Null()], {
    description: 'The network the firm joined through its invitation, if any.',
  }),
});

export const TokenBody = Type.Object({ token: Token }, strict);
export const ResendVerificationBody = Type.Object({ email: Email }, strict);
export const Accepted = Type.Object({ detail: Type.String() });

export const FirmInvitationParams = Type.Object({ networkId: Uuid, firmInvitationId: Uuid }, strict);

export const FirmInvitation = Type.Object(
  {
    id: Uuid,
    networkId: Uuid,
    email: Type.String(),
    firmName: Type.Union([Type.String(), Type.Null()]),
    chainRole: ChainRole,
    status: InvitationStatus,
    invitedBy: Type.Union([Type.String(), Type.Null()]),
    acceptedFirmId: Type.Union([Uuid, Type.Null()], { description: 'The firm that signed up through it.' }),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  },
  { $id: 'FirmInvitation' },
);

export const InviteFirmBody = Type.Object(
  {
    email: { ...Email, description: 'Whom to invite: they sign up their firm with this address.' },
    firmName: Type.Optional({ ...FirmName, description: 'Prefills the sign-up; the invitee may change it.' }),
    chainRole: { ...ChainRole, description: "The firm's role in this chain." },
  },
  strict,
);

export const FirmInvitationLookupQuery = Type.Object({ token: Token }, strict);

export const FirmInvitationPreview = Type.Object({
  networkName: Type.String(),
  focalFirmName: Type.String(),
  chainRole: ChainRole,
  firmName: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  expiresAt: Timestamp,
});
