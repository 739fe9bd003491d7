import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { ChainRole, Email, FirmRole } from '../auth/auth.schemas.ts';

export const FirmParams = Type.Object({ firmId: Uuid }, strict);
export const FirmUserParams = Type.Object({ firmId: Uuid, userId: Uuid }, strict);
export const FirmInvitationParams = Type.Object({ firmId: Uuid, invitationId: Uuid }, strict);

export const Firm = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    slug: Type.String(),
    chainRole: ChainRole,
    createdAt: Timestamp,
    requireMfa: Type.Boolean({ description: 'Members must sign in with an authenticator (TOTP).' }),
  },
  { $id: 'Firm' },
);

export const FirmUser = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: FirmRole,
    joinedAt: Timestamp,
    deactivated: Type.Boolean({
      description: 'Deactivated in this firm by a firm admin (or the whole account): cannot sign in for the firm.',
    }),
  },
  { $id: 'FirmUser' },
);

export const UpdateFirmUserBody = Type.Object(
  {
    role: Type.Optional(FirmRole),
    active: Type.Optional(
      Type.Boolean({
        description:
          'false deactivates the member: their sessions for this firm end, they cannot sign in for it, and ' +
          'API keys they created stop working. true reactivates them.',
      }),
    ),
  },
  { ...strict, minProperties: 1 },
);

export const UpdateFirmBody = Type.Object({ requireMfa: Type.Boolean() }, { ...strict, minProperties: 1 });

export const RevokedMemberSessions = Type.Object({
  revoked: Type.Integer({ description: 'How many sessions were ended.' }),
});

export const InvitationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('withdrawn'),
  Type.Literal('expired'),
]);

export const UserInvitation = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    role: FirmRole,
    status: InvitationStatus,
    invitedBy: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  },
  { $id: 'UserInvitation' },
);

export const InviteUserBody = Type.Object({ email: Email, role: FirmRole }, strict);
