import { describe, expect, it } from 'vitest';
import { mixedScriptWord, nameSkeleton } from './names.ts';

describe('firm names that look alike', () => {
  it('give a Cyrillic or Greek look-alike the skeleton of the Latin name', () => {
    const latin = nameSkeleton('Northwind Appliances');
    expect(nameSkeleton('Northwind \u0410ppliances')).toBe(latin); // Cyrillic A
    expect(nameSkeleton('N\u043erthwind Appliances')).toBe(latin); // Cyrillic o
    expect(nameSkeleton('NORTHWIND  appliances ')).toBe(latin); // case and spacing
    expect(nameSkeleton('North\u200bwind Appliances')).toBe(latin); // an invisible space
    expect(nameSkeleton('Northwind App1iances')).toBe(latin); // digit one for l
    expect(nameSkeleton('Tailspin Retail')).not.toBe(latin);
    expect(nameSkeleton('Müller GmbH')).not.toBe(nameSkeleton('Muller GmbH'));
  });

  it('find a word that mixes scripts, and let each script stand alone or as its languages mix them', () => {
    expect(mixedScriptWord('Northwind \u0410ppliances')).toEqual({
      word: '\u0410ppliances',
      scripts: ['Cyrillic', 'Latin'],
    });
    expect(mixedScriptWord('Northwind Appliances')).toBeUndefined();
    expect(mixedScriptWord('Северный ветер')).toBeUndefined();
    expect(mixedScriptWord('Ελληνικά Logistics')).toBeUndefined();
    expect(mixedScriptWord('東京エレクトロン')).toBeUndefined(); // Han and Katakana
    expect(mixedScriptWord('Fabrikam-Müller & Søn')).toBeUndefined();
    expect(mixedScriptWord('Αlpha')).toEqual({ word: 'Αlpha', scripts: ['Greek', 'Latin'] });
  });
});
