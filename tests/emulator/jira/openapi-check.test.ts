import { describe, expect, it } from 'vitest';
import { checkRequest, checkResponse } from './helpers/openapi';

/** The spec check must be able to fail, or every "validated" response in these tests means nothing. */
describe('OpenAPI check helper', () => {
  it('rejects a response with an unknown property or a wrong type', () => {
    expect(() => checkResponse('GET', '/rest/api/3/issueLinkType', 200, { issueLinkTypes: [{ id: 1 }] })).toThrow(/does not match the spec/);
    expect(() => checkResponse('GET', '/rest/api/3/issue/INC-1/changelog', 200, { values: [{ id: '1', items: [{ field: 'x', bogus: 1 }] }] })).toThrow(
      /does not match the spec/,
    );
  });

  it('accepts null changelog from/to (a documented override) and checks error bodies', () => {
    expect(() =>
      checkResponse('GET', '/rest/api/3/issue/INC-1/changelog', 200, { values: [{ id: '1', items: [{ field: 'x', from: null, fromString: null, to: '1', toString: 'a' }] }] }),
    ).not.toThrow();
    expect(() => checkResponse('GET', '/rest/api/3/issue/INC-1', 404, { message: 'nope' })).toThrow(/ErrorCollection|errorMessages/);
  });

  it('rejects a request body the spec does not allow', () => {
    expect(() => checkRequest('POST', '/rest/api/3/issue/bulkfetch', { keys: ['INC-1'] })).toThrow(/request body/);
    expect(() => checkRequest('POST', '/rest/api/3/issue/bulkfetch', { issueIdsOrKeys: ['INC-1'], fields: ['summary'] })).not.toThrow();
  });

  it('knows which operations exist', () => {
    expect(() => checkResponse('PUT', '/rest/api/3/app/field/value', 204, undefined)).toThrow(/no PUT/);
  });
});
