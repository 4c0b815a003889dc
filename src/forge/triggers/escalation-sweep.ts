import { NotImplementedError } from '../not-implemented';

/** Five-minute scheduled trigger: fires due escalation levels exactly once. */
export function escalationSweep(_event: unknown, _context: unknown): Promise<{ statusCode: number }> {
  return Promise.reject(new NotImplementedError('escalationSweep', 5));
}
