import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, csvTable, defuseFormula } from './csv.ts';

describe('csvTable', () => {
  it('writes the header row first, then one line per record, each ending with the line ending', () => {
    expect(csvTable(['a', 'b'], [['x', 1]])).toBe('a,b\nx,1\n');
    expect(csvTable(['a', 'b'], [['x', 1]], { lineEnding: '\r\n' })).toBe('a,b\r\nx,1\r\n');
    expect(csvTable(['a', 'b'], [])).toBe('a,b\n');
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvLines([['Smith, Sons', 'say "hi"', 'two\nlines', 'cr\rhere', 'plain']])).toBe(
      '"Smith, Sons","say ""hi""","two\nlines","cr\rhere",plain\n',
    );
    // a lone \n is quoted in a \r\n file too, so that a reader cannot take it for the end of a record
    expect(csvLines([['two\nlines', 'x']], { lineEnding: '\r\n' })).toBe('"two\nlines",x\r\n');
  });

  it('writes null and undefined as empty cells, booleans as words, numbers as they are', () => {
    expect(csvLines([[null, undefined, '', true, false, 0, 1200.5, -12.5]])).toBe(',,,true,false,0,1200.5,-12.5\n');
  });

  it('defuses every character that would start a formula, and quotes where the cell must be', () => {
    expect(csvLines([['=SUM(A1:A9)', '+1+1', '-1+1', '@cmd', '\tx', '\rx']])).toBe(
      `'=SUM(A1:A9),'+1+1,'-1+1,'@cmd,'\tx,"'\rx"\n`,
    );
    expect(csvLines([['=HYPERLINK("http://example.com","x")']])).toBe(`"'=HYPERLINK(""http://example.com"",""x"")"\n`);
    expect(csvLines([['＝1+1']])).toBe(`'＝1+1\n`);
  });

  it('leaves negative numbers alone, as numbers and as exact decimal text', () => {
    expect(csvLines([[-12.5, '-12.50', '+3', '-1e-3', -0.001]])).toBe('-12.5,-12.50,+3,-1e-3,-0.001\n');
  });

  it('reads back as it was written (the defused cells with their leading quote)', () => {
    const rows = [['Smith, Sons', 'a "b"', 'x\r\ny', '=1', 7]];
    const text = csvTable(['name', 'note', 'lines', 'formula', 'n'], rows, { lineEnding: '\r\n' });
    expect(parse(text)).toEqual([
      ['name', 'note', 'lines', 'formula', 'n'],
      ['Smith, Sons', 'a "b"', 'x\r\ny', "'=1", '7'],
    ]);
  });
});

describe('defuseFormula', () => {
  it('prefixes text that starts a formula and nothing else', () => {
    expect(defuseFormula('=1')).toBe("'=1");
    expect(defuseFormula('-x')).toBe("'-x");
    expect(defuseFormula('a=1')).toBe('a=1');
    expect(defuseFormula('')).toBe('');
    expect(defuseFormula('-5')).toBe('-5');
  });
});
