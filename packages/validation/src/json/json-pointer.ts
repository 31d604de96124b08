/** Escapes one JSON pointer segment (RFC 6901: `~` becomes `~0`, `/` becomes `~1`). */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Joins segments into a JSON pointer; no segments is the root (empty string). */
export function toJsonPointer(segments: readonly (string | number)[]): string {
  let pointer = '';
  for (const segment of segments) pointer += `/${escapePointerSegment(segment)}`;
  return pointer;
}
