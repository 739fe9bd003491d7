import { chainRoles, firmRoles, membershipStatuses } from '@accord/db';
import { passwordLength } from '@accord/domain';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const NewPassword = Type.String({
  minLength: passwordLength.min,
  maxLength: passwordLength.max * 4,
  description: `At least ${passwordLength.min} characters; any characters, spaces welcome.`,
});
export const ChainRole = Type.Enum([...chainRoles]);
export const FirmRole = Type.Enum([...firmRoles]);
export const MembershipStatus = Type.Enum([...membershipStatuses]);

export const UserSummary = Type.Object({ id: Uuid, email: Type.String(), name: Type.String() }, { $id: 'UserSummary' });

export const FirmOfUser = Type.Object(
  { id: Uuid, name: Type.String(), slug: Type.String(), chainRole: ChainRole, role: FirmRole },
  { $id: 'FirmOfUser' },
);

export const Session = Type.Object(
  {
    accessToken: Type.String(),
    tokenType: Type.Literal('Bearer'),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
    user: Type.Ref('UserSummary'),
    firm: Type.Ref('FirmOfUser'),
  },
  { $id: 'Session' },
);

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Password,
    firmId: Type.Optional(Uuid),
  },
  strict,
);

export const RefreshBody = Type.Object(
  { firmId: Type.Optional({ ...Uuid, description: 'Switch to another firm the user belongs to.' }) },
  strict,
);

export const Me = Type.Object({
  user: Type.Ref('UserSummary'),
  firm: Type.Ref('FirmOfUser'),
  firms: Type.Array(Type.Ref('FirmOfUser')),
  networks: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      focalFirmId: Uuid,
      status: MembershipStatus,
    }),
  ),
});

export const InvitationTokenBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) }, strict);

export const InvitationPreview = Type.Object({
  firmName: Type.String(),
  email: Type.String(),
  role: FirmRole,
  expiresAt: Timestamp,
  userExists: Type.Boolean({ description: 'True when the email already has an account: accept with its password.' }),
});

export const AcceptInvitationBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'Required for a new account; ignored for an existing one.',
      }),
    ),
    password: Type.String({ minLength: 1, maxLength: passwordLength.max * 4 }),
  },
  strict,
);
