import type { EditIssueInput, IssueGateway } from '../ports/issue-gateway';

/**
 * Holds back one issue edit (the Priority the matrix asks for) so that the next property write on the
 * same issue (the SLA summary) travels in the same `PUT /issue` (IssueUpdateDetails `properties`): a
 * created incident whose Priority must change then costs GET + field-value POST + one PUT = 3 calls
 * instead of 4. `flush()` sends the edit alone when no property write came.
 *
 * The edit carries the property, not the other way round, so a failing edit leaves both unwritten and
 * the next event (which recomputes both from the snapshot) does them again.
 *
 * @example
 * const combined = combineIssueEdit(gateway, '10001', { fields: { priority: { name: 'High' } } });
 * await recomputeSla({ gateway: combined.gateway, ... }); // its setProperty joins the edit
 * await combined.flush(); // nothing left to send, or the edit alone
 */
export function combineIssueEdit(gateway: IssueGateway, issueId: string, edit: EditIssueInput | null): { readonly gateway: IssueGateway; flush(): Promise<void> } {
  let pending: EditIssueInput | null = edit;
  const proxy: IssueGateway = Object.create(gateway) as IssueGateway;
  proxy.setProperty = async (issueIdOrKey, propertyKey, value) => {
    if (pending === null || issueIdOrKey !== issueId) return gateway.setProperty(issueIdOrKey, propertyKey, value);
    const edit = pending;
    pending = null;
    await gateway.editIssue(issueId, { ...edit, properties: [...(edit.properties ?? []), { key: propertyKey, value }] });
  };
  return {
    gateway: proxy,
    async flush() {
      if (pending === null) return;
      const edit = pending;
      pending = null;
      await gateway.editIssue(issueId, edit);
    },
  };
}
