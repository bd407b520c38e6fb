// The one place where text from a policy enters generated TypeScript: as a string literal, or inside
// a doc comment. Nothing else from a policy is spliced into code.

/** A TypeScript string literal holding exactly `text`. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text);
}

/** Text safe inside a `/** ... *\/` comment: it can neither close the comment nor start a tag. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/@/g, "\\@");
}

/** Text safe inside a `//` comment: on one line. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
