/** Problem management: incident <-> problem links, problems from incidents, resolution rules, recurrence. */
export * from './issue-links';
export * from './problem-incident-of';
export * from './problem-properties';
export * from './problem-service';
export * from './problem-resolved';
export * from './recurrence-hook';
export * from './resolution-ledger';
export * from './sync-problem-links';
