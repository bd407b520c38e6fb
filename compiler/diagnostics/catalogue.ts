// The one catalogue of diagnostic codes. Every problem the compiler reports has an entry here, and a
// page docs/diagnostics/<code>.md that explains it at length (a test checks both stay in step).

export type Severity = "error" | "warning";

export interface CatalogueEntry {
  readonly code: string;
  readonly severity: Severity;
  /** A short title for the kind of problem, shown in the heading of the rendered diagnostic. */
  readonly title: string;
}

function entry(code: string, severity: Severity, title: string): CatalogueEntry {
  return { code, severity, title };
}

export const catalogue = {
  unexpectedCharacter: entry("PC001", "error", "Unexpected character"),
  syntaxError: entry("PC002", "error", "Syntax error"),
  duplicateClause: entry("PC003", "error", "Clause given twice"),
  missingClause: entry("PC004", "error", "Missing clause"),
  invalidLiteral: entry("PC005", "error", "Invalid date, month or number"),
  misplacedStatement: entry("PC006", "error", "Statement in the wrong kind of file"),
  nestingTooDeep: entry("PC007", "error", "Nesting too deep"),

  duplicateName: entry("PC010", "error", "Duplicate name"),
  missingParent: entry("PC011", "error", "Missing parent section"),
  unreferencedSubcriterion: entry("PC012", "warning", "Sub-criterion not used by its parent"),
  generatedNameClash: entry("PC013", "error", "Names that collide in the evaluator"),
  reservedName: entry("PC014", "error", "Reserved name"),

  unknownName: entry("PC020", "error", "Unknown name"),
  typeMismatch: entry("PC021", "error", "Type mismatch"),
  unknownValue: entry("PC022", "error", "Value not in the enumeration"),
  definitionCycle: entry("PC023", "error", "Definition refers to itself"),
  unusedFact: entry("PC024", "warning", "Unused fact"),
  unusedDefinition: entry("PC025", "warning", "Unused definition"),
  invalidCount: entry("PC026", "error", "Impossible count"),
  invalidRange: entry("PC027", "error", "Impossible range"),
  reservedValue: entry("PC028", "error", "Reserved word used as a value"),

  revisionOrder: entry("PC030", "error", "Revisions out of order"),
  unknownRevision: entry("PC031", "error", "Unknown revision"),
  invalidLifetime: entry("PC032", "error", "Removed before it was added"),

  unknownCategory: entry("PC040", "error", "Unknown category"),
  overrideNotDeclared: entry("PC041", "error", "Exception overrides what it does not declare"),
  overrideForbidden: entry("PC042", "error", "Exception overrides what it may never override"),
  overrideTargetInvalid: entry("PC043", "error", "Exception overrides something that cannot be overridden"),

  unknownPolicy: entry("PC050", "error", "Cases for an unknown policy"),
  invalidCase: entry("PC051", "error", "Incomplete case"),

  unsafeFileName: entry("PC060", "error", "Unsafe file or folder name"),
  unreadableFile: entry("PC061", "error", "File policyc will not read"),
  publishedTextOutside: entry("PC062", "error", "Published text outside the policy's folder"),
  generatedFolderClash: entry("PC063", "error", "Two policies build into one folder"),
} as const satisfies Record<string, CatalogueEntry>;

export type CatalogueKey = keyof typeof catalogue;

export const allCatalogueEntries: readonly CatalogueEntry[] = Object.values(catalogue);
