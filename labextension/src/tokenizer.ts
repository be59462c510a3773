/**
 * A CodeMirror 6 stream tokenizer for XanoScript (no Lezer grammar: a line-by-line scanner,
 * the same rules as the Pygments lexer in xs_kernel/lexer.py, whose word lists it shares
 * through the generated words.ts).
 *
 * Token kinds are XanoScript's own (keyword, statement, filter, ...); the parser names them
 * `xs-<kind>` (never a legacy CodeMirror 5 name such as "variable", which StreamLanguage
 * would map itself) and `tokenTable` maps each to a highlight tag JupyterLab's theme colours.
 */
import { StreamLanguage, StreamParser, StringStream } from '@codemirror/language';
import { Tag, tags as t } from '@lezer/highlight';

import { CONSTANTS, STATEMENT_WORDS, TYPE_WORDS } from './words';

const KEYWORDS = new Set<string>(STATEMENT_WORDS);
const TYPES = new Set<string>(TYPE_WORDS);
const BOOLEANS = new Set<string>(['true', 'false']);
const ATOMS = new Set<string>(CONSTANTS.filter(word => !BOOLEANS.has(word)));

/** Each token kind and the tag that colours it in JupyterLab's highlight style. */
export const TOKEN_TAGS: { [kind: string]: Tag } = {
  keyword: t.keyword,
  statement: t.standard(t.variableName),
  filter: t.function(t.propertyName),
  variable: t.special(t.variableName),
  property: t.attributeName,
  comment: t.lineComment,
  string: t.string,
  backtick: t.special(t.string),
  number: t.number,
  bool: t.bool,
  atom: t.atom,
  type: t.typeName,
  operator: t.operator,
  bracket: t.bracket,
  punctuation: t.punctuation,
  magic: t.meta
};

/** What a line in progress carries to the next: an open multi-line string, the place. */
export interface XsState {
  /** the closing delimiter of a string still open at the end of a line, or null */
  open: string | null;
  /** whether the token before was a `|` (the next name is a filter) */
  afterPipe: boolean;
  /** whether code has started (a %magic line counts only before any code) */
  inCode: boolean;
}

const IDENT = /^[A-Za-z_]\w*/;
const DOTTED = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/;
const OPERATOR = /^(?:===|!==|==|!=|<=|>=|&&|\|\||\?\?|\.\.|[-+*/%~<>!?=])/;

/** Read up to CLOSE (honouring backslash escapes); true when it closed on this line. */
function readString(stream: StringStream, close: string): boolean {
  while (!stream.eol()) {
    if (close.length === 1 && stream.peek() === '\\') {
      stream.next();
      stream.next();
      continue;
    }
    if (stream.match(close)) {
      return true;
    }
    stream.next();
  }
  return false;
}

function stringKind(close: string): string {
  return close.startsWith('`') ? 'backtick' : 'string';
}

function startString(stream: StringStream, state: XsState): string | null {
  const open = stream.match(/^(?:"""|'''|```|["'`])/) as RegExpMatchArray | null;
  if (!open) {
    return null;
  }
  const close = open[0];
  const closed = readString(stream, close);
  // Single-quoted and double-quoted strings end with their line; backticks and triples span.
  if (!closed && (close.length === 3 || close === '`')) {
    state.open = close;
  }
  return stringKind(close);
}

function nameToken(stream: StringStream, state: XsState): string | null {
  const afterPipe = state.afterPipe;
  state.afterPipe = false;
  if (afterPipe && stream.match(IDENT)) {
    return 'filter';
  }
  const previous = stream.pos > 0 ? stream.string.charAt(stream.pos - 1) : '';
  if (previous !== '.' && stream.match(DOTTED)) {
    return 'statement'; // redis.set, db.query, debug.log ...
  }
  const word = (stream.match(IDENT) as RegExpMatchArray)[0];
  if (previous === '.') {
    return 'property'; // a path step: $user.name
  }
  if (stream.match(/^\s*(?:=(?!=)|:(?!:))/, false)) {
    return 'property'; // an attribute `key =` or an object key `name:`
  }
  if (BOOLEANS.has(word)) {
    return 'bool';
  }
  if (ATOMS.has(word)) {
    return 'atom';
  }
  if (KEYWORDS.has(word)) {
    return 'keyword';
  }
  if (TYPES.has(word)) {
    return 'type';
  }
  return null;
}

function token(stream: StringStream, state: XsState): string | null {
  if (state.open) {
    const close = state.open;
    if (readString(stream, close)) {
      state.open = null;
    }
    return stringKind(close);
  }
  if (stream.sol() && !state.inCode && stream.match(/^\s*%[A-Za-z_]\w*.*$/)) {
    return 'magic';
  }
  if (stream.eatSpace()) {
    return null;
  }
  state.inCode = true;
  if (stream.match('//') || stream.match('#')) {
    stream.skipToEnd(); // an apostrophe in a comment is only text
    return 'comment';
  }
  const quoted = startString(stream, state);
  if (quoted) {
    state.afterPipe = false;
    return quoted;
  }
  if (stream.match(/^\$(?:\$|[A-Za-z_]\w*)/)) {
    state.afterPipe = false;
    return 'variable';
  }
  if (stream.match(/^\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/)) {
    state.afterPipe = false;
    return 'number';
  }
  if (stream.match(IDENT, false)) {
    return nameToken(stream, state);
  }
  if (stream.match('||')) {
    return 'operator';
  }
  if (stream.eat('|')) {
    state.afterPipe = true;
    stream.eat('!'); // |!filter: a disabled filter
    return 'operator';
  }
  state.afterPipe = false;
  if (stream.match(OPERATOR)) {
    return 'operator';
  }
  const char = stream.next() as string;
  return '{}()[]'.includes(char) ? 'bracket' : ',.:'.includes(char) ? 'punctuation' : null;
}

export const xanoscriptParser: StreamParser<XsState> = {
  name: 'xanoscript',
  startState: () => ({ open: null, afterPipe: false, inCode: false }),
  copyState: state => ({ ...state }),
  token: (stream, state) => {
    const kind = token(stream, state);
    return kind ? `xs-${kind}` : null;
  },
  languageData: { commentTokens: { line: '//' } },
  tokenTable: Object.fromEntries(
    Object.keys(TOKEN_TAGS).map(kind => [`xs-${kind}`, TOKEN_TAGS[kind]])
  )
};

export const xanoscriptLanguage = StreamLanguage.define(xanoscriptParser);
