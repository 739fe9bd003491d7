import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { Password, TotpCode } from '../auth/auth.schemas.ts';

export const SessionParams = Type.Object({ sessionId: Uuid }, strict);

export const UserSession = Type.Object(
  {
    id: Uuid,
    device: Type.String({ description: 'Browser and system, read from the user agent, e.g. "Firefox on Linux".' }),
    ip: Type.Union([Type.String(), Type.Null()]),
    firmId: Uuid,
    createdAt: Timestamp,
    lastSeenAt: Timestamp,
    current: Type.Boolean({ description: 'The session this request comes from.' }),
  },
  { $id: 'UserSession' },
);

export const UserSessions = Type.Object({ items: Type.Array(Type.Ref('UserSession')) });

export const RevokedSessions = Type.Object({ revoked: Type.Integer({ description: 'How many sessions were ended.' }) });

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password, newPassword: Type.String({ maxLength: 512 }) },
  strict,
);

export const ConfirmTotpBody = Type.Object({ code: TotpCode }, strict);

export const DisableMfaBody = Type.Object({ password: Password, code: TotpCode }, strict);
