import { describe, expect, it } from 'vitest';
import { createSseParser } from './parse-sse.js';

describe('createSseParser', () => {
  it('dispatches events on a blank line with id, event name and joined data', () => {
    const parser = createSseParser();
    const events = parser.push('id: 7\nevent: change\ndata: {"a":\ndata: 1}\n\n');
    expect(events).toEqual([{ id: '7', event: 'change', data: '{"a":\n1}' }]);
  });

  it('handles CRLF and CR line ends split across chunks', () => {
    const parser = createSseParser();
    expect(parser.push('data: one\r')).toEqual([]);
    expect(parser.push('\n\r')).toHaveLength(1);
    expect(parser.push('\ndata: two\r\r')).toEqual([
      { id: undefined, event: 'message', data: 'two' },
    ]);
  });

  it('ignores comments, unknown fields, events without data and ids containing NUL', () => {
    const parser = createSseParser();
    const events = parser.push(': keep-alive\n\nfoo: bar\nid: a\0b\ndata\n\nevent: x\n\n');
    expect(events).toEqual([{ id: undefined, event: 'message', data: '' }]);
  });

  it('keeps the last event id for later events', () => {
    const parser = createSseParser();
    const events = parser.push('id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n');
    expect(events.map((e) => e.id)).toEqual(['1', '1', '2']);
  });

  it('applies retry at once, even in a block without data, and ignores non-numbers', () => {
    const parser = createSseParser();
    expect(parser.retry).toBeUndefined();
    expect(parser.push('retry: 250\n\n')).toEqual([]);
    expect(parser.retry).toBe(250);
    parser.push('retry: soon\n\n');
    expect(parser.retry).toBe(250);
  });

  it('fails with INVALID_RESPONSE on a line or event past the limit instead of growing', () => {
    const parser = createSseParser(100);
    expect(() => parser.push('data: ' + 'x'.repeat(200))).toThrow(
      expect.objectContaining({ code: 'INVALID_RESPONSE' }),
    );
    const lines = createSseParser(100);
    expect(() => lines.push(`${'data: xxxxxxxxxx\n'.repeat(20)}`)).toThrow(/larger than 100/);
  });
});
