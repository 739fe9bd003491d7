import Type from 'typebox';
import { strict, Timestamp, Uuid } from '../../http/common.schemas.ts';
import { DatasetName } from '../api-keys/api-keys.schemas.ts';

export const CustomerParams = Type.Object(
  { networkId: Uuid, customerKey: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The pseudonymous key.' }) },
  strict,
);
export const LookupBody = Type.Object(
  {
    identifier: Type.String({
      minLength: 1,
      maxLength: 500,
      description: "A raw identifier (e.g. an email): hashed with the network's key here, never stored.",
    }),
  },
  strict,
);

const FirmRef = Type.Object({ id: Uuid, name: Type.String() });
const Decimal = Type.String({ description: 'Exact decimal.' });
const When = Type.Union([Timestamp, Type.Null()]);

export const Customer360 = Type.Object(
  {
    customerKey: Type.String(),
    firstPurchaseAt: When,
    lastPurchaseAt: When,
    partners: Type.Array(
      Type.Object({
        firm: FirmRef,
        channels: Type.Array(Type.Object({ channel: Type.String(), orders: Type.Integer(), lines: Type.Integer() })),
        spend: Type.Array(
          Type.Object({
            currency: Type.String(),
            net: Decimal,
            refunds: Decimal,
            shareOfWallet: Type.Number({
              description: "This partner's share of the customer's net spend in this currency.",
            }),
          }),
        ),
        returnedLines: Type.Integer(),
        firstPurchaseAt: When,
        lastPurchaseAt: When,
      }),
    ),
    shipments: Type.Array(
      Type.Object({
        firm: FirmRef,
        shipmentId: Type.String(),
        orderId: Type.String(),
        carrier: Type.String(),
        promisedAt: Timestamp,
        deliveredAt: When,
        expedited: Type.Boolean(),
        status: Type.Enum(['on_time', 'late', 'in_transit', 'overdue']),
      }),
    ),
    serviceCases: Type.Array(
      Type.Object({
        firm: FirmRef,
        caseId: Type.String(),
        openedAt: Timestamp,
        resolvedAt: When,
        channel: Type.String(),
        category: Type.String(),
        satisfaction: Type.Union([Type.Integer(), Type.Null()]),
      }),
    ),
    activities: Type.Array(
      Type.Object({
        firm: FirmRef,
        activity: Type.String({ description: "A code of the firm's cost model." }),
        count: Type.Integer({ description: 'How many times.' }),
        quantity: { ...Decimal, description: 'The quantities summed, exact.' },
        firstAt: Timestamp,
        lastAt: Timestamp,
      }),
      { description: 'Per firm and activity code.' },
    ),
    hidden: Type.Array(
      Type.Object(
        { firm: FirmRef, datasets: Type.Array(DatasetName) },
        {
          description: 'Partners holding data on this customer that you have not been granted.',
        },
      ),
    ),
  },
  { $id: 'Customer360' },
);
