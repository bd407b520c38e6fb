// Decoding quoted texts. A one-line text resolves \" and \\. A text block (three quotes) is dedented
// and soft-wrapped: lines of one paragraph join with a space, except that a line starting a list
// item ("- ", "1. ", "a. ") starts a new line; a blank line separates paragraphs.

const listItemStart = /^(?:[-•]\s|\d+\.\s|[a-z]\.\s)/;

export function decodeQuotedText(image: string): string {
  return image.slice(1, -1).replace(/\\(["\\])/g, "$1");
}

export function decodeTextBlock(image: string): string {
  const lines = image.slice(3, -3).split(/\r?\n/);
  const indents = lines.filter((line) => line.trim() !== "").map((line) => line.length - line.trimStart().length);
  const indent = indents.length === 0 ? 0 : Math.min(...indents);
  const paragraphs: string[][] = [[]];
  for (const raw of lines) {
    const line = raw.slice(indent).trim();
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
