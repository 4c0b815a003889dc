import { handleIssueEvent } from '../../../src/app/issue-events/handle-issue-event';
import { issueEventDeps } from '../../../src/forge/wiring';
import { setUpEscalation } from '../../app/escalation/escalation-fixture';
import type { TestBackend } from '../../app/support/emulator-backend';

/** The values the seeded incident carries, so tests can assert them in every output. */
export const REPORT_VALUES = {
  summary: 'Mail server down',
  service: 'Corporate mail',
  impactScope: 'All staff in the Tokyo office cannot send mail',
  directCause: 'Disk full on mx1',
  rootCause: 'Log rotation was disabled after the OS upgrade',
  workaround: 'Use webmail through the backup relay',
  fix: 'Re-enable log rotation and alert on disk usage',
  fixOwner: 'Eri Agent',
  fixDue: '2026-03-31',
  comment: 'Restarted the MTA after clearing the spool',
  occurredAt: '2026-03-02T08:50:00.000+0900',
  recoveredAt: '2026-03-02T14:20:00.000+0900',
} as const;

/**
 * A complete incident through the real app: created (numbered, SLA), the 50 % escalation fired by the
 * sweep, assigned, worked on, commented, its fields filled, linked to a problem with a permanent fix,
 * and resolved. Returns the incident, the problem and a second, bare incident with nothing filled.
 */
export async function seedReportIncident(t: TestBackend) {
  const fx = await setUpEscalation(t);
  const incident = await fx.incident({ summary: REPORT_VALUES.summary });
  t.runtime.setClockSilently('2026-03-02T04:05:00.000Z');
  await fx.sweep();
  const at = (iso: string) => ({ at: iso });
  t.jira.seed.assign(incident.key, 'user-agent', { by: 'user-agent', ...at('2026-03-02T04:10:00.000Z') });
  t.jira.seed.transition(incident.key, 'In Progress', { by: 'user-agent', ...at('2026-03-02T04:12:00.000Z') });
  t.jira.seed.comment(incident.key, REPORT_VALUES.comment, { by: 'user-agent', ...at('2026-03-02T05:15:00.000Z') });
  t.jira.seed.edit(
    incident.key,
    {
      [fx.field('occurredAt')]: REPORT_VALUES.occurredAt,
      [fx.field('recoveredAt')]: REPORT_VALUES.recoveredAt,
      [fx.field('affectedService')]: REPORT_VALUES.service,
      [fx.field('impactScope')]: REPORT_VALUES.impactScope,
      [fx.field('directCause')]: REPORT_VALUES.directCause,
      [fx.field('rootCause')]: REPORT_VALUES.rootCause,
      [fx.field('workaround')]: REPORT_VALUES.workaround,
    },
    { by: 'user-agent', ...at('2026-03-02T05:30:00.000Z') },
  );
  const problem = t.jira.seed.createIssue({
    project: 'INC',
    summary: 'Mail spool fills the disk',
    issueType: 'Problem',
    by: 'user-agent',
    at: '2026-03-02T05:40:00.000Z',
    fields: {
      [fx.field('permanentFix')]: REPORT_VALUES.fix,
      [fx.field('permanentFixOwner')]: { accountId: 'user-agent2' },
      [fx.field('permanentFixDue')]: REPORT_VALUES.fixDue,
    },
  });
  t.jira.seed.link('Problem/Incident', incident.key, problem.key, { by: 'user-agent', ...at('2026-03-02T05:41:00.000Z') });
  t.jira.seed.transition(incident.key, 'Resolved', { by: 'user-agent', ...at('2026-03-02T05:45:00.000Z') });
  t.runtime.setClockSilently('2026-03-03T01:00:00.000Z'); // report date: Tue 10:00 Tokyo
  const bare = fx.createIncident({ summary: 'Printer offline' });
  await handleIssueEvent(issueEventDeps(t.backend), fx.eventsFor(bare.id).at(-1));
  return { fx, incident, problem, bare };
}
