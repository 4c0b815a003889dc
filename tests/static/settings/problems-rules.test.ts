import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig } from '../../../src/config';
import { setAt } from '../../../static/settings/src/draft-edit';
import { PAGE_SECTIONS, mergeSections } from '../../../static/settings/src/field-errors';
import { RECIPIENTS, parseNameList, RULE_ACTIONS, blankRule, switchRule, toggleRecipient, transitionAllowedAt, type Recipient } from '../../../static/settings/src/problems/problem-rules';
import type { ProblemResolvedRule } from '../../../src/domain/problem';

const base = defaultConfig({ year: 2026 });
const withRules = (rules: ProblemResolvedRule[]) => setAt(base, ['problemManagement', 'onProblemResolved'], rules);
const pathsOf = (config: unknown): string[] => {
  const parsed = parseConfig(config);
  return parsed.ok ? [] : parsed.errors.map((e) => e.path);
};

describe('problem-resolved rules', () => {
  it('a blank rule of each kind names exactly the fields the admin still has to fill in', () => {
    expect(pathsOf(withRules([blankRule('notify')]))).toEqual([]);
    expect(pathsOf(withRules([blankRule('transition')]))).toEqual(['problemManagement.onProblemResolved[0].toStatus']);
    expect(pathsOf(withRules([blankRule('comment')]))).toEqual(['problemManagement.onProblemResolved[0].text.ja', 'problemManagement.onProblemResolved[0].text.en']);
  });

  it('switching kind keeps a typed text between a comment and a transition comment, otherwise starts blank', () => {
    const text = { ja: '{problem} で解決', en: 'Resolved by {problem}' };
    const asTransition = switchRule({ action: 'comment', text }, 'transition');
    expect(asTransition).toEqual({ action: 'transition', toStatus: '', comment: text });
    expect(switchRule(asTransition, 'comment')).toEqual({ action: 'comment', text });
    expect(switchRule({ action: 'transition', toStatus: 'Done', comment: null }, 'comment')).toEqual(blankRule('comment'));
    expect(switchRule({ action: 'comment', text }, 'notify')).toEqual(blankRule('notify'));
    const same: ProblemResolvedRule = { action: 'notify', recipients: ['watchers'] };
    expect(switchRule(same, 'notify')).toBe(same);
  });

  it('recipients stay in canonical order, each once, whatever is ticked in which order', () => {
    const op = fc.tuple(fc.constantFrom<Recipient>(...RECIPIENTS), fc.boolean());
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        let list: Recipient[] = [];
        const expected = new Set<Recipient>();
        for (const [r, on] of ops) {
          list = toggleRecipient(list, r, on);
          if (on) expected.add(r);
          else expected.delete(r);
        }
        expect(list).toEqual(RECIPIENTS.filter((r) => expected.has(r)));
      }),
    );
    expect(toggleRecipient(['reporter'], 'assignee', true)).toEqual(['assignee', 'reporter']);
    expect(toggleRecipient(['assignee', 'reporter'], 'assignee', false)).toEqual(['reporter']);
  });

  it('unticking every recipient is refused by the config check at the recipients path', () => {
    expect(pathsOf(withRules([{ action: 'notify', recipients: toggleRecipient(['assignee'], 'assignee', false) }]))).toEqual(['problemManagement.onProblemResolved[0].recipients']);
  });

  it('"Change status" is offered only where no other rule already transitions, matching the cross-field check', () => {
    const t: ProblemResolvedRule = { action: 'transition', toStatus: 'Resolved', comment: null };
    const c: ProblemResolvedRule = { action: 'comment', text: { ja: 'あ', en: 'a' } };
    const rules = [c, t, blankRule('notify')];
    expect(rules.map((_, i) => transitionAllowedAt(rules, i))).toEqual([false, true, false]);
    expect(transitionAllowedAt([c], 0)).toBe(true);
    // What the editor would refuse to offer is what the backend refuses: a second transition.
    const parsed = parseConfig(withRules([t, { ...t, toStatus: 'Closed' }]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.map((e) => [e.path, e.code])).toEqual([['problemManagement.onProblemResolved[1]', 'conflicting-rules']]);
  });

  it('every kind the editor offers has a blank rule of that kind', () => {
    expect(RULE_ACTIONS.map((a) => blankRule(a).action)).toEqual([...RULE_ACTIONS]);
  });
});

describe('recurrence and override fields', () => {
  it.each([
    [['problemManagement', 'recurrence', 'windowDays'], 0, 'problemManagement.recurrence.windowDays', 'must be at least 1', '1 以上'],
    [['problemManagement', 'recurrence', 'windowDays'], Number.NaN, 'problemManagement.recurrence.windowDays', '', ''],
    [['problemManagement', 'recurrence', 'minIncidents'], 1, 'problemManagement.recurrence.minIncidents', 'must be at least 2', '2 以上'],
    [['problemManagement', 'autoLabel'], 'two words', 'problemManagement.autoLabel', 'not a usable Jira label', 'Jira のラベル'],
    [['priorityOverride', 'groups'], ['ops', ' '], 'priorityOverride.groups[1]', 'must not be empty', '空'],
  ] as const)('%j = %j is refused at %s in both languages', (path, value, errorPath, en, ja) => {
    const parsed = parseConfig(setAt(base, path, value));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const error = parsed.errors.find((e) => e.path === errorPath);
    expect(error?.message.en).toContain(en);
    expect(error?.message.ja).toContain(ja);
  });

  it('a conflict re-applies this page’s sections (problem management and override) on the latest config only', () => {
    const mine = setAt(setAt(base, ['problemManagement', 'recurrence', 'windowDays'], 14), ['priorityOverride', 'groups'], ['sre']);
    const theirs = setAt(base, ['matrix', 0, 0], 'P2');
    const merged = mergeSections(theirs, mine, PAGE_SECTIONS.problems);
    expect(merged.problemManagement.recurrence.windowDays).toBe(14);
    expect(merged.priorityOverride.groups).toEqual(['sre']);
    expect(merged.matrix[0]?.[0]).toBe('P2');
  });
});

describe('name lists (who may override)', () => {
  it('splits on ASCII and Japanese commas, trims, drops blanks, keeps order', () => {
    expect(parseNameList('Administrators, 、 Incident managers,')).toEqual(['Administrators', 'Incident managers']);
    expect(parseNameList('運用チーム、sre-leads')).toEqual(['運用チーム', 'sre-leads']);
    expect(parseNameList('  ')).toEqual([]);
  });

  it('reads back what a stored list is shown as', () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/[,、]/g, '').trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(fc.array(name, { maxLength: 6 }), (names) => {
        expect(parseNameList(names.join(', '))).toEqual(names);
      }),
    );
  });
});
