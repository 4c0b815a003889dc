export * from './issue-history';
export * from './sla-policy';
export * from './sla-result';
export * from './issue-facts';
export * from './sla-clock';
export * from './rebuild-preview';
