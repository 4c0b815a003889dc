export * from './schema';
export * from './escalation-defaults';
export { migrateV2ToV3 } from './migrate-v2-to-v3';
export { validateEscalationConfig } from './validate-escalation';
