// The strategy editor's form, read back into a StrategyContent, and its row edits (add or remove an objective,
// a measure of an objective, a commitment...). Field names are the content's paths with dots, e.g.
// `objectives.0.measures.1.target`, so an API error path maps straight onto its field (see fieldOfPath).
// Without JavaScript adding a row is a round trip: the action reads the form, edits it here and sends it back.
import {
  commitmentKinds,
  reviewCadences,
  valueTiers,
  type CommitmentKind,
  type FieldErrors,
  type ReviewCadence,
  type StrategyContent,
  type ValueTier,
} from './strategy';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** The row indices present under `prefix` (e.g. `objectives` → the i of every `objectives.i.…` field), in order. */
function rows(form: FormData, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  const found = new Set<number>();
  for (const key of form.keys()) {
    const m = pattern.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].sort((a, b) => a - b);
}

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;

/** A short id for a new row, unique within its list. */
export function newItemId(taken: readonly { id: string }[], make: () => string = () => crypto.randomUUID()): string {
  for (;;) {
    const id = make()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 8);
    if (id && !taken.some((item) => item.id === id)) return id;
  }
}

export interface EditorForm {
  title: string;
  content: StrategyContent;
  /** Problems the portal finds itself (a target that is not a number, a missing choice), by field. */
  errors: FieldErrors;
}

/** The editor's fields as a title and content; rows keep their order, renumbered from 0. */
export function readEditorForm(form: FormData): EditorForm {
  const errors: FieldErrors = {};
  const objectives = rows(form, 'objectives').map((i, at) => {
    const p = `objectives.${i}`;
    return {
      id: text(form, `${p}.id`),
      title: text(form, `${p}.title`),
      description: text(form, `${p}.description`),
      measures: rows(form, `${p}.measures`).map((j, mat) => {
        const q = `${p}.measures.${j}`;
        const raw = text(form, `${q}.target`);
        const target = raw === '' ? Number.NaN : Number(raw);
        const out = `objectives.${at}.measures.${mat}`;
        const measureId = text(form, `${q}.measureId`);
        const dueDate = text(form, `${q}.dueDate`);
        if (!measureId) errors[`${out}.measureId`] = 'Choose a scorecard measure.';
        if (!Number.isFinite(target)) errors[`${out}.target`] = 'Enter the target as a number.';
        if (!DAY.test(dueDate)) errors[`${out}.dueDate`] = 'Choose a due date.';
        return { measureId, target, dueDate };
      }),
    };
  });
  objectives.forEach((o, at) => {
    if (!o.title) errors[`objectives.${at}.title`] = 'Give the objective a title.';
  });

  const targetSegments = rows(form, 'targetSegments').map((i, at) => {
    const p = `targetSegments.${i}`;
    const segment = text(form, `${p}.segment`);
    if (!segment) errors[`targetSegments.${at}.segment`] = 'Choose a segment.';
    return {
      id: text(form, `${p}.id`),
      segment,
      tier: oneOf<ValueTier>(valueTiers, text(form, `${p}.tier`), 'best'),
      valueProposition: text(form, `${p}.valueProposition`),
    };
  });

  const partnerRoles = rows(form, 'partnerRoles').map((i, at) => {
    const p = `partnerRoles.${i}`;
    const firmId = text(form, `${p}.firmId`);
    if (!firmId) errors[`partnerRoles.${at}.firmId`] = 'Choose the partner firm.';
    return {
      id: text(form, `${p}.id`),
      firmId,
      role: text(form, `${p}.role`),
      commitments: rows(form, `${p}.commitments`).map((j, cat) => {
        const q = `${p}.commitments.${j}`;
        const description = text(form, `${q}.description`);
        if (!description) errors[`partnerRoles.${at}.commitments.${cat}.description`] = 'Describe the commitment.';
        return { kind: oneOf<CommitmentKind>(commitmentKinds, text(form, `${q}.kind`), 'data_feed'), description };
      }),
    };
  });

  const capabilities = rows(form, 'capabilities').map((i, at) => {
    const p = `capabilities.${i}`;
    const name = text(form, `${p}.name`);
    if (!name) errors[`capabilities.${at}.name`] = 'Name the capability.';
    return {
      id: text(form, `${p}.id`),
      name,
      description: text(form, `${p}.description`),
      firmId: text(form, `${p}.firmId`) || null,
    };
  });

  const successMeasures = rows(form, 'successMeasures').map((i, at) => {
    const p = `successMeasures.${i}`;
    const measureId = text(form, `${p}.measureId`);
    if (!measureId) errors[`successMeasures.${at}.measureId`] = 'Choose a scorecard measure.';
    return { id: text(form, `${p}.id`), measureId, note: text(form, `${p}.note`) };
  });

  const title = text(form, 'title');
  if (!title) errors.title = 'Give the strategy a title.';
  return {
    title,
    errors,
    content: {
      vision: text(form, 'vision'),
      objectives,
      targetSegments,
      partnerRoles,
      customerExperience: {
        channelMix: text(form, 'customerExperience.channelMix'),
        consistencyRules: text(form, 'customerExperience.consistencyRules'),
        deliveryOptions: text(form, 'customerExperience.deliveryOptions'),
        returns: text(form, 'customerExperience.returns'),
        priceMatching: text(form, 'customerExperience.priceMatching'),
      },
      capabilities,
      technology: text(form, 'technology'),
      successMeasures,
      reviewCadence: oneOf<ReviewCadence>(reviewCadences, text(form, 'reviewCadence'), 'quarterly'),
    },
  };
}

