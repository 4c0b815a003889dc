export * from './schema';
export * from './sla-defaults';
export * from './messages-v2';
export { validateSlaConfig } from './validate-sla';
export { migrateV1ToV2, v1ToV2 } from './migrate-v1-to-v2';
