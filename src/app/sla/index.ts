/** SLA state per issue: evaluation from the full changelog, the JQL-indexed summary property, timers for the sweep. */
export * from './evaluate-issue-sla';
export * from './option-levels';
export * from './plan-timers';
export * from './recompute-sla';
export * from './sla-summary';
export * from './snapshot-history';
