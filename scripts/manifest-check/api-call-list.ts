import { z } from 'zod';
import { HTTP_METHODS, type HttpMethod } from './swagger-paths';

export interface ApiCall {
  method: HttpMethod;
  path: string;
  line: number;
}

const MethodSchema = z.enum(HTTP_METHODS);

/** Parses `METHOD /path` lines; `#` starts a comment. Throws on malformed or duplicate lines, naming the line. */
export function parseApiCallList(text: string): ApiCall[] {
  const calls: ApiCall[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.replace(/#.*$/, '').trim();
    if (content === '') return;
    const match = /^([A-Za-z]+)\s+(\/\S+)$/.exec(content);
    const method = MethodSchema.safeParse(match?.[1]?.toLowerCase());
    if (!match?.[2] || !method.success) {
      throw new Error(`jira-api-calls.txt line ${line}: expected "METHOD /rest/api/3/..." but found "${content}"`);
    }
    const key = `${method.data} ${match[2]}`;
    if (seen.has(key)) throw new Error(`jira-api-calls.txt line ${line}: ${key.toUpperCase()} is listed twice`);
    seen.add(key);
    calls.push({ method: method.data, path: match[2], line });
  });
  return calls;
}
