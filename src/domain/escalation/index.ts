/** Escalation ladders: schema, due-level planning, assignee picking, priority raising. Pure. */
export * from './escalation-schema';
export * from './due-levels';
export * from './pick-assignee';
export * from './raise-priority';
export * from './security-settings';
