import { NotImplementedError } from '../not-implemented';

/** avi:forge:installed:app / avi:forge:upgraded:app: runs the idempotent setup. */
export function onLifecycle(_event: unknown, _context: unknown): Promise<void> {
  return Promise.reject(new NotImplementedError('onLifecycle', 5));
}
