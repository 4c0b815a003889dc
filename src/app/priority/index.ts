/** Priority from impact x urgency: the matrix field value and Jira's Priority kept in sync. */
export * from './decide-priority';
export * from './priority-override';
export * from './sync-priority';
export * from './override-priority';
