import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendCsv } from './csv.ts';

describe('sendCsv', () => {
  it('answers text/csv as an attachment: the header row, then the rows, text formulas defused', async () => {
    const app = Fastify();
    app.get('/export', (_request, reply) =>
      sendCsv(
        reply,
        'export.csv',
        ['name', 'note', 'amount'],
        [
          ['Smith, Sons', '=1+1', -12.5],
          ['Ann', null, '-3.50'],
        ],
      ),
    );
    const response = await app.inject({ url: '/export' });
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="export.csv"');
    expect(response.body).toBe(`name,note,amount\n"Smith, Sons",'=1+1,-12.5\nAnn,,-3.50\n`);
    await app.close();
  });
});
