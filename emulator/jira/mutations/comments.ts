import { nowOf, type SiteCore } from '../core';
import { ADF_REQUIRED, adfText, isAdfDoc } from '../format/adf';
import { fail, failField } from '../errors';
import { commentEvent } from '../events';
import { actorAccountId, hasProjectPermission, projectOf } from '../permissions';
import type { Actor } from '../site-contract';
import type { CommentRecord, IssueRecord } from '../state/model';

export function addComment(core: SiteCore, actor: Actor, issue: IssueRecord, body: unknown): CommentRecord {
  const { store } = core;
  if (!hasProjectPermission(store, actor, projectOf(store, issue), 'ADD_COMMENTS')) fail(403, 'You do not have the permission to comment on this issue.');
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (b.body === undefined) failField(400, 'comment', 'Comment body can not be empty!');
  if (!isAdfDoc(b.body)) failField(400, 'comment', ADF_REQUIRED);
  if (adfText(b.body).trim() === '') failField(400, 'comment', 'Comment body can not be empty!');
  const at = nowOf(core);
  const by = actorAccountId(actor);
  const comment: CommentRecord = { id: store.nextId('comment'), issueId: issue.id, authorAccountId: by, updateAuthorAccountId: by, body: b.body, created: at, updated: at };
  store.comments.set(comment.id, comment);
  issue.commentIds.push(comment.id);
  issue.updated = at;
  store.touch();
  core.bus.emit(commentEvent(store, issue, comment, by));
  return comment;
}
