/** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown inside route handlers and mutations; the site turns it into a response with Jira's status and body. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly body: JiraErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.errorMessages[0] ?? Object.values(body.errors)[0] ?? `HTTP ${String(status)}`);
    this.name = 'JiraError';
  }
}

export function fail(status: number, message: string): never {
  throw new JiraError(status, { errorMessages: [message], errors: {} });
}

export function failField(status: number, field: string, message: string): never {
  throw new JiraError(status, { errorMessages: [], errors: { [field]: message } });
}

export function failFields(status: number, errors: Record<string, string>): never {
  throw new JiraError(status, { errorMessages: [], errors });
}

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const ADMIN_REQUIRED = 'You are not authorized to perform this action. Administrator privileges are required.';
