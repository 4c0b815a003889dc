export * from './evidence-store';
export * from './evidence-chain';
export * from './evidence-access';
export * from './list-evidence';
export * from './add-evidence';
export * from './seal-on-close';
