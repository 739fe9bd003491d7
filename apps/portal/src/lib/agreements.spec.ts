import { describe, expect, it } from 'vitest';
import {
  agreementPhase,
  matrixCount,
  parseMinGroupSize,
  periodText,
  phaseBadge,
  phaseLabel,
  sharingMatrix,
  termsText,
} from './agreements';
import type { Agreement } from './types';

const northwind = { id: '00000000-0000-4000-8000-000000000001', name: 'Northwind Appliances' };
const tailspin = { id: '00000000-0000-4000-8000-000000000002', name: 'Tailspin Retail' };
const contoso = { id: '00000000-0000-4000-8000-000000000003', name: 'Contoso Distribution' };
const outsider = { id: '00000000-0000-4000-8000-000000000004', name: 'Adventure Outlet' };

let next = 0;
function agreement(terms: Partial<Agreement>): Agreement {
  next += 1;
  return {
    id: `10000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    networkId: '20000000-0000-4000-8000-000000000000',
    owner: tailspin,
    grantee: northwind,
    dataset: 'transactions',
    level: 'customer',
    minGroupSize: 50,
    purpose: 'Joint customer value',
    startsOn: '2025-06-01',
    endsOn: null,
    status: 'active',
    inEffect: true,
    requested: false,
    decisionReason: null,
    createdAt: '2025-06-01T09:00:00.000Z',
    decidedAt: '2025-06-01T09:00:00.000Z',
    revokedAt: null,
    ...terms,
  };
}

describe('sharingMatrix', () => {
  it('has a row per firm in their order and a cell per dataset, empty without agreements', () => {
    const rows = sharingMatrix([northwind, tailspin], []);
    expect(rows.map((r) => r.owner.name)).toEqual(['Northwind Appliances', 'Tailspin Retail']);
    expect(Object.keys(rows[0]!.cells)).toEqual(['transactions', 'shipments', 'service_cases', 'activities']);
    expect(matrixCount(rows)).toBe(0);
  });

  it('lists the agreements in effect under their owner and dataset, the whole network first', () => {
    const rows = sharingMatrix(
      [northwind, tailspin, contoso],
      [
        agreement({ grantee: northwind }),
        agreement({ grantee: null, level: 'aggregate', minGroupSize: 100 }),
        agreement({ grantee: contoso, dataset: 'service_cases', level: 'aggregate', minGroupSize: 20 }),
        agreement({ owner: northwind, grantee: tailspin, dataset: 'shipments' }),
      ],
    );
    const [nw, ts, co] = rows;
    expect(ts!.cells.transactions.map((e) => [e.grantee?.name ?? null, e.level, e.minGroupSize])).toEqual([
      [null, 'aggregate', 100],
      ['Northwind Appliances', 'customer', 0],
    ]);
    expect(ts!.cells.service_cases).toEqual([{ grantee: contoso, level: 'aggregate', minGroupSize: 20, count: 1 }]);
    expect(nw!.cells.shipments).toHaveLength(1);
    expect(nw!.cells.transactions).toHaveLength(0);
    expect(matrixCount([co!])).toBe(0);
    expect(matrixCount(rows)).toBe(4);
  });

  it('leaves out agreements not in effect and merges the same terms to the same grantee', () => {
    const rows = sharingMatrix(
      [tailspin],
      [
        agreement({}),
        agreement({}),
        agreement({ level: 'aggregate', minGroupSize: 50 }),
        agreement({ status: 'requested', inEffect: false }),
        agreement({ status: 'revoked', inEffect: false }),
        agreement({ status: 'active', inEffect: false, startsOn: '2099-01-01' }),
      ],
    );
    expect(rows[0]!.cells.transactions).toEqual([
      { grantee: northwind, level: 'customer', minGroupSize: 0, count: 2 },
      { grantee: northwind, level: 'aggregate', minGroupSize: 50, count: 1 },
    ]);
  });

  it('counts an agreement seen twice once, and adds owners that are not in the firm list', () => {
    const shared = agreement({ owner: outsider, grantee: null });
    const rows = sharingMatrix([tailspin], [shared, shared]);
    expect(rows.map((r) => r.owner.name)).toEqual(['Tailspin Retail', 'Adventure Outlet']);
    expect(rows[1]!.cells.transactions).toEqual([{ grantee: null, level: 'customer', minGroupSize: 0, count: 1 }]);
  });
});

describe('agreement words', () => {
  it('says where an agreement stands today', () => {
    const today = '2025-06-10';
    expect(agreementPhase(agreement({}), today)).toBe('active');
    expect(agreementPhase(agreement({ inEffect: false, startsOn: '2025-07-01' }), today)).toBe('scheduled');
    expect(agreementPhase(agreement({ inEffect: false, endsOn: '2025-06-09' }), today)).toBe('ended');
    expect(agreementPhase(agreement({ status: 'requested', inEffect: false }), today)).toBe('requested');
    expect(agreementPhase(agreement({ status: 'revoked', inEffect: false }), today)).toBe('revoked');
    expect(phaseLabel('scheduled')).toBe('Scheduled');
    expect(phaseBadge('requested')).toBe('badge-pending');
    expect(phaseBadge('revoked')).toBe('badge-revoked');
  });

  it('writes terms and periods', () => {
    expect(termsText({ level: 'customer', minGroupSize: 50 })).toBe('Customer level');
    expect(termsText({ level: 'aggregate', minGroupSize: 20 })).toBe('Aggregate, k = 20');
    expect(periodText('2025-06-05', null)).toBe('From 5 Jun 2025');
    expect(periodText('2025-06-05', '2025-12-31')).toBe('5 Jun 2025 – 31 Dec 2025');
  });

  it('reads k from a form field', () => {
    expect(parseMinGroupSize('')).toBe(50);
    expect(parseMinGroupSize(' 20 ')).toBe(20);
    expect(parseMinGroupSize('1')).toBe(1); // the API says it is too small
    expect(parseMinGroupSize('2.5')).toBeNull();
    expect(parseMinGroupSize('ten')).toBeNull();
  });
});
