/**
 * ECMAScript's long General_Category names and aliases, by RE2's short name. RE2 knows only the
 * short names (`\p{L}`), so `\p{Letter}` (valid in a `u`-flag ECMAScript pattern, and in the
 * JSON-Schema-Test-Suite) would be refused without this table.
 */
const GENERAL_CATEGORIES: Readonly<Record<string, string>> = {
  Letter: 'L',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
};

/** `\p{...}` / `\P{...}` not preceded by an escaping backslash. */
const PROPERTY = /(?<!\\)((?:\\\\)*)\\([pP])\{([A-Za-z_]+)(?:=([A-Za-z_]+))?\}/g;

/**
 * Rewrites the Unicode property escapes of an ECMAScript pattern to the names RE2 knows:
 * General_Category long names (`\p{Letter}`, `\p{General_Category=Letter}`, `\p{gc=Lu}`) become
 * their short names, and `\p{Script=Greek}` / `\p{sc=Greek}` become `\p{Greek}`. Other escapes
 * are left as written, for RE2 to accept or refuse.
 *
 * @example
 * ```ts
 * unicodePropertyNamesForRe2('^\\p{Letter}+$'); // '^\\p{L}+$'
 * ```
 */
export function unicodePropertyNamesForRe2(source: string): string {
  if (!source.includes('{')) return source;
  return source.replace(
    PROPERTY,
    (whole, slashes: string, p: string, name: string, value: string | undefined) => {
      if (value === undefined) {
        const short = GENERAL_CATEGORIES[name];
        return short ? `${slashes}\\${p}{${short}}` : whole;
      }
      if (name === 'General_Category' || name === 'gc') {
        return `${slashes}\\${p}{${GENERAL_CATEGORIES[value] ?? value}}`;
      }
      if (name === 'Script' || name === 'sc') return `${slashes}\\${p}{${value}}`;
      return whole;
    },
  );
}
