// The joint CRM strategy document (strategy creation, the first inter-firm CRM process): its
// sections and content, the problems a structurally valid content may still have, and the diff
// between two versions that partners read before signing off.
//
// Diff. Scalar fields (vision, the customer experience fields, technology, review cadence) are
// 'changed' when their text differs, even from or to empty. List items are matched by `id`:
// unmatched ones are 'added' or 'removed' (rendered whole as plain text), matched ones give one
// 'changed' per differing field, and a matched item is 'moved' when it is not on every longest
// run of matched items that kept their relative order. "Every" rather than "one chosen" run keeps
// the diff symmetric without an arbitrary tie-break: two swapped items are both moved, while an
// item moved to the front of an otherwise unchanged list is the only one moved.
//
// Nested lists follow one rule: a nested list with a key is matched like a top-level list
// (objective measures by measureId, so a changed target or due date is its own change); a nested
// list without a key (a partner's commitments) is rendered one line per entry and compared as
// text. Free-text fields carry a word-level diff; ids, enums, numbers and dates do not.
//
// diff(a, b) and diff(b, a) mirror: added <-> removed, before <-> after, text inserts <-> deletes.
// Changes within a section are in a fixed order (per list: removed items in the old order, then
// the new list's items in order, each item's field changes in field order), so a mirrored diff
// holds the same changes but may list them in another order. Labels name an item by its newer
// title, so they differ between the two directions only when that title itself changed.

export const strategySections = [
  'vision',
  'objectives',
  'targetSegments',
  'partnerRoles',
  'customerExperience',
  'capabilities',
  'successMeasures',
] as const;
export type StrategySection = (typeof strategySections)[number];

export const strategySectionTitles: Record<StrategySection, string> = {
  vision: 'Vision',
  objectives: 'Objectives',
  targetSegments: 'Target segments and value propositions',
  partnerRoles: 'Partner roles and commitments',
  customerExperience: 'Customer experience plan',
  capabilities: 'Capabilities and technology',
  successMeasures: 'Success measures and review cadence',
};

/** Best, average and worst customers should receive different value. */
export const valueTiers = ['best', 'average', 'worst'] as const;
export type ValueTier = (typeof valueTiers)[number];

export const commitmentKinds = ['data_feed', 'channel', 'service_level', 'investment', 'cost_sharing'] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

export const commitmentKindTitles: Record<CommitmentKind, string> = {
  data_feed: 'Data feed',
  channel: 'Channel',
  service_level: 'Service level',
  investment: 'Investment',
  cost_sharing: 'Cost sharing',
};

export const reviewCadences = ['monthly', 'quarterly', 'semiannual', 'annual'] as const;
export type ReviewCadence = (typeof reviewCadences)[number];

export interface ObjectiveMeasure {
  /** A scorecard measure code. */
  measureId: string;
  target: number;
  /** YYYY-MM-DD. */
  dueDate: string;
}

export interface StrategyObjective {
  id: string;
  title: string;
  description: string;
  measures: ObjectiveMeasure[];
}

export interface TargetSegment {
  id: string;
  /** A segment name of the network's joint segmentation scheme. */
  segment: string;
  tier: ValueTier;
  valueProposition: string;
}

export interface PartnerCommitment {
  kind: CommitmentKind;
  description: string;
}

export interface PartnerRole {
  id: string;
  firmId: string;
  role: string;
  commitments: PartnerCommitment[];
}

export interface CustomerExperiencePlan {
  channelMix: string;
  consistencyRules: string;
  deliveryOptions: string;
  returns: string;
  priceMatching: string;
}

export interface StrategyCapability {
  id: string;
  name: string;
  description: string;
  /** The firm that contributes it; null for one the network builds together. */
  firmId: string | null;
}

export interface SuccessMeasure {
  id: string;
  measureId: string;
  note: string;
}

export interface StrategyContent {
  vision: string;
  objectives: StrategyObjective[];
  targetSegments: TargetSegment[];
  partnerRoles: PartnerRole[];
  customerExperience: CustomerExperiencePlan;
  capabilities: StrategyCapability[];
  technology: string;
  successMeasures: SuccessMeasure[];
  reviewCadence: ReviewCadence;
}

