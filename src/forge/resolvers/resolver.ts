import Resolver from '@forge/resolver';
import { NotImplementedError } from '../not-implemented';

const resolver = new Resolver();

resolver.define('app/ping', () => ({ ok: true as const, data: { app: 'incident-desk' } }));
resolver.define('sla/get', () => {
  throw new NotImplementedError('sla/get', 5);
});

/** The Custom UI resolver for every UI module in manifest.yml. */
export const handler = resolver.getDefinitions();
