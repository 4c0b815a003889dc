/** Config use cases behind the settings resolvers: save, restore, export, import (preview/apply), diff. */
export * from './config-diff';
export * from './config-use-cases';
