// Standard output and error written with fs.writeSync when they are not
// terminals (src/cli/std.ts): every byte arrives, in order, however the
// system takes them. A closed pipe and a full disk are tested on the command
// line (test/safety/output.cli.test.ts).
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/cli/std.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('writeAll', () => {
  it('writes the rest when the system takes part of the bytes, and waits out a full pipe', () => {
    const text = 'Тес-Хемский кожуун; ✓ 75 %\n'.repeat(50);
    const received: Buffer[] = [];
    let calls = 0;
    writeAll(text, (bytes, offset, length) => {
      calls++;
      // A full pipe every third call; otherwise at most 7 bytes, which splits letters.
      if (calls % 3 === 0) throw errno('EAGAIN');
      const taken = Math.min(7, length);
      received.push(Buffer.from(bytes.subarray(offset, offset + taken)));
      return taken;
    });
    expect(Buffer.concat(received).toString('utf8')).toBe(text);
    expect(calls).toBeGreaterThan(Buffer.byteLength(text) / 7);
  });

  it('gives up on any other error, with that error', () => {
    expect(() =>
      writeAll('text', () => {
        throw errno('ENOSPC');
      }),
    ).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
  });

  it('writes nothing for no text', () => {
    let calls = 0;
    writeAll('', () => {
      calls++;
      return 0;
    });
    expect(calls).toBe(0);
  });
});
