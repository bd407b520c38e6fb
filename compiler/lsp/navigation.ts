// Go to definition and find references, for facts, definitions, statements, exceptions, revisions,
// categories and fact sets, across a policy and the case files of its project.

import type { Location } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { nameAt, sameTarget } from "./names.js";
import { rangeOf } from "./positions.js";

/** Where the name at `offset` is declared. */
export function definitionAt(analysis: Analysis, offset: number): Location | undefined {
  const target = nameAt(analysis.names, offset)?.target;
  if (!target) return undefined;
  const declaredIn = [analysis, ...(analysis.kind === "cases" && analysis.policy ? [analysis.policy] : [])].find(
    (candidate) => candidate.uri === target.uri,
  );
  if (!declaredIn) return undefined;
  return { uri: target.uri, range: rangeOf(declaredIn.document, target.word.span) };
}

/** Every use of the name at `offset` in `project` (the analyses of its files), with its declaration if asked. */
export function referencesAt(
  analysis: Analysis,
  offset: number,
  project: readonly Analysis[],
  includeDeclaration: boolean,
): Location[] {
  const target = nameAt(analysis.names, offset)?.target;
  if (!target) return [];
  const locations: Location[] = [];
  for (const file of project) {
    for (const named of file.names) {
      if (!named.target || !sameTarget(named.target, target)) continue;
      if (named.declares && !includeDeclaration) continue;
      locations.push({ uri: file.uri, range: rangeOf(file.document, named.word.span) });
    }
  }
  return locations;
}
