import { token } from '@atlaskit/tokens';
import { ProblemsEditor } from '../problems/problems-editor';
import { SaveBar } from '../save-bar';

/** "Problems & recurrence" sub-page: when incidents recur, what resolving a problem does to its incidents, and who may override the priority. */
export default function ProblemsPage() {
  return (
    <div data-testid="problems-settings" style={{ display: 'flex', flexDirection: 'column', gap: token('space.250') }}>
      <ProblemsEditor />
      <SaveBar page="problems" />
    </div>
  );
}
