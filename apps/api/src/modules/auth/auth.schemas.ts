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

export const sessionFields = {
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
  user: Type.Ref('UserSummary'),
  firm: Type.Ref('FirmOfUser'),
};

export const Session = Type.Object(sessionFields, { $id: 'Session' });

const mfaTokenField = Type.String({
  description: 'Good only for finishing this sign-in (POST /v1/auth/mfa or the enrolment steps), once.',
});

export const MfaRequired = Type.Object(
  {
    mfaRequired: Type.Literal(true),
    mfaToken: mfaTokenField,
    expiresIn: Type.Integer({ description: 'Seconds left to finish the sign-in.' }),
  },
  { $id: 'MfaRequired', description: 'The password was right; send a code from the authenticator next.' },
);

export const MfaEnrolmentRequired = Type.Object(
  {
    mfaEnrolmentRequired: Type.Literal(true),
    mfaToken: mfaTokenField,
    expiresIn: Type.Integer({ description: 'Seconds left to finish the sign-in.' }),
  },
  {
    $id: 'MfaEnrolmentRequired',
    description: 'The password was right, and the firm requires MFA: set up an authenticator to finish signing in.',
  },
);

export const LoginResult = Type.Union([Type.Ref('Session'), Type.Ref('MfaRequired'), Type.Ref('MfaEnrolmentRequired')]);

export const MfaToken = Type.String({ minLength: 10, maxLength: 200 });
export const TotpCode = Type.String({
  pattern: '^\\s*\\d{6}\\s*$',
  description: 'The 6-digit code from the authenticator.',
});
export const RecoveryCode = Type.String({ minLength: 8, maxLength: 40 });

export const MfaVerifyBody = Type.Object(
  {
    mfaToken: MfaToken,
    code: Type.Optional(TotpCode),
    recoveryCode: Type.Optional({ ...RecoveryCode, description: 'One of the recovery codes, instead of a code.' }),
  },
  strict,
);

export const MfaTokenBody = Type.Object({ mfaToken: MfaToken }, strict);
export const MfaEnrolmentConfirmBody = Type.Object({ mfaToken: MfaToken, code: TotpCode }, strict);

export const TotpEnrolment = Type.Object(
  {
    secret: Type.String({ description: 'Base32, for typing into an authenticator by hand.' }),
    otpauthUri: Type.String(),
    qrCodeDataUrl: Type.String({ description: 'The otpauth URI as a PNG QR code, as a data: URL.' }),
  },
  { $id: 'TotpEnrolment' },
);

const recoveryCodes = Type.Array(Type.String(), {
  description: 'One-time codes for when the authenticator is lost: shown this once, never again.',
});

export const RecoveryCodes = Type.Object({ recoveryCodes });

export const EnrolledSession = Type.Object({ ...sessionFields, recoveryCodes });

export const PasswordResetBody = Type.Object({ email: Email }, strict);
export const PasswordResetAccepted = Type.Object({ detail: Type.String() });
export const PasswordResetCompleteBody = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    password: Type.String({ maxLength: passwordLength.max * 4 }),
  },
  strict,
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
  mfa: Type.Object({
    enabled: Type.Boolean({ description: 'The user signs in with an authenticator.' }),
    required: Type.Boolean({ description: 'The acting firm requires MFA of its members.' }),
  }),
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