/** A new strategy's content: empty texts and lists, reviewed quarterly. */
export function emptyStrategyContent(): StrategyContent {
  return {
    vision: '',
    objectives: [],
    targetSegments: [],
    partnerRoles: [],
    customerExperience: { channelMix: '', consistencyRules: '', deliveryOptions: '', returns: '', priceMatching: '' },
    capabilities: [],
    technology: '',
    successMeasures: [],
    reviewCadence: 'quarterly',
  };
}

const sectionOfKey: Record<keyof StrategyContent, StrategySection> = {
  vision: 'vision',
  objectives: 'objectives',
  targetSegments: 'targetSegments',
  partnerRoles: 'partnerRoles',
  customerExperience: 'customerExperience',
  capabilities: 'capabilities',
  technology: 'capabilities',
  successMeasures: 'successMeasures',
  reviewCadence: 'successMeasures',
};

/** Which section a top-level key belongs to: technology -> capabilities, reviewCadence -> successMeasures, others their own. */
export function sectionOf(key: keyof StrategyContent): StrategySection {
  return sectionOfKey[key];
}

export interface StrategyProblem {
  /** Where, e.g. `objectives[2].measures[0].dueDate`. */
  path: string;
  message: string;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `day` is a YYYY-MM-DD date that exists in the calendar (2026-02-30 does not). */
export function isCalendarDate(day: string): boolean {
  const m = isoDay.exec(day);
  if (!m) return false;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === date;
}

/** Reports every repeat of a key after its first occurrence. */
function duplicates<T>(
  items: readonly T[],
  key: (item: T) => string,
  report: (index: number, firstIndex: number, key: string) => void,
): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const k = key(item);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else report(i, seen, k);
  });
}

/**
 * Problems a structurally valid content may still have, empty when fine (the API returns them as
 * 422 field errors): a duplicate id within a list (reported on the repeat's `.id`), a duplicate
 * measureId within one objective, the same segment listed twice with the same tier, an objective
 * measure target that is not a finite number, and a due date that is not a real YYYY-MM-DD date.
 */
