/** ECMAScript's `\s`: Unicode white space and line terminators (RE2's `\s` is ASCII only). */
const WHITE_SPACE =
  '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** Every code point. */
const ANY = '\\x{0}-\\x{10FFFF}';
/** ECMAScript's `.` without the `s` flag: anything but a line terminator (RE2's excludes `\n` only). */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/**
 * Rewrites `\s`, `\S` and `.` in an RE2-syntax pattern (already translated from ECMAScript by
 * re2js) to the character sets ECMAScript gives them, so a schema pattern accepts the same
 * strings on RE2 as in JavaScript: `^\S+$` still refuses a no-break space, `^.+$` a carriage
 * return. Inside a character class `\s` becomes its members; `\S` there keeps RE2's meaning (its
 * only common use, `[\s\S]`, means any character either way). With the `s` flag `.` is left
 * to RE2's DOTALL. ECMAScript's empty class `[]` and any-character class `[^]` are spelled out.
 */
export function ecmascriptClassesForRe2(source: string, flags: string): string {
  const dotAll = flags.includes('s');
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      i++;
      if (next === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITE_SPACE}]`;
      else out += char + next;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      // ECMAScript's `[]` matches nothing and `[^]` anything; RE2 would read the `]` as a member.
      if (source.startsWith('[]', i)) {
        out += `[^${ANY}]`;
        i += 1;
      } else if (source.startsWith('[^]', i)) {
        out += `[${ANY}]`;
        i += 2;
      } else {
        inClass = true;
        out += char;
      }
      continue;
    }
    out += char === '.' && !dotAll ? DOT : char;
  }
  return out;
}
