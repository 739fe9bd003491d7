// Shapes of the API's answers, taken from the generated client so they follow the OpenAPI document.
import type { paths, Schemas } from '@accord/api-client';

// The shared vocabulary's words; the API's enums are declared from the same lists.
export type {
  AgreementStatus,
  BatchStatus,
  ChainRole,
  Dataset,
  FirmRole,
  MembershipStatus,
  OnErrorMode as OnError,
  RelationshipStage,
  SharingLevel,
} from '@accord/domain/vocabulary';

export type Me = paths['/v1/me']['get']['responses'][200]['content']['application/json'];
export type FirmOfUser = Schemas['FirmOfUser'];
export type Network = Schemas['Network'];
export type NetworkMember = Schemas['NetworkMember'];
export type FirmUser = Schemas['FirmUser'];
export type UserInvitation = Schemas['UserInvitation'];
export type FirmInvitation = Schemas['FirmInvitation'];
export type Problem = Schemas['Problem'];
export type Batch = Schemas['Batch'];
export type ApiKey = Schemas['ApiKey'];
export type DatasetStatus =
  paths['/v1/networks/{networkId}/datasets']['get']['responses'][200]['content']['application/json']['items'][number];
export type BatchError =
  paths['/v1/networks/{networkId}/batches/{batchId}/errors']['get']['responses'][200]['content']['application/json']['items'][number];
export type HashingRecipe =
  paths['/v1/networks/{networkId}/hashing']['get']['responses'][200]['content']['application/json'];
export type Agreement = Schemas['Agreement'];
export type Customer360 = Schemas['Customer360'];
export type AccessLogEntry =
  paths['/v1/firms/{firmId}/access-log']['get']['responses'][200]['content']['application/json']['items'][number];
export type Insight = Schemas['Insight'];
export type InsightAudience = Insight['audience'];
export type InsightComment = Insight['comments'][number];
