import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { ChainRole, Email, FirmRole } from '../auth/auth.schemas.ts';

export const FirmParams = Type.Object({ firmId: Uuid }, strict);
export const FirmUserParams = Type.Object({ firmId: Uuid, userId: Uuid }, strict);
export const FirmInvitationParams = Type.Object({ firmId: Uuid, invitationId: Uuid }, strict);

export const Firm = Type.Object(
  { id: Uuid, name: Type.String(), slug: Type.String(), chainRole: ChainRole, createdAt: Timestamp },
  { $id: 'Firm' },
);

export const FirmUser = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    name: Type.String(),
    role: FirmRole,
    joinedAt: Timestamp,
    deactivated: Type.Boolean(),
  },
  { $id: 'FirmUser' },
);

export const UpdateFirmUserBody = Type.Object({ role: FirmRole }, strict);

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
