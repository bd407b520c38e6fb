// Decoding quoted texts. A one-line text resolves \" and \\. A text block (three quotes) is dedented
// and soft-wrapped: lines of one paragraph join with a space, except that a line starting a list
// item ("- ", "1. ", "a. ") starts a new line; a blank line separates paragraphs.

const listItemStart = /^(?:[-•]\s|\d+\.\s|[a-z]\.\s)/;

export function decodeQuotedText(image: string): string {
  return image.slice(1, -1).replace(/\\(["\\])/g, "$1");
}

export function decodeTextBlock(image: string): string {
  const lines = image.slice(3, -3).split(/\r?\n/);
  // NOTE: a fold, not Math.min(...indents): a block of a hundred thousand lines would overflow the stack as arguments.
  const indent = lines.reduce(
    (least, line) => (line.trim() === "" ? least : Math.min(least, line.length - line.trimStart().length)),
    Infinity,
  );
  const paragraphs: string[][] = [[]];
  for (const raw of lines) {
    const line = raw.slice(Number.isFinite(indent) ? indent : 0).trim();
    const current = paragraphs[paragraphs.length - 1] ?? [];
    if (line === "") {
      if (current.length > 0) paragraphs.push([]);
      continue;
    }
    const last = current.length - 1;
    if (last >= 0 && !listItemStart.test(line)) current[last] = `${current[last]} ${line}`;
    else current.push(line);
  }
  return paragraphs
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => paragraph.join("\n"))
    .join("\n\n");
}

export function decodeText(image: string): string {
  return image.startsWith('"""') ? decodeTextBlock(image) : decodeQuotedText(image);
}
