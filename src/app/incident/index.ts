export * from './incident-counter-port';
export * from './project-time-zone';
export * from './assign-incident-number';
export * from './report-text';
export * from './report-escalations';
export * from './report-input-of';
export * from './incident-report-use-cases';
