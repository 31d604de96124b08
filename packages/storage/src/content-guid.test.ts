import { describe, expect, it } from 'vitest';
import { contentGuid } from './content-guid.js';

describe('contentGuid', () => {
  it('derives the same version 8 UUID for the same content', () => {
    const guid = contentGuid('JSON', 'abc');
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contentGuid('JSON', 'abc')).toBe(guid);
  });

  it('differs between schema types and fingerprints', () => {
    expect(contentGuid('AVRO', 'abc')).not.toBe(contentGuid('JSON', 'abc'));
    expect(contentGuid('JSON', 'abd')).not.toBe(contentGuid('JSON', 'abc'));
  });
});
