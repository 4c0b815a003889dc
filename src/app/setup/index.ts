/** Project setup: idempotent, resumable creation of what Incident Desk needs in Jira. */
export * from './run-setup';
export * from './setup-definitions';
