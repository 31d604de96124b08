interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[A-Za-z0-9_.]/;
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Significant tokens of a `.proto` text: words, quoted strings and single characters. */
function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (char === '"' || char === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== char && source[j] !== '\n')
        j += source[j] === '\\' ? 2 : 1;
      const end = Math.min(j + 1, source.length);
      tokens.push({ text: source.slice(i, end), start: i, end });
      i = end;
    } else if (WORD.test(char)) {
      let j = i + 1;
      while (j < source.length && WORD.test(source[j]!)) j++;
      tokens.push({ text: source.slice(i, j), start: i, end: j });
      i = j;
    } else {
      if (char.trim() !== '') tokens.push({ text: char, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `text` with every character but line breaks turned into a space, so lines stay where they are. */
function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    if (text === '{') depth++;
    else if (text === '}' && --depth === 0) return k;
  }
  return -1;
}

/**
 * Edits for the list at `tokens[open]` (`name: [ {...}, {...} ]` or `name: []`), or none when it
 * is not a well-formed list of message literals (protobufjs then reports it).
 */
function listEdits(source: string, tokens: readonly Token[], open: number): Edit[] {
  const colon = tokens[open - 1]?.text === ':' ? 1 : 0;
  const name = tokens[open - 1 - colon];
  if (name === undefined || !FIELD_NAME.test(name.text)) return [];
  const first = tokens[open + 1];
  if (first?.text === ']') {
    // An empty repeated field is an absent one; a separator after it goes too.
    const separator = tokens[open + 2]?.text;
    const last = separator === ',' || separator === ';' ? open + 2 : open + 1;
    const end = tokens[last]!.end;
    return [{ start: name.start, end, text: blank(source.slice(name.start, end)) }];
  }
  const edits: Edit[] = [{ start: tokens[open]!.start, end: tokens[open]!.end, text: ' ' }];
  let k = open + 1;
  for (;;) {
    if (tokens[k]?.text !== '{') return [];
    const close = closingBrace(tokens, k);
    if (close < 0) return [];
    const after = tokens[close + 1];
    if (after?.text === ']') {
      edits.push({ start: after.start, end: after.end, text: ' ' });
      return edits;
    }
    if (after?.text !== ',') return [];
    edits.push({ start: after.start, end: after.end, text: ` ${name.text}:` });
    k = close + 2;
  }
}

/**
 * Rewrites lists of message literals in option values (`items: [ {key: "a"}, {key: "b"} ]`),
 * which protobufjs's parser refuses, into the repeated-field spelling it reads into the same
 * array (`items: {key: "a"} items: {key: "b"}`); an empty list (`items: []`) becomes an absent
 * field. Nested lists are rewritten too. Line breaks stay where they are, so protobufjs's line
 * numbers still point into the original text; anything that is not a well-formed list of
 * message literals is left for protobufjs to report.
 *
 * @example
 * rewriteProtobufOptionLists('option (o) = { items: [ {k: 1}, {k: 2} ] };');
 * // 'option (o) = { items:   {k: 1} items: {k: 2}   };'
 */
export function rewriteProtobufOptionLists(source: string): string {
  if (!source.includes('[')) return source;
  const tokens = tokenize(source);
  const edits: Edit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text !== '[') continue;
    const next = tokens[i + 1]?.text;
    if (next === '{' || next === ']') edits.push(...listEdits(source, tokens, i));
  }
  if (edits.length === 0) return source;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let from = 0;
  for (const edit of edits) {
    if (edit.start < from) continue;
    out += source.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return out + source.slice(from);
}
