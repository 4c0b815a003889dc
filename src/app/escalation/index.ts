/** Escalation use cases: the five-minute sweep and the security intake on create. */
export * from './escalation-ports';
export * from './escalation-history';
export * from './execute-firing';
export * from './run-escalations';
export * from './security-intake';
