import type { EditIssueInput, IssueGateway } from '../ports/issue-gateway';

/**
 * Collects the writes one issue event makes to its incident — the Priority edit, the SLA summary
 * property, the 管理番号 and recurrence properties, a label — and sends them as ONE `PUT /issue`
 * (IssueUpdateDetails `fields` + `update` + `properties`) at `flush()`. A created incident then costs
 * GET + matrix-value POST + (recurrence search) + one PUT, whatever the hooks write.
 *
 * Reads, deletes, comments and writes to other issues pass straight through. A failing PUT leaves every
 * collected write unwritten together; the next event recomputes all of them from the snapshot, so
 * nothing is half applied. When two edits set the same field to different values, the earlier batch is
 * sent first so the later value wins, as it would without batching.
 *
 * @example
 * const batch = batchIssueWrites(gateway, '10001', { fields: { priority: { name: 'High' } } });
 * await batch.gateway.setProperty('10001', 'incident-desk-sla', summary);
 * await batch.gateway.editIssue('10001', { update: { labels: [{ add: 'recurring' }] } });
 * await batch.flush(); // one PUT /rest/api/3/issue/10001 with priority, the label and the property
 */
export interface IssueWriteBatch {
  /** The gateway to hand to the event's steps: writes to the batched issue wait for `flush()`. */
  readonly gateway: IssueGateway;
  /** Sends what was collected (at most one request) and starts an empty batch. */
  flush(): Promise<void>;
}

interface Pending {
  fields: Record<string, unknown>;
  update: Record<string, unknown[]>;
  notifyUsers: boolean;
  properties: Map<string, unknown>;
}

const empty = (): Pending => ({ fields: {}, update: {}, notifyUsers: false, properties: new Map() });

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function batchIssueWrites(gateway: IssueGateway, issueId: string, initial: EditIssueInput | null = null): IssueWriteBatch {
  let pending = empty();

  const send = async (): Promise<void> => {
    const p = pending;
    pending = empty();
    const hasEdit = Object.keys(p.fields).length > 0 || Object.keys(p.update).length > 0;
    const properties = [...p.properties.entries()].map(([key, value]) => ({ key, value }));
    if (!hasEdit && properties.length === 0) return;
    const [only] = properties;
    // A lone property keeps its own endpoint: same cost, and no edit permission needed.
    if (!hasEdit && properties.length === 1 && only !== undefined) return gateway.setProperty(issueId, only.key, only.value);
    await gateway.editIssue(issueId, {
      ...(Object.keys(p.fields).length > 0 ? { fields: p.fields } : {}),
      ...(Object.keys(p.update).length > 0 ? { update: p.update } : {}),
      ...(p.notifyUsers ? { notifyUsers: true } : {}),
      ...(properties.length > 0 ? { properties } : {}),
    });
  };

  const addEdit = async (edit: EditIssueInput): Promise<void> => {
    const fields = edit.fields ?? {};
    const clash = Object.entries(fields).some(([k, v]) => k in pending.fields && !sameJson(pending.fields[k], v));
    const updateClash = Object.keys(edit.update ?? {}).some((k) => k in fields || k in pending.fields) || Object.keys(fields).some((k) => k in pending.update);
    if (clash || updateClash) await send();
    Object.assign(pending.fields, fields);
    for (const [k, ops] of Object.entries(edit.update ?? {})) pending.update[k] = [...(pending.update[k] ?? []), ...ops];
    pending.notifyUsers ||= edit.notifyUsers === true;
    for (const p of edit.properties ?? []) pending.properties.set(p.key, p.value);
  };

  if (initial !== null) {
    pending.fields = { ...(initial.fields ?? {}) };
    for (const [k, ops] of Object.entries(initial.update ?? {})) pending.update[k] = [...ops];
    pending.notifyUsers = initial.notifyUsers === true;
    for (const p of initial.properties ?? []) pending.properties.set(p.key, p.value);
  }

  const proxy: IssueGateway = Object.create(gateway) as IssueGateway;
  proxy.setProperty = async (id, key, value) => {
    if (id !== issueId) return gateway.setProperty(id, key, value);
    pending.properties.set(key, value);
    return Promise.resolve();
  };
  proxy.deleteProperty = async (id, key) => {
    if (id === issueId) pending.properties.delete(key);
    return gateway.deleteProperty(id, key);
  };
  proxy.editIssue = async (id, edit) => (id === issueId ? addEdit(edit) : gateway.editIssue(id, edit));
  return { gateway: proxy, flush: send };
}
