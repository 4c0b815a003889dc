import { runEscalations, type SweepResult } from '../../app/escalation/run-escalations';
import { createBackend, escalationSweepDeps, type Backend } from '../wiring';

/**
 * Seconds of the function's `timeoutSeconds` (240 in manifest.yml) the sweep may use before it stores a
 * cursor and stops: the rest is headroom for the page in flight and Jira's retry waits.
 */
export const SWEEP_BUDGET_SECONDS = 180;

/** Runs one sweep over `backend` within `budgetMs` of wall time (measured with performance.now, which no emulator clock moves). */
export async function sweepOnce(backend: Backend, budgetMs: number = SWEEP_BUDGET_SECONDS * 1000): Promise<SweepResult> {
  const started = performance.now();
  const deps = await escalationSweepDeps(backend, { outOfTime: () => performance.now() - started > budgetMs });
  return runEscalations(deps);
}

/** Five-minute scheduled trigger: fires due escalation levels exactly once (see src/app/escalation). */
export async function escalationSweep(_event: unknown, _context: unknown): Promise<{ statusCode: number; body: string }> {
  const result = await sweepOnce(createBackend());
  // Scheduled triggers are not retried; the result is for the logs (Forge prints a non-2xx body).
  return { statusCode: 200, body: JSON.stringify(result) };
}
