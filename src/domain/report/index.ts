export * from './incident-facts';
export * from './rollup';
export * from './build-report';
export * from './report-csv';
