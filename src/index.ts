/**
 * The one handler surface of the app: every `function` module in manifest.yml points at an export here.
 * Grouped by kind: the Custom UI resolver, product event triggers, the lifecycle trigger, the scheduled sweep.
 * Handlers stay thin: they hand over to src/forge/, which wires use cases from src/app/.
 */
export { handler as resolver } from './forge/resolvers/resolver';
export { onIssueEvent, onIssueLinkEvent, onCommentEvent } from './forge/triggers/issue-events';
export { onLifecycle } from './forge/triggers/lifecycle';
export { escalationSweep } from './forge/triggers/escalation-sweep';
