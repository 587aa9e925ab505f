// A JSON document written in parts is JSON.stringify's text, byte for byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonParts } from '../../src/report/json.js';
import { runs } from '../property/runs.js';

const whole = (document: Record<string, unknown>) => `${JSON.stringify(document, null, 2)}\n`;

describe('jsonParts', () => {
  it('gives the text of JSON.stringify(document, null, 2), whatever the document holds', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        fc.string(),
        (document, list, key) => {
          const withList = { ...document, [key]: list };
          expect([...jsonParts(withList, key)].join('')).toBe(whole(withList));
          expect([...jsonParts(document, key)].join('')).toBe(whole(document));
        },
      ),
      { numRuns: runs(500) },
    );
  });

  it('leaves out keys JSON leaves out, writes null for them in the list, and keeps key order', () => {
    const document = {
      b: 1,
      skipped: undefined,
      rows: [{ x: [1, { y: 'a\nb' }] }, undefined, [], {}],
      1: 'integer keys first',
      a: [],
    };
    expect([...jsonParts(document, 'rows')].join('')).toBe(whole(document));
    expect([...jsonParts({}, 'rows')].join('')).toBe('{}\n');
  });

  it('writes the list an element at a time', () => {
    const parts = [...jsonParts({ rows: [1, 2, 3], tail: true }, 'rows')];
    expect(parts.length).toBeGreaterThan(4);
  });
});
