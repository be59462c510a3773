/**
 * The XanoScript LanguageSupport: the stream language plus a class highlighter that marks
 * each token `xs-<kind>` (colours come from JupyterLab's own highlight style).
 */
import { LanguageSupport, syntaxHighlighting } from '@codemirror/language';
import { tagHighlighter } from '@lezer/highlight';

import { TOKEN_TAGS, xanoscriptLanguage } from './tokenizer';

const classes = tagHighlighter(
  Object.keys(TOKEN_TAGS).map(kind => ({ tag: TOKEN_TAGS[kind], class: `xs-${kind}` }))
);

export function xanoscript(): LanguageSupport {
  return new LanguageSupport(xanoscriptLanguage, [syntaxHighlighting(classes)]);
}