/** The lists rows can be added to, and what a new row holds. */
const lists = ['objectives', 'targetSegments', 'partnerRoles', 'capabilities', 'successMeasures'] as const;
type ListName = (typeof lists)[number];

function newRow(list: ListName, content: StrategyContent, defaults: { measureId: string; dueDate: string }) {
  const id = newItemId(content[list]);
  switch (list) {
    case 'objectives':
      return { id, title: '', description: '', measures: [] };
    case 'targetSegments':
      return { id, segment: '', tier: 'best' as const, valueProposition: '' };
    case 'partnerRoles':
      return { id, firmId: '', role: '', commitments: [] };
    case 'capabilities':
      return { id, name: '', description: '', firmId: null };
    case 'successMeasures':
      return { id, measureId: defaults.measureId, note: '' };
  }
}

/**
 * Applies a row edit to the content in place and says which field to focus: `add:objectives`,
 * `add:objectives.2.measures`, `add:partnerRoles.0.commitments`, `remove:objectives.1`,
 * `remove:objectives.1.measures.0`, ... An edit that names nothing there is ignored (null).
 */
export function applyRowEdit(
  content: StrategyContent,
  edit: string,
  defaults: { measureId: string; dueDate: string },
): string | null {
  const [verb, path = ''] = edit.split(':', 2);
  const parts = path.split('.');
  const list = parts[0] as ListName;
  if (!lists.includes(list)) return null;
  const index = parts[1] === undefined ? null : Number(parts[1]);
  const items = content[list] as unknown[];
  if (index !== null && (!Number.isInteger(index) || index < 0 || index >= items.length)) return null;

  if (verb === 'add' && parts.length === 1) {
    (items as object[]).push(newRow(list, content, defaults));
    const first = { objectives: 'title', targetSegments: 'segment', partnerRoles: 'firmId' } as Record<string, string>;
    return `${list}.${items.length - 1}.${first[list] ?? (list === 'capabilities' ? 'name' : 'measureId')}`;
  }
  if (verb === 'remove' && parts.length === 2 && index !== null) {
    items.splice(index, 1);
    return null;
  }
  if (index === null) return null;
  const nested = parts[2];
  if (list === 'objectives' && nested === 'measures') {
    const measures = content.objectives[index]!.measures;
    if (verb === 'add' && parts.length === 3) {
      measures.push({ measureId: defaults.measureId, target: Number.NaN, dueDate: defaults.dueDate });
      return `objectives.${index}.measures.${measures.length - 1}.measureId`;
    }
    const j = Number(parts[3]);
    if (verb === 'remove' && parts.length === 4 && Number.isInteger(j) && j >= 0 && j < measures.length) {
      measures.splice(j, 1);
    }
    return null;
  }
  if (list === 'partnerRoles' && nested === 'commitments') {
    const commitments = content.partnerRoles[index]!.commitments;
    if (verb === 'add' && parts.length === 3) {
      commitments.push({ kind: 'data_feed', description: '' });
      return `partnerRoles.${index}.commitments.${commitments.length - 1}.description`;
    }
    const j = Number(parts[3]);
    if (verb === 'remove' && parts.length === 4 && Number.isInteger(j) && j >= 0 && j < commitments.length) {
      commitments.splice(j, 1);
    }
    return null;
  }
  return null;
}
