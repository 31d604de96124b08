import type { CompiledDomain } from './compile-nodes.js';
import type { ChoiceValue } from './condition.js';
import { gridCount, gridValue, roundToPrecision } from './numeric-grid.js';

/** Number of values a domain holds; `Infinity` for a continuous float. */
export function domainCardinality({ domain }: CompiledDomain): number {
  switch (domain.kind) {
    case 'choice':
      return domain.values.length;
    case 'module':
      return domain.implementations.length;
    case 'integer':
      return Math.floor((domain.max - domain.min) / domain.step) + 1;
    case 'float':
      return domain.step === undefined
        ? Number.POSITIVE_INFINITY
        : gridCount(domain.min, domain.max, domain.step);
  }
}

/** The k-th value of a discrete domain (0 <= k < cardinality). */
export function domainValueAt({ domain }: CompiledDomain, k: number): ChoiceValue {
  switch (domain.kind) {
    case 'choice':
      return domain.values[k]!;
    case 'module':
      return domain.implementations[k]!.name;
    case 'integer':
      return domain.min + k * domain.step;
    case 'float':
      return gridValue(k, domain.min, domain.step ?? 1);
  }
}

/** Maps a uniform number in [0, 1) to a value of the domain (log scales sample in log space). */
export function sampleDomain(compiled: CompiledDomain, u: number): ChoiceValue {
  const { domain } = compiled;
  if (domain.kind === 'float' && domain.step === undefined) {
    const { min, max } = domain;
    const raw = domain.log
      ? Math.exp(Math.log(min) + u * (Math.log(max) - Math.log(min)))
      : min + u * (max - min);
    const clamped = Math.min(max, Math.max(min, raw));
    return domain.precision === undefined
      ? clamped
      : roundToPrecision(clamped, domain.precision, min, max);
  }
  if (domain.kind === 'integer' && domain.log) {
    const low = Math.log(domain.min - 0.5);
    const high = Math.log(domain.max + 0.5);
    return Math.min(domain.max, Math.max(domain.min, Math.round(Math.exp(low + u * (high - low)))));
  }
  const count = domainCardinality(compiled);
  return domainValueAt(compiled, Math.min(count - 1, Math.floor(u * count)));
}
