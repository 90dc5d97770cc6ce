/** A print document read back from storage (the window's print_job.document, the hall's kiosk_print_job.document): its outline checked. */
import { describe, expect, it } from 'vitest';
import { storedDocument, type PrintDocument } from '../../shared/print/document';

const ticket: PrintDocument = { title: '排队号票 A001', blocks: [{ kind: 'text', text: 'A001', size: 2 }, { kind: 'rule' }, { kind: 'qr', data: 'QT|2026-11-27|A001|x' }] };

describe('storedDocument', () => {
  const cases: [string, unknown, PrintDocument | null][] = [
    ['a document', ticket, ticket],
    ['as JSON read back', JSON.parse(JSON.stringify(ticket)), ticket],
    ['no blocks', { title: '空', blocks: [] }, { title: '空', blocks: [] }],
    ['null (a job queued before the document was kept)', null, null],
    ['a string', JSON.stringify(ticket), null],
    ['no title', { blocks: [] }, null],
    ['a title not text', { title: 1, blocks: [] }, null],
    ['blocks not a list', { title: 't', blocks: {} }, null],
    ['a block without kind', { title: 't', blocks: [{ text: 'x' }] }, null],
    ['a block not an object', { title: 't', blocks: ['x'] }, null],
  ];
  it.each(cases)('%s', (_, value, expected) => {
    expect(storedDocument(value)).toEqual(expected);
  });
});
