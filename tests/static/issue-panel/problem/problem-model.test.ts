import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkProblemKey } from '../../../../static/issue-panel/src/problem/problem-model';
import { ProblemLinkPayloadSchema } from '../../../../src/contracts';

describe('checkProblemKey (Link to problem input)', () => {
  it.each([
    [' inc-42 ', { ok: true, key: 'INC-42' }],
    ['PRB_2-7', { ok: true, key: 'PRB_2-7' }],
    ['', { ok: false, reason: 'empty' }],
    ['   ', { ok: false, reason: 'empty' }],
    ['42', { ok: false, reason: 'invalid-key' }],
    ['INC 42', { ok: false, reason: 'invalid-key' }],
    ['INC-', { ok: false, reason: 'invalid-key' }],
    ['inc-7', { ok: false, reason: 'self' }],
  ] as const)('%j', (input, expected) => {
    expect(checkProblemKey(input, 'INC-7')).toEqual(expected);
  });

  it('accepts exactly what the resolver contract accepts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (input) => {
        const r = checkProblemKey(input, 'X-1');
        if (r.ok) expect(ProblemLinkPayloadSchema.safeParse({ problemKey: r.key }).success).toBe(true);
        else if (r.reason === 'invalid-key') expect(ProblemLinkPayloadSchema.safeParse({ problemKey: input.trim().toUpperCase() }).success).toBe(false);
      }),
    );
  });
});
