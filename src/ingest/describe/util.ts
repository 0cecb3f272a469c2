import type { Diagnostic, Span } from '../types.ts';

export function diagnostic(rule: string, message: string, span: Span | null, severity: Diagnostic['severity']): Diagnostic {
  return { rule, message, span, severity };
}

export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

export function sortedYears(years: readonly number[]): number[] {
  return distinct(years).sort((a, b) => a - b);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

