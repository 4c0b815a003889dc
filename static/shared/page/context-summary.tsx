import { issueOf, projectOf } from '../bridge/forge-context';
import { useI18n } from '../i18n/i18n-provider';
import { useForgeContext } from '../shell/forge-context-provider';

/** "Issue INC-7 · Project INC" from the Forge context (placeholder pages and debugging). */
export function ContextSummary() {
  const context = useForgeContext();
  const { t } = useI18n();
  const issue = issueOf(context);
  const project = projectOf(context);
  const parts = [
    ...(issue ? [t('common.issue', { issueKey: issue.key })] : []),
    ...(project ? [t('common.project', { projectKey: project.key })] : []),
  ];
  return parts.length === 0 ? null : <p data-testid="context-summary">{parts.join(' · ')}</p>;
}
