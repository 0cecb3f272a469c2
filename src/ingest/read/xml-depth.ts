// How deeply an XML text nests its elements, found by one pass over the
// tags without parsing them. mammoth turns the parsed XML into its own tree
// by recursion, so a part nested a few thousand deep overflows the stack; this
// check runs first and lets the reader refuse such a part by name.

const LT = '<';
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const GT = 0x3e;

/**
 * True once `xml` opens more than `limit` elements inside one another. It
 * stops at the first level past the limit, so a hostile part costs no more
 * than reaching it. Markup it cannot follow (an unclosed tag) ends the scan:
 * the parser after it will report that better.
 */
export function nestedDeeperThan(xml: string, limit: number): boolean {
  let depth = 0;
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    const next = xml.charCodeAt(at + 1);
    if (next === SLASH) {
      depth--;
    } else if (next === BANG || next === QUESTION) {
      at = skipMarkup(xml, at);
    } else {
      at = tagEnd(xml, at);
      // `<w:br/>` opens nothing.
      if (at !== -1 && xml.charCodeAt(at - 1) !== SLASH && ++depth > limit) return true;
    }
    if (at === -1) return false;
  }
  return false;
}

/** The end of a comment, CDATA section, processing instruction or declaration, none of which nest. */
function skipMarkup(xml: string, at: number): number {
  const close = xml.startsWith('<!--', at) ? '-->' : xml.startsWith('<![CDATA[', at) ? ']]>' : xml.charCodeAt(at + 1) === QUESTION ? '?>' : '>';
  const end = xml.indexOf(close, at + 2);
  return end === -1 ? -1 : end + close.length - 1;
}

/** The `>` that closes the start tag at `at`: a `>` inside a quoted attribute value does not. */
function tagEnd(xml: string, at: number): number {
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === GT) return i;
    if (c === QUOTE || c === APOSTROPHE) {
      i = xml.indexOf(xml[i]!, i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}