export function strategyContentProblems(c: StrategyContent): StrategyProblem[] {
  const problems: StrategyProblem[] = [];
  const add = (path: string, message: string): number => problems.push({ path, message });
  const uniqueIds = (list: string, items: readonly { id: string }[]): void =>
    duplicates(
      items,
      (item) => item.id,
      (i, first, id) => add(`${list}[${i}].id`, `duplicate id ${JSON.stringify(id)}, also used by ${list}[${first}]`),
    );

  uniqueIds('objectives', c.objectives);
  c.objectives.forEach((objective, i) => {
    const at = `objectives[${i}].measures`;
    duplicates(
      objective.measures,
      (m) => m.measureId,
      (j, first, id) =>
        add(`${at}[${j}].measureId`, `measure ${JSON.stringify(id)} is already used by ${at}[${first}]`),
    );
    objective.measures.forEach((m, j) => {
      if (typeof m.target !== 'number' || !Number.isFinite(m.target))
        add(`${at}[${j}].target`, 'target must be a finite number');
      if (!isCalendarDate(m.dueDate))
        add(`${at}[${j}].dueDate`, `due date must be a real date as YYYY-MM-DD, not ${JSON.stringify(m.dueDate)}`);
    });
  });

  uniqueIds('targetSegments', c.targetSegments);
  duplicates(
    c.targetSegments,
    (s) => JSON.stringify([s.segment, s.tier]),
    (i, first) => {
      const s = c.targetSegments[i]!;
      add(
        `targetSegments[${i}].segment`,
        `segment ${JSON.stringify(s.segment)} is already targeted as ${s.tier} by targetSegments[${first}]`,
      );
    },
  );

  uniqueIds('partnerRoles', c.partnerRoles);
  uniqueIds('capabilities', c.capabilities);
  uniqueIds('successMeasures', c.successMeasures);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Word-level text diff

export interface TextChange {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** Words, runs of whitespace, and single other characters (punctuation). */
const token = /\s+|[\p{L}\p{N}_'’-]+|[^\s\p{L}\p{N}_'’-]/gu;

/** Above this many cells the LCS table is skipped and the differing middle replaced whole. */
const maxLcsCells = 4_000_000;

/** Appends, merging with the previous entry of the same op. */
function push(out: TextChange[], op: TextChange['op'], text: string): void {
  if (text === '') return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** Puts each run of non-equal entries in the order delete, insert, merged to one of each. */
function normalize(changes: TextChange[]): TextChange[] {
  const out: TextChange[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
    deleted = inserted = '';
  };
  for (const c of changes) {
    if (c.op === 'delete') deleted += c.text;
    else if (c.op === 'insert') inserted += c.text;
    else {
      flush();
      push(out, 'equal', c.text);
    }
  }
  flush();
  return out;
}

function lcsDiff(a: string[], b: string[]): TextChange[] {
  const out: TextChange[] = [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) push(out, 'equal', a[start++]!);
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n * m > maxLcsCells) {
    push(out, 'delete', a.slice(start, endA).join(''));
    push(out, 'insert', b.slice(start, endB).join(''));
  } else {
    // lengths[i][j]: LCS length of a[start+i..endA) and b[start+j..endB).
    const lengths: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      const row = lengths[i]!;
      const next = lengths[i + 1]!;
      for (let j = m - 1; j >= 0; j--) {
        row[j] = a[start + i] === b[start + j] ? next[j + 1]! + 1 : Math.max(next[j]!, row[j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        push(out, 'equal', a[start + i]!);
        i++;
        j++;
      } else if (j >= m || (i < n && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
        push(out, 'delete', a[start + i++]!);
      } else {
        push(out, 'insert', b[start + j++]!);
      }
    }
  }
  for (let k = endA; k < a.length; k++) push(out, 'equal', a[k]!);
  return normalize(out);
}

/**
 * Word-level diff of two texts (a longest common subsequence of words, whitespace runs and
 * punctuation): the equal and deleted parts spell `before`, the equal and inserted parts `after`;
 * within each changed run the deletion comes first. The alignment is computed in one canonical
 * direction, so wordDiff(b, a) is exactly wordDiff(a, b) with inserts and deletes swapped.
 */
export function wordDiff(before: string, after: string): TextChange[] {
  if (before > after) {
    const swapped = wordDiff(after, before).map((c): TextChange => ({
      op: c.op === 'insert' ? 'delete' : c.op === 'delete' ? 'insert' : 'equal',
      text: c.text,
    }));
    return normalize(swapped);
  }
  return lcsDiff(before.match(token) ?? [], after.match(token) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Strategy diff

export interface StrategyChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  /** A readable place: 'Vision', 'Objective "Grow repeat buyers" › title', 'Partner role of <firmId> › commitments', ... */
  label: string;
  /** Machine path: 'vision', 'objectives[obj-1].title', 'customerExperience.returns', 'reviewCadence' */
  path: string;
  /** A plain-text rendering of the old value (null when added); for moved, its old position. */
  before: string | null;
  /** Of the new value (null when removed). */
  after: string | null;
  /** For free-text fields changed: a word-level diff; null otherwise. */
  text: TextChange[] | null;
}

export interface SectionDiff {
  section: StrategySection;
  title: string;
  changes: StrategyChange[];
}

function changed(path: string, label: string, before: string, after: string, text: boolean): StrategyChange[] {
  if (before === after) return [];
  return [{ kind: 'changed', path, label, before, after, text: text ? wordDiff(before, after) : null }];
}

/** A field of a list item: how it is named and rendered, and whether it is free text. */
interface ItemField<T> {
  key: string;
  name: string;
  render: (item: T) => string;
  text: boolean;
}

interface ListSpec<T> {
  /** The path of the list, e.g. `objectives`; items are at `${path}[${key}]`. */
  path: string;
  key: (item: T) => string;
  label: (item: T) => string;
  render: (item: T) => string;
  fields: readonly ItemField<T>[];
  /** Nested changes of a matched item (e.g. its measures), after its field changes. */
  nested?: (from: T, to: T, path: string, label: string) => StrategyChange[];
}

/**
 * Keys for matching; a repeated key (which strategyContentProblems reports) gets `#2`, `#3`, ... so
 * that the diff still pairs the n-th occurrence in one version with the n-th in the other.
 */
function keysOf<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const k = key(item);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}

/**
 * Of a sequence of distinct numbers, which entries lie on every longest increasing subsequence.
 * An entry is on some longest one when the longest run ending at it plus the longest starting at
 * it covers the whole length; it is on every one when no other such entry can take its place,
 * i.e. it alone has its run-ending length.
 */
function onEveryLongestIncreasing(seq: readonly number[]): boolean[] {
  const n = seq.length;
  const ending = new Array<number>(n).fill(1);
  const starting = new Array<number>(n).fill(1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) if (seq[j]! < seq[i]!) ending[i] = Math.max(ending[i]!, ending[j]! + 1);
  for (let i = n - 1; i >= 0; i--)
    for (let j = i + 1; j < n; j++) if (seq[j]! > seq[i]!) starting[i] = Math.max(starting[i]!, starting[j]! + 1);
  const longest = Math.max(0, ...ending);
  const onSome = seq.map((_, i) => ending[i]! + starting[i]! - 1 === longest);
  const perLength = new Map<number, number>();
  onSome.forEach((on, i) => {
    if (on) perLength.set(ending[i]!, (perLength.get(ending[i]!) ?? 0) + 1);
  });
  return onSome.map((on, i) => on && perLength.get(ending[i]!) === 1);
}

function diffList<T>(from: readonly T[], to: readonly T[], spec: ListSpec<T>): StrategyChange[] {
  const fromKeys = keysOf(from, spec.key);
  const toKeys = keysOf(to, spec.key);
  const toIndex = new Map(toKeys.map((k, i) => [k, i]));
  const fromIndex = new Map(fromKeys.map((k, i) => [k, i]));
  const changes: StrategyChange[] = [];
  const itemPath = (k: string): string => `${spec.path}[${k}]`;

  fromKeys.forEach((k, i) => {
    if (toIndex.has(k)) return;
    const item = from[i]!;
    changes.push({
      kind: 'removed',
      path: itemPath(k),
      label: spec.label(item),
      before: spec.render(item),
      after: null,
      text: null,
    });
  });

  // Matched items in the old order, by their new index: those off every longest increasing run moved.
  const matchedFrom = fromKeys.filter((k) => toIndex.has(k));
  const stayed = onEveryLongestIncreasing(matchedFrom.map((k) => toIndex.get(k)!));
  const moved = new Set(matchedFrom.filter((_, i) => !stayed[i]));

  toKeys.forEach((k, j) => {
    const item = to[j]!;
    const label = spec.label(item);
    const path = itemPath(k);
    const i = fromIndex.get(k);
    if (i === undefined) {
      changes.push({ kind: 'added', path, label, before: null, after: spec.render(item), text: null });
      return;
    }
    const old = from[i]!;
    if (moved.has(k)) {
      changes.push({ kind: 'moved', path, label, before: `position ${i + 1}`, after: `position ${j + 1}`, text: null });
    }
    for (const f of spec.fields) {
      changes.push(...changed(`${path}.${f.key}`, `${label} › ${f.name}`, f.render(old), f.render(item), f.text));
    }
    if (spec.nested) changes.push(...spec.nested(old, item, path, label));
  });
  return changes;
}

const quote = (s: string): string => `"${s}"`;
const lines = (...parts: string[]): string => parts.filter((p) => p !== '').join('\n');

const renderMeasure = (m: ObjectiveMeasure): string => `${m.measureId}: target ${m.target} by ${m.dueDate}`;
const renderCommitments = (cs: readonly PartnerCommitment[]): string =>
  cs.map((c) => `${commitmentKindTitles[c.kind] ?? c.kind}: ${c.description}`).join('\n');

const measureFields: readonly ItemField<ObjectiveMeasure>[] = [
  { key: 'target', name: 'target', render: (m) => String(m.target), text: false },
  { key: 'dueDate', name: 'due date', render: (m) => m.dueDate, text: false },
];

const objectiveSpec: ListSpec<StrategyObjective> = {
  path: 'objectives',
  key: (o) => o.id,
  label: (o) => `Objective ${quote(o.title)}`,
  render: (o) => lines(o.title, o.description, ...o.measures.map((m) => `Measure ${renderMeasure(m)}`)),
  fields: [
    { key: 'title', name: 'title', render: (o) => o.title, text: true },
    { key: 'description', name: 'description', render: (o) => o.description, text: true },
  ],
  nested: (from, to, path, label) =>
    diffList(from.measures, to.measures, {
      path: `${path}.measures`,
      key: (m) => m.measureId,
      label: (m) => `${label} › measure ${m.measureId}`,
      render: renderMeasure,
      fields: measureFields,
    }),
};

const segmentSpec: ListSpec<TargetSegment> = {
  path: 'targetSegments',
  key: (s) => s.id,
  label: (s) => `Target segment ${quote(s.segment)}`,
  render: (s) => lines(`${s.segment} (${s.tier})`, s.valueProposition),
  fields: [
    { key: 'segment', name: 'segment', render: (s) => s.segment, text: false },
    { key: 'tier', name: 'tier', render: (s) => s.tier, text: false },
    { key: 'valueProposition', name: 'value proposition', render: (s) => s.valueProposition, text: true },
  ],
};

const partnerRoleSpec: ListSpec<PartnerRole> = {
  path: 'partnerRoles',
  key: (r) => r.id,
  label: (r) => `Partner role of ${r.firmId}`,
  render: (r) => lines(`${r.firmId}: ${r.role}`, renderCommitments(r.commitments)),
  fields: [
    { key: 'firmId', name: 'firm', render: (r) => r.firmId, text: false },
    { key: 'role', name: 'role', render: (r) => r.role, text: true },
    { key: 'commitments', name: 'commitments', render: (r) => renderCommitments(r.commitments), text: true },
  ],
};

const capabilitySpec: ListSpec<StrategyCapability> = {
  path: 'capabilities',
  key: (c) => c.id,
  label: (c) => `Capability ${quote(c.name)}`,
  render: (c) => lines(c.firmId === null ? c.name : `${c.name} (${c.firmId})`, c.description),
  fields: [
    { key: 'name', name: 'name', render: (c) => c.name, text: true },
    { key: 'description', name: 'description', render: (c) => c.description, text: true },
    { key: 'firmId', name: 'firm', render: (c) => c.firmId ?? '(the network)', text: false },
  ],
};

const successMeasureSpec: ListSpec<SuccessMeasure> = {
  path: 'successMeasures',
  key: (s) => s.id,
  label: (s) => `Success measure ${s.measureId}`,
  render: (s) => lines(s.measureId, s.note),
  fields: [
    { key: 'measureId', name: 'measure', render: (s) => s.measureId, text: false },
    { key: 'note', name: 'note', render: (s) => s.note, text: true },
  ],
};

const customerExperienceFields: readonly { key: keyof CustomerExperiencePlan; name: string }[] = [
  { key: 'channelMix', name: 'channel mix' },
  { key: 'consistencyRules', name: 'consistency rules' },
  { key: 'deliveryOptions', name: 'delivery options' },
  { key: 'returns', name: 'returns' },
  { key: 'priceMatching', name: 'price matching' },
];

/**
 * What changed from `from` (older) to `to` (newer): every section in order, with no changes when
 * equal. See the header for how lists are matched and what each change holds.
 */
export function diffStrategy(from: StrategyContent, to: StrategyContent): SectionDiff[] {
  const bySection: Record<StrategySection, StrategyChange[]> = {
    vision: changed('vision', 'Vision', from.vision, to.vision, true),
    objectives: diffList(from.objectives, to.objectives, objectiveSpec),
    targetSegments: diffList(from.targetSegments, to.targetSegments, segmentSpec),
    partnerRoles: diffList(from.partnerRoles, to.partnerRoles, partnerRoleSpec),
    customerExperience: customerExperienceFields.flatMap(({ key, name }) =>
      changed(
        `customerExperience.${key}`,
        `Customer experience › ${name}`,
        from.customerExperience[key],
        to.customerExperience[key],
        true,
      ),
    ),
    capabilities: [
      ...diffList(from.capabilities, to.capabilities, capabilitySpec),
      ...changed('technology', 'Technology', from.technology, to.technology, true),
    ],
    successMeasures: [
      ...diffList(from.successMeasures, to.successMeasures, successMeasureSpec),
      ...changed('reviewCadence', 'Review cadence', from.reviewCadence, to.reviewCadence, false),
    ],
  };
  return strategySections.map((section) => ({
    section,
    title: strategySectionTitles[section],
    changes: bySection[section],
  }));
}
