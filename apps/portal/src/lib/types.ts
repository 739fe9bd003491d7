// Shapes of the API's answers, taken from the generated client so they follow the OpenAPI document.
import type { paths, Schemas } from '@accord/api-client';

export type Me = paths['/v1/me']['get']['responses'][200]['content']['application/json'];
export type FirmOfUser = Schemas['FirmOfUser'];
export type FirmRole = FirmOfUser['role'];
export type ChainRole = FirmOfUser['chainRole'];
export type Network = Schemas['Network'];
export type NetworkMember = Schemas['NetworkMember'];
export type RelationshipStage = NetworkMember['relationshipStage'];
export type MembershipStatus = NetworkMember['status'];
export type FirmUser = Schemas['FirmUser'];
export type UserInvitation = Schemas['UserInvitation'];
export type Problem = Schemas['Problem'];
