import { describe, expect, it } from 'vitest';
import { nextSemver, semverBump } from './semver-bump.js';
import type { SchemaChange } from './types.js';

const change = (annotationOnly: boolean): SchemaChange => ({
  kind: 'changed',
  path: '#/x',
  annotationOnly,
  message: 'x changed',
});

describe('semverBump', () => {
  it('is major for an incompatible change, even an annotation-only one', () => {
    expect(semverBump({ diff: { changes: [change(true)] }, compatible: false })).toBe('major');
  });
  it('is minor for a compatible structural change', () => {
    expect(semverBump({ diff: { changes: [change(true), change(false)] }, compatible: true })).toBe(
      'minor',
    );
  });
  it('is patch when only annotations changed', () => {
    expect(semverBump({ diff: { changes: [change(true)] }, compatible: true })).toBe('patch');
  });
  it('is major for a breaking change even when the level allowed it', () => {
    const breaking: SchemaChange = { ...change(false), breaking: true };
    expect(semverBump({ diff: { changes: [breaking] }, compatible: true })).toBe('major');
  });
  it('is none when nothing changed', () => {
    expect(semverBump({ diff: { changes: [] }, compatible: true })).toBe('none');
  });
});

describe('nextSemver', () => {
  it('bumps each part', () => {
    expect(nextSemver('1.4.2', 'major')).toBe('2.0.0');
    expect(nextSemver('1.4.2', 'minor')).toBe('1.5.0');
    expect(nextSemver('1.4.2', 'patch')).toBe('1.4.3');
    expect(nextSemver('1.4.2', 'none')).toBe('1.4.2');
  });
  it('returns undefined for a malformed version', () => {
    for (const bad of ['', 'one', '1.2', 'x'.repeat(10_000)])
      expect(nextSemver(bad, 'minor')).toBeUndefined();
  });
});
