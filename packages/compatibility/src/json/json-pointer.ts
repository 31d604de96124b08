/** Escape one JSON pointer token (RFC 6901: `~` becomes `~0`, `/` becomes `~1`). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Decode one JSON pointer token, including URI percent-encoding from `$ref` fragments. */
export function unescapePointerToken(token: string): string {
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // A stray `%` is not an escape: keep the token as written.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A relative JSON pointer made of the given tokens, e.g. `/properties/a~1b`. */
export function pointer(...tokens: (string | number)[]): string {
  let out = '';
  for (const token of tokens) out += `/${escapePointerToken(token)}`;
  return out;
}
