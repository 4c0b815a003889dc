export * from './problem-incident';
export * from './recurrence';
export * from './problem-draft';
export * from './problem-resolution';
export * from './text-similarity';
export * from './similar-incidents';
