import { describe, expect, it } from 'vitest';
import { problemErrors, problemMessage } from '../../../../lib/server/problems';
import { binLabel, diagnosticsQuery, unitWord } from './model-diagnostics';

const at = (search: string) => new URL(`http://portal.test/segmentation${search}`);

describe('diagnosticsQuery', () => {
  it('is null until the diagnostics are asked for', () => {
    expect(diagnosticsQuery(at(''))).toBeNull();
    expect(diagnosticsQuery(at('?segment=best&calibrationEnd=1997-09-30'))).toBeNull();
  });

  it('leaves blank periods to the API and reads weeks unless days are asked for', () => {
    expect(diagnosticsQuery(at('?diagnostics=1&calibrationEnd=&holdoutEnd=%20&timeUnit=week'))).toEqual({
      timeUnit: 'week',
    });
    expect(diagnosticsQuery(at('?diagnostics=1&calibrationEnd=1997-09-30&holdoutEnd=1998-06-30&timeUnit=day'))).toEqual(
      { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', timeUnit: 'day' },
    );
    expect(diagnosticsQuery(at('?diagnostics&timeUnit=month'))).toEqual({ timeUnit: 'week' });
  });
});

describe('the API’s query-string problems', () => {
  it('land beside the form field of the same name', () => {
    const refused = {
      code: 'holdout_not_after_calibration',
      detail: 'holdoutEnd (1997-09-30) must be after calibrationEnd (1998-06-30): choose a later holdoutEnd.',
      errors: [{ path: 'querystring/holdoutEnd', message: 'must be after calibrationEnd' }],
    };
    expect(problemErrors(refused)).toEqual({ holdoutEnd: 'Must be after calibrationEnd.' });
    expect(problemMessage(refused)).toBe(refused.detail);
    const malformed = {
      code: 'validation_failed',
      errors: [{ path: 'querystring/calibrationEnd', message: 'must match format "date"' }],
    };
    expect(problemErrors(malformed)).toEqual({ calibrationEnd: 'Must be a day (YYYY-MM-DD).' });
    expect(problemMessage(malformed)).toBe('CalibrationEnd must be a day (YYYY-MM-DD).');
  });
});

describe('words', () => {
  it('names the last bin with a plus and the time unit in the singular or plural', () => {
    expect(binLabel({ frequency: 3, orMore: false })).toBe('3');
    expect(binLabel({ frequency: 7, orMore: true })).toBe('7+');
    expect(unitWord('week', 1)).toBe('week');
    expect(unitWord('day', 39)).toBe('days');
  });
});
