import * as z from 'zod/mini';

/** Result of the `app/ping` resolver (src/forge/resolvers/resolver.ts). */
export const PingResultSchema = z.object({ app: z.string().check(z.minLength(1)) });
export type PingResult = z.infer<typeof PingResultSchema>;

export const PING_KEY = 'app/ping';
