import { describe, expect, it } from 'vitest';
import { fieldOfPath } from './strategy';
import { applyRowEdit, newItemId, readEditorForm } from './strategy-form';

function formOf(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const defaults = { measureId: '', dueDate: '2027-01-01' };

describe('readEditorForm', () => {
  it('reads rows in order, renumbered from 0, with nested measures and commitments', () => {
    const { title, content, errors } = readEditorForm(
      formOf({
        title: ' Joint CRM strategy ',
        vision: 'One promise',
        'objectives.3.id': 'b',
        'objectives.3.title': 'Second',
        'objectives.1.id': 'a',
        'objectives.1.title': 'First',
        'objectives.1.measures.0.measureId': '7f1c1a52-3c55-4b7e-9d0f-1e2a3b4c5d6e',
        'objectives.1.measures.0.target': '0.95',
        'objectives.1.measures.0.dueDate': '2027-06-30',
        'partnerRoles.0.id': 'r',
        'partnerRoles.0.firmId': '9e1c1a52-3c55-4b7e-9d0f-1e2a3b4c5d6e',
        'partnerRoles.0.commitments.0.kind': 'channel',
        'partnerRoles.0.commitments.0.description': 'Web shop',
        'capabilities.0.id': 'c',
        'capabilities.0.name': 'Returns desk',
        'capabilities.0.firmId': '',
        reviewCadence: 'annual',
      }),
    );
    expect(errors).toEqual({});
    expect(title).toBe('Joint CRM strategy');
    expect(content.objectives.map((o) => o.title)).toEqual(['First', 'Second']);
    expect(content.objectives[0]!.measures).toEqual([
      { measureId: '7f1c1a52-3c55-4b7e-9d0f-1e2a3b4c5d6e', target: 0.95, dueDate: '2027-06-30' },
    ]);
    expect(content.partnerRoles[0]!.commitments).toEqual([{ kind: 'channel', description: 'Web shop' }]);
    expect(content.capabilities[0]!.firmId).toBeNull();
    expect(content.reviewCadence).toBe('annual');
  });

  it('reports a target that is not a number and a missing measure at the renumbered field', () => {
    const { errors } = readEditorForm(
      formOf({
        title: 'T',
        'objectives.5.id': 'a',
        'objectives.5.title': 'First',
        'objectives.5.measures.2.measureId': '',
        'objectives.5.measures.2.target': 'ninety',
        'objectives.5.measures.2.dueDate': '2027-06-30',
      }),
    );
    expect(errors).toEqual({
      'objectives.0.measures.0.measureId': 'Choose a scorecard measure.',
      'objectives.0.measures.0.target': 'Enter the target as a number.',
    });
  });
});

describe('applyRowEdit', () => {
  it('adds and removes rows and nested rows, and names the field to focus', () => {
    const { content } = readEditorForm(formOf({ title: 'T' }));
    expect(applyRowEdit(content, 'add:objectives', defaults)).toBe('objectives.0.title');
    expect(applyRowEdit(content, 'add:objectives.0.measures', defaults)).toBe('objectives.0.measures.0.measureId');
    expect(content.objectives[0]!.measures[0]!.dueDate).toBe('2027-01-01');
    expect(applyRowEdit(content, 'remove:objectives.0.measures.0', defaults)).toBeNull();
    expect(content.objectives[0]!.measures).toEqual([]);
    expect(applyRowEdit(content, 'add:partnerRoles', defaults)).toBe('partnerRoles.0.firmId');
    expect(applyRowEdit(content, 'add:partnerRoles.0.commitments', defaults)).toBe(
      'partnerRoles.0.commitments.0.description',
    );
    expect(applyRowEdit(content, 'remove:objectives.0', defaults)).toBeNull();
    expect(content.objectives).toEqual([]);
    // nothing there: ignored
    expect(applyRowEdit(content, 'remove:objectives.4', defaults)).toBeNull();
    expect(applyRowEdit(content, 'add:vision', defaults)).toBeNull();
  });

  it('gives new rows short ids unique in their list', () => {
    let n = 0;
    const ids = ['aaaaaaaa-1', 'aaaaaaaa-2', 'bbbbbbbb-3'];
    expect(newItemId([{ id: 'aaaaaaaa' }], () => ids[n++]!)).toBe('bbbbbbbb');
  });
});

describe('fieldOfPath', () => {
  it('maps the API’s error paths onto the editor’s field names', () => {
    expect(fieldOfPath('/content/objectives[0].measures[1].measureId')).toBe('objectives.0.measures.1.measureId');
    expect(fieldOfPath('body/content/objectives/0/title')).toBe('objectives.0.title');
    expect(fieldOfPath('/title')).toBe('title');
    expect(fieldOfPath('body/title')).toBe('title');
  });
});
