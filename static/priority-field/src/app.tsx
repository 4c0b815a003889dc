import { Suspense, lazy } from 'react';
import { fieldValueOf, isEditEntryPoint } from '../../shared/bridge/forge-context';
import { useForgeContext } from '../../shared/shell/forge-context-provider';
import { PageLoading } from '../../shared/shell/states';
import { PriorityFieldView } from './field-view';

// The view renders on every issue; the editor (buttons, selects) loads only when someone edits.
const PriorityFieldEdit = lazy(() => import('./field-edit'));

/**
 * Priority matrix field (jira:customField, one resource for view and edit). Jira passes the stored
 * value as `extension.fieldValue` and opens the edit experience with `extension.entryPoint === 'edit'`.
 */
export default function PriorityFieldApp() {
  const context = useForgeContext();
  const value = fieldValueOf(context);
  if (!isEditEntryPoint(context)) return <PriorityFieldView value={value} />;
  return (
    <Suspense fallback={<PageLoading />}>
      <PriorityFieldEdit value={value} />
    </Suspense>
  );
}
