import { z } from 'zod';

/**
 * The part of a Forge issue event (`avi:jira:created|updated:issue`) the app reads. Only used to decide
 * cheaply whether to look at the issue at all: what to compute always comes from Jira's current state
 * and full changelog, never from the event (events are late, duplicated and out of order).
 */
export const IssueEventSchema = z.looseObject({
  eventType: z.string(),
  atlassianId: z.string().optional(),
  issue: z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    key: z.string().optional(),
    fields: z
      .looseObject({
        issuetype: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
        project: z.looseObject({ key: z.string() }).optional(),
      })
      .optional(),
  }),
});
export type IssueEvent = z.infer<typeof IssueEventSchema>;
