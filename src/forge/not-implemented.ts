/** Thrown by handlers whose issue has not landed yet, so a call fails loudly instead of doing nothing. */
export class NotImplementedError extends Error {
  constructor(what: string, issue: number) {
    super(`${what} is not implemented yet (tracked in issue ${issue}).`);
    this.name = 'NotImplementedError';
  }
}
