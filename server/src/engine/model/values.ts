import { z } from 'zod';

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export const duration = z
  .string()
  .regex(DURATION, { message: 'a duration is a number and a unit: 250ms, 2s, 5m, 1h, 7d' })
  .meta({ description: 'A duration: a number and a unit (ms, s, m, h, d), e.g. 250ms or 5m.' });

export const percent = z
  .union([
    z.number().min(0).max(100),
    z.string().regex(/^\d+(?:\.\d+)?\s*%?$/, { message: 'a percent is a number such as 99.9 or "99.9%"' }),
  ])
  .meta({ description: 'A percentage, e.g. 99.9 or "99.9%".' });

export const kebabName = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  message: 'names are kebab-case: lower-case letters and digits joined by hyphens',
});

/** An ADR reference: ADR-0007, ADR-7, 7, or a workspace-relative path. */
export const adrReference = z.union([z.string().min(1), z.number().int().nonnegative()]).meta({
  description: 'An ADR reference: ADR-0007, ADR-7, 7, or a workspace-relative path to the ADR file.',
});

export function durationMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = DURATION.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2]] : undefined;
}

export function percentValue(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : undefined;
}
