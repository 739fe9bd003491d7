import { relationshipStages } from '@accord/db';
import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { ChainRole, MembershipStatus } from '../auth/auth.schemas.ts';

export const RelationshipStage = Type.Enum([...relationshipStages]);
export const NetworkParams = Type.Object({ networkId: Uuid }, strict);
export const NetworkMemberParams = Type.Object({ networkId: Uuid, firmId: Uuid }, strict);

export const Network = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    description: Type.String(),
    focalFirm: Type.Object({ id: Uuid, name: Type.String() }),
    myStatus: MembershipStatus,
    activeMembers: Type.Integer(),
    createdAt: Timestamp,
  },
  { $id: 'Network' },
);

export const CreateNetworkBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 4000 })) },
  strict,
);

export const UpdateNetworkBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  strict,
);

export const NetworkMember = Type.Object(
  {
    firm: Type.Object({ id: Uuid, name: Type.String(), slug: Type.String() }),
    chainRole: ChainRole,
    status: MembershipStatus,
    relationshipStage: RelationshipStage,
    executiveSponsor: Type.Union([Type.Object({ id: Uuid, name: Type.String(), email: Type.String() }), Type.Null()]),
    isFocalFirm: Type.Boolean(),
    invitedAt: Timestamp,
    joinedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'NetworkMember' },
);

export const InvitePartnerBody = Type.Object(
  {
    firmSlug: Type.String({ minLength: 1, maxLength: 100, description: "The partner firm's slug on Accord." }),
    chainRole: Type.Optional({ ...ChainRole, description: "Its role in this chain; defaults to the firm's own." }),
    relationshipStage: Type.Optional(RelationshipStage),
  },
  strict,
);

export const UpdateMemberBody = Type.Object(
  {
    relationshipStage: Type.Optional({ ...RelationshipStage, description: 'Set by the focal firm.' }),
    chainRole: Type.Optional({ ...ChainRole, description: 'Set by the focal firm.' }),
    executiveSponsorUserId: Type.Optional({
      ...Type.Union([Uuid, Type.Null()]),
      description: 'Set by the member firm: one of its own users.',
    }),
  },
  { ...strict, minProperties: 1 },
);

export const RespondBody = Type.Object(
  { executiveSponsorUserId: Type.Optional({ ...Uuid, description: 'Your executive sponsor; defaults to you.' }) },
  strict,
);

/** A person of an active member firm, for naming strategy team members and boundary spanners. */
export const NetworkPerson = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  firmId: Uuid,
  firmName: Type.String(),
  role: Type.String(),
});
export const NetworkPeople = Type.Object({ items: Type.Array(NetworkPerson) });
