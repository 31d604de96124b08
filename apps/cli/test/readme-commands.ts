import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root, where the README's commands run from. */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The shell commands of the README's ```sh blocks, each as its words. Handles what the README
 * uses: single quotes (spanning lines), `\` line continuations and `#` comments. Anything
 * fancier (double quotes, variables, pipes) is not expected there and would show up as a test
 * failure.
 */
export function readmeCommands(): string[][] {
  const markdown = readFileSync(new URL('README.md', `file://${REPO_ROOT}`), 'utf8');
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  return blocks.flatMap((block) => splitWords(block ?? ''));
}

function splitWords(text: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = () => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "'") {
      const close = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (ch === '\\' && text[i + 1] === '\n') {
      endWord();
      i++;
    } else if (ch === '#' && word === undefined) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (ch === '\n') {
      endCommand();
    } else if (ch === ' ' || ch === '\t') {
      endWord();
    } else {
      word = (word ?? '') + ch;
    }
  }
  endCommand();
  return commands;
}

/** A curl command of the README as a request: method, URL, headers, body. */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** Reads the curl options the README uses (`-s`, `-X`, `-H`, `-d`, one URL). */
export function toCurlRequest(words: string[]): CurlRequest {
  const request: CurlRequest = { method: 'GET', url: '', headers: {}, body: undefined };
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '-s') continue;
    const value = words[++i] ?? '';
    if (word === '-X') request.method = value;
    else if (word === '-H') {
      const colon = value.indexOf(':');
      request.headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
    } else if (word === '-d') {
      request.body = value;
      if (request.method === 'GET') request.method = 'POST';
    } else if (!word.startsWith('-')) {
      request.url = word;
      i--;
    } else throw new Error(`curl option ${word} is not understood by the README test`);
  }
  return request;
}
