/** Shared resolver contracts: the envelope and every key's payload/result (zod/mini, importable from static/). */
export * from './envelope';
export * from './resolvers';
export * from './report';
export * from './evidence';
export * from './problem';
export * from './priority-override';
export * from './incident-report';
