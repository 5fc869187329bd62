/**
 * Where a JSON text stops being JSON, and why, in words a user can act on. `JSON.parse` says only
 * "Unexpected token" and, on some Node versions, no position; a `.json` file is JSON (never re-read
 * as YAML, which would accept a trailing comma or an unfilled `$VS` without a word), so its syntax
 * error must say where. One linear pass, iterative (no recursion on deep input).
 */

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const WS = /[ \t\n\r]/;

/** The first syntax error of `text`, or null if it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  const skip = () => {
    while (i < text.length && WS.test(text[i]!)) i++;
  };
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: Math.min(at, text.length), message: message + hint(text, at) });
  // Reads one scalar at i; returns an error or null.
  const scalar = (): JsonSyntaxError | null => {
    const c = text[i];
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) return fail(i >= text.length ? 'unexpected end of input: a value is missing' : `expected a value, found ${show(text, i)}`);
    i += m[0].length;
    return null;
  };
  const string = (): JsonSyntaxError | null => {
    const start = i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) return fail('invalid escape sequence in a string', i);
        i++;
      } else if (c < 0x20) return fail('a string may not contain a line break or control character (unterminated string?)', i);
      i++;
    }
    return fail('unterminated string', start);
  };
  // After a value inside a container: `,` or the closer.
  const afterValue = (): JsonSyntaxError | null | 'done' => {
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? fail(`unexpected ${show(text, i)} after the JSON value`) : 'done';
    const close = top === '{' ? '}' : ']';
    if (text[i] === close) {
      i++;
      stack.pop();
      return afterValue();
    }
    if (text[i] !== ',') return fail(`expected ',' or '${close}', found ${show(text, i)}`);
    const comma = i++;
    skip();
    if (text[i] === close) return fail(`trailing comma before '${close}' (JSON allows none)`, comma);
    return top === '{' ? key() : null;
  };
  const key = (): JsonSyntaxError | null => {
    skip();
    if (text[i] !== '"') return fail(`expected a property name in double quotes, found ${show(text, i)}`);
    const e = string();
    if (e) return e;
    skip();
    if (text[i] !== ':') return fail(`expected ':' after the property name, found ${show(text, i)}`);
    i++;
    return null;
  };
  for (;;) {
    skip();
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      skip();
      const close = c === '{' ? '}' : ']';
      if (text[i] === close) {
        i++;
        stack.pop();
      } else {
        if (c === '{') {
          const e = key();
          if (e) return e;
        }
        continue;
      }
    } else {
      const e = scalar();
      if (e) return e;
    }
    const next = afterValue();
    if (next === 'done') return null;
    if (next) return next;
  }
}

function show(text: string, i: number): string {
  if (i >= text.length) return 'the end of the file';
  const word = /^[^\s,:{}[\]"]+/.exec(text.slice(i, i + 40));
  return word ? JSON.stringify(word[0]) : JSON.stringify(text[i]);
}

/** What users usually meant. */
function hint(text: string, i: number): string {
  if (text[i] === '$') return ': an unfilled template variable? Fill it in first (jq --arg, envsubst)';
  if (text[i] === "'") return ': JSON strings use double quotes';
  return '';
}
