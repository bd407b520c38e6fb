// The shipped JavaScript loses its indentation and nothing else: a template literal that spans lines
// keeps its text, and the code prints as before.

import { describe, expect, it } from "vitest";
import { compactJavaScript } from "../compiler/package/compact-javascript.js";

describe("compacting the shipped JavaScript", () => {
  it("takes the indentation off every line of code", () => {
    const code = "export function f(a) {\n    if (a) {\n        return 1;\n    }\n    return 2;\n}\n";
    expect(compactJavaScript(code)).toBe("export function f(a) {\nif (a) {\nreturn 1;\n}\nreturn 2;\n}\n");
  });

  it("keeps the lines of a template literal that spans lines as they are, and runs the same", async () => {
    const code = [
      "export function message(name) {",
      "    const text = `Hello ${name},",
      "    indented line",
      "        deeper ${`nested",
      "      inner`}`;",
      "    return text;",
      "}",
      "",
    ].join("\n");
    const compact = compactJavaScript(code);
    expect(compact).toContain("    indented line\n        deeper ${`nested\n      inner`}`;\nreturn text;");
    const run = async (source: string) => {
      const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {
        message: (name: string) => string;
      };
      return module.message("x");
    };
    expect(await run(compact)).toBe(await run(code));
  });

  it("ships the code as it was when taking the indentation off would change it (a string continued on the next line)", () => {
    const code = 'export const s = "a\\\n    b";\n';
    expect(code.split("\n")).toHaveLength(3);
    expect(compactJavaScript(code)).toBe(code);
  });
});
