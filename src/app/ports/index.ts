/** Ports of the app layer: use cases talk to Jira, storage and time only through these. */
export * from './clock';
export * from './jira-error';
export * from './issue-gateway';
export * from './config-store';
export * from './sla-timer-store';
export * from './setup-store';
export * from './jira-admin-gateway';
