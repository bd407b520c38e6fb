// The text of compiler/syntax/cst-types.ts: Chevrotain's generateCstDts over the parser's grammar,
// under a header saying it is generated, laid out by prettier with the project's options.

import { generateCstDts } from "chevrotain";
import prettier from "prettier";
import { policyParser } from "../../compiler/syntax/parser.js";

const header = `// DO NOT EDIT: generated from the grammar in parser.ts by Chevrotain's generateCstDts.
// Regenerate with \`npm run accept\` (test/cst-types-are-current.test.ts fails when it is out of date).
// The types of the concrete syntax tree, read by cst-to-ast.ts and the formatter. A child the grammar
// requires may still be missing from a node that error recovery built: read children as optional.

`;

/** The generated module's text, formatted for the file at `path`. */
export async function cstTypesSource(path: string): Promise<string> {
  const types = generateCstDts(policyParser.getGAstProductions(), { visitorInterfaceName: "PolicyCstVisitor" });
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(header + types, { ...options, filepath: path, parser: "typescript" });
}
