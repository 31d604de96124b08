import { describe, expect, it } from 'vitest';
import { LineError, parseImportLine } from './parse-import-line.js';

describe('parseImportLine', () => {
  it('reads subject, version, id and fingerprint of an exported line', () => {
    const line = parseImportLine(
      '{"subject":"people","version":3,"id":7,"fingerprint":"ab","schema":{"type":"string"}}',
    );
    expect(line).toMatchObject({ subject: 'people', version: 3, id: 7, fingerprint: 'ab' });
  });

  it.each([
    ['not json', 'not JSON'],
    ['[1,2]', 'not a JSON object'],
    ['null', 'not a JSON object'],
    ['{"version":1,"id":1,"schema":{}}', 'subject must be a non-empty string'],
    ['{"__proto__":{"subject":"x"},"version":1,"id":1,"schema":{}}', 'subject must be'],
    ['{"subject":"x","version":1.5,"id":1,"schema":{}}', 'version must be a positive integer'],
    ['{"subject":"x","version":"1","id":1,"schema":{}}', 'version must be a positive integer'],
    ['{"subject":"x","version":1,"id":1e300,"schema":{}}', 'id must be a positive integer'],
    ['{"subject":"x","version":1,"id":-4,"schema":{}}', 'id must be a positive integer'],
    ['{"subject":"x","version":1,"id":1,"schema":null}', 'schema is missing'],
  ])('refuses %s as INVALID_LINE (%s)', (text, message) => {
    let caught: unknown;
    try {
      parseImportLine(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(LineError);
    expect(caught).toMatchObject({ code: 'INVALID_LINE' });
    expect((caught as Error).message).toContain(message);
  });
});
