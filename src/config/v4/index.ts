export * from './schema';
export * from './priority-override';
export * from './problem-management';
export { migrateV3ToV4 } from './migrate-v3-to-v4';
export { validateProblemManagement } from './validate-problem-management';
