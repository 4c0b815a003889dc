import { z } from 'zod';

/** Which transport a fault applies to: Jira REST (SDK and HTTP), the KVS, or both. */
export const FaultTargetSchema = z.enum(['jira', 'kvs', 'any']);

export const FaultEffectSchema = z.discriminatedUnion('kind', [
  /** 429 with a Retry-After header (seconds), as Jira and the KVS answer when rate limited. */
  z.object({ kind: z.literal('rateLimit'), retryAfterSeconds: z.number().int().min(0).default(1) }),
  /** A server error; the body mimics Jira's (or the KVS's) error shape. */
  z.object({ kind: z.literal('serverError'), status: z.number().int().min(500).max(599).default(503) }),
  /** Answer normally, but only after this many wall-clock milliseconds. */
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0).max(120_000) }),
]);

export const FaultRuleInputSchema = z
  .object({
    /** Glob over the path without query (`*` = one segment part, `**` = anything), e.g. `/rest/api/3/search/**`. */
    path: z.string().min(1).optional(),
    /** Regular expression tested against the full path with query, e.g. `^/rest/api/3/issue/INC-\\d+$`. */
    pathRegex: z.string().min(1).optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']).optional(),
    target: FaultTargetSchema.default('any'),
    effect: FaultEffectSchema,
    /** Fire this many times then retire; omit for always. */
    times: z.number().int().min(1).optional(),
  })
  .refine((r) => r.path !== undefined || r.pathRegex !== undefined, { message: 'A fault needs `path` (glob) or `pathRegex`.' });

export type FaultEffect = z.infer<typeof FaultEffectSchema>;
export type FaultRuleInput = z.input<typeof FaultRuleInputSchema>;

export interface FaultRule {
  id: number;
  target: z.infer<typeof FaultTargetSchema>;
  method?: string;
  description: string;
  matcher: RegExp;
  matchQuery: boolean;
  effect: FaultEffect;
  remaining: number | 'always';
  fired: number;
}

export interface FaultHit {
  ruleId: number;
  effect: FaultEffect;
}

/** Switches that make chosen paths misbehave so retry and back-off code can be exercised. */
export class FaultSwitch {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(input: FaultRuleInput): FaultRule {
    const parsed = FaultRuleInputSchema.parse(input);
    const matcher = parsed.pathRegex !== undefined ? new RegExp(parsed.pathRegex) : globToRegExp(parsed.path ?? '**');
    const rule: FaultRule = {
      id: this.nextId++,
      target: parsed.target,
      ...(parsed.method !== undefined ? { method: parsed.method } : {}),
      description: parsed.pathRegex !== undefined ? `/${parsed.pathRegex}/` : (parsed.path ?? '**'),
      matcher,
      matchQuery: parsed.pathRegex !== undefined,
      effect: parsed.effect,
      remaining: parsed.times ?? 'always',
      fired: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  clear(): void {
    this.rules = [];
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  /** The first live rule that matches consumes one use and is returned. */
  take(target: 'jira' | 'kvs', method: string, pathWithQuery: string): FaultHit | undefined {
    const pathOnly = pathWithQuery.split('?')[0] ?? pathWithQuery;
    for (const rule of this.rules) {
      if (rule.remaining !== 'always' && rule.remaining <= 0) continue;
      if (rule.target !== 'any' && rule.target !== target) continue;
      if (rule.method !== undefined && rule.method !== method.toUpperCase()) continue;
      if (!rule.matcher.test(rule.matchQuery ? pathWithQuery : pathOnly)) continue;
      if (rule.remaining !== 'always') rule.remaining -= 1;
      rule.fired += 1;
      return { ruleId: rule.id, effect: rule.effect };
    }
    return undefined;
  }

  /** JSON view for the control API. */
  describe(): unknown[] {
    return this.rules.map((r) => ({
      id: r.id,
      target: r.target,
      method: r.method ?? null,
      path: r.description,
      effect: r.effect,
      remaining: r.remaining,
      fired: r.fired,
    }));
  }
}

/** `*` matches within one path segment, `**` across segments; everything else is literal. */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
      } else {
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else {
      out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

/** The response a fault produces, in the target's own error shape. */
export function faultResponse(target: 'jira' | 'kvs', effect: Exclude<FaultEffect, { kind: 'latency' }>): {
  status: number;
  headers: Record<string, string>;
  body: unknown;
} {
  switch (effect.kind) {
    case 'rateLimit':
      return {
        status: 429,
        headers: { 'retry-after': String(effect.retryAfterSeconds), 'x-ratelimit-reason': 'emulator-fault' },
        body:
          target === 'kvs'
            ? { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded (injected by the emulator fault switch)' }
            : { errorMessages: ['Rate limit exceeded.'], errors: {} },
      };
    case 'serverError':
      return {
        status: effect.status,
        headers: {},
        body:
          target === 'kvs'
            ? { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred' }
            : { errorMessages: ['Internal server error.'], errors: {} },
      };
  }
}
