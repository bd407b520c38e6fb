// DO NOT EDIT: generated from the grammar in parser.ts by Chevrotain's generateCstDts.
// Regenerate with `npm run accept` (test/cst-types-are-current.test.ts fails when it is out of date).
// The types of the concrete syntax tree, read by cst-to-ast.ts and the formatter. A child the grammar
// requires may still be missing from a node that error recovery built: read children as optional.

import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface FileCstNode extends CstNode {
  name: "file";
  children: FileCstChildren;
}

export type FileCstChildren = {
  statement?: StatementCstNode[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  policyStatement?: PolicyStatementCstNode[];
  revisionStatement?: RevisionStatementCstNode[];
  categoryStatement?: CategoryStatementCstNode[];
  factStatement?: FactStatementCstNode[];
  defineStatement?: DefineStatementCstNode[];
  sectionStatement?: SectionStatementCstNode[];
  criterionStatement?: CriterionStatementCstNode[];
  exclusionStatement?: ExclusionStatementCstNode[];
  noteStatement?: NoteStatementCstNode[];
  serviceStatement?: ServiceStatementCstNode[];
  exceptionStatement?: ExceptionStatementCstNode[];
  proseStatement?: ProseStatementCstNode[];
  codeGroupStatement?: CodeGroupStatementCstNode[];
  codeStatement?: CodeStatementCstNode[];
  referenceStatement?: ReferenceStatementCstNode[];
  casesStatement?: CasesStatementCstNode[];
  factSetStatement?: FactSetStatementCstNode[];
  caseStatement?: CaseStatementCstNode[];
  claimCaseStatement?: ClaimCaseStatementCstNode[];
  layoutStatement?: LayoutStatementCstNode[];
  valueSetStatement?: ValueSetStatementCstNode[];
  fhirStatement?: FhirStatementCstNode[];
};

export interface TextCstNode extends CstNode {
  name: "text";
  children: TextCstChildren;
}

export type TextCstChildren = {
  Text?: IToken[];
  TextBlock?: IToken[];
};

export interface ReadingClauseCstNode extends CstNode {
  name: "readingClause";
  children: ReadingClauseCstChildren;
}

export type ReadingClauseCstChildren = {
  Kw_reading: IToken[];
  text: TextCstNode[];
  alternativeClause?: AlternativeClauseCstNode[];
  decidesNothingClause?: DecidesNothingClauseCstNode[];
};

export interface DecidesNothingClauseCstNode extends CstNode {
  name: "decidesNothingClause";
  children: DecidesNothingClauseCstChildren;
}

export type DecidesNothingClauseCstChildren = {
  Kw_decides: IToken[];
  Kw_nothing: IToken[];
};

export interface AlternativeClauseCstNode extends CstNode {
  name: "alternativeClause";
  children: AlternativeClauseCstChildren;
}

export type AlternativeClauseCstChildren = {
  Kw_alternative: IToken[];
  text: TextCstNode[];
  alternativeFactClause?: AlternativeFactClauseCstNode[];
  alternativeReplacement: AlternativeReplacementCstNode[];
};

export interface AlternativeFactClauseCstNode extends CstNode {
  name: "alternativeFactClause";
  children: AlternativeFactClauseCstChildren;
}

export type AlternativeFactClauseCstChildren = {
  Kw_with: IToken[];
  factStatement: FactStatementCstNode[];
};

export interface AlternativeReplacementCstNode extends CstNode {
  name: "alternativeReplacement";
  children: AlternativeReplacementCstChildren;
}

export type AlternativeReplacementCstChildren = {
  Kw_in: IToken[];
  revisionName: RevisionNameCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  metWhenClause?: MetWhenClauseCstNode[];
  notCoveredClause?: NotCoveredClauseCstNode[];
  appliesClause?: AppliesClauseCstNode[];
  overridesClause?: OverridesClauseCstNode[];
  effectiveClause?: EffectiveClauseCstNode[];
  definitionAsClause?: DefinitionAsClauseCstNode[];
  excludesServicesClause?: ExcludesServicesClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  alternativeRuleClause?: AlternativeRuleClauseCstNode[];
  alternativeGroupClause?: AlternativeGroupClauseCstNode[];
};

export interface AlternativeRuleClauseCstNode extends CstNode {
  name: "alternativeRuleClause";
  children: AlternativeRuleClauseCstChildren;
}

export type AlternativeRuleClauseCstChildren = {
  Kw_rule: IToken[];
  ruleBody: RuleBodyCstNode[];
};

export interface AlternativeGroupClauseCstNode extends CstNode {
  name: "alternativeGroupClause";
  children: AlternativeGroupClauseCstChildren;
}

export type AlternativeGroupClauseCstChildren = {
  Kw_group: IToken[];
  codeList: CodeListCstNode[];
};

export interface DefinitionAsClauseCstNode extends CstNode {
  name: "definitionAsClause";
  children: DefinitionAsClauseCstChildren;
}

export type DefinitionAsClauseCstChildren = {
  Kw_as: IToken[];
  expression: ExpressionCstNode[];
};

export interface RevisionNameCstNode extends CstNode {
  name: "revisionName";
  children: RevisionNameCstChildren;
}

export type RevisionNameCstChildren = {
  MonthLiteral?: IToken[];
  SuffixedMonth?: IToken[];
  Name?: IToken[];
};

export interface AddedClauseCstNode extends CstNode {
  name: "addedClause";
  children: AddedClauseCstChildren;
}

export type AddedClauseCstChildren = {
  Kw_added: IToken[];
  Kw_in: IToken[];
  revisionName: RevisionNameCstNode[];
};

export interface RemovedClauseCstNode extends CstNode {
  name: "removedClause";
  children: RemovedClauseCstChildren;
}

export type RemovedClauseCstChildren = {
  Kw_removed: IToken[];
  Kw_in: IToken[];
  revisionName: RevisionNameCstNode[];
};

export interface CategoryClauseCstNode extends CstNode {
  name: "categoryClause";
  children: CategoryClauseCstChildren;
}

export type CategoryClauseCstChildren = {
  Kw_category: IToken[];
  Word: IToken[];
};

export interface PolicyStatementCstNode extends CstNode {
  name: "policyStatement";
  children: PolicyStatementCstChildren;
}

export type PolicyStatementCstChildren = {
  Kw_policy: IToken[];
  Name: IToken[];
  titleClause?: TitleClauseCstNode[];
  planClause?: PlanClauseCstNode[];
  descriptionClause?: DescriptionClauseCstNode[];
  lastReviewClause?: LastReviewClauseCstNode[];
  publishedTextClause?: PublishedTextClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface TitleClauseCstNode extends CstNode {
  name: "titleClause";
  children: TitleClauseCstChildren;
}

export type TitleClauseCstChildren = {
  Kw_title: IToken[];
  text: TextCstNode[];
};

export interface PlanClauseCstNode extends CstNode {
  name: "planClause";
  children: PlanClauseCstChildren;
}

export type PlanClauseCstChildren = {
  Kw_plan: IToken[];
  text: TextCstNode[];
};

export interface DescriptionClauseCstNode extends CstNode {
  name: "descriptionClause";
  children: DescriptionClauseCstChildren;
}

export type DescriptionClauseCstChildren = {
  Kw_description: IToken[];
  text: TextCstNode[];
};

export interface LastReviewClauseCstNode extends CstNode {
  name: "lastReviewClause";
  children: LastReviewClauseCstChildren;
}

export type LastReviewClauseCstChildren = {
  Kw_last: IToken[];
  Kw_review: IToken[];
  MonthLiteral: IToken[];
};

export interface PublishedTextClauseCstNode extends CstNode {
  name: "publishedTextClause";
  children: PublishedTextClauseCstChildren;
}

export type PublishedTextClauseCstChildren = {
  Kw_published: IToken[];
  Kw_text: IToken[];
  text: TextCstNode[];
};

export interface RevisionStatementCstNode extends CstNode {
  name: "revisionStatement";
  children: RevisionStatementCstChildren;
}

export type RevisionStatementCstChildren = {
  Kw_revision: IToken[];
  revisionName: RevisionNameCstNode[];
  text: TextCstNode[];
  reviewedClause?: ReviewedClauseCstNode[];
  effectiveClause?: EffectiveClauseCstNode[];
  publishedTextClause?: PublishedTextClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface ReviewedClauseCstNode extends CstNode {
  name: "reviewedClause";
  children: ReviewedClauseCstChildren;
}

export type ReviewedClauseCstChildren = {
  Kw_reviewed: IToken[];
  MonthLiteral: IToken[];
};

export interface EffectiveClauseCstNode extends CstNode {
  name: "effectiveClause";
  children: EffectiveClauseCstChildren;
}

export type EffectiveClauseCstChildren = {
  Kw_effective: IToken[];
  DateLiteral: IToken[];
};

export interface CategoryStatementCstNode extends CstNode {
  name: "categoryStatement";
  children: CategoryStatementCstChildren;
}

export type CategoryStatementCstChildren = {
  Kw_category: IToken[];
  Word: IToken[];
  text: TextCstNode[];
};

export interface FactStatementCstNode extends CstNode {
  name: "factStatement";
  children: FactStatementCstChildren;
}

export type FactStatementCstChildren = {
  Kw_claim?: IToken[];
  Kw_fact: IToken[];
  Name: IToken[];
  Colon: IToken[];
  listType?: ListTypeCstNode[];
  factType?: FactTypeCstNode[];
  descriptionClause?: DescriptionClauseCstNode[];
  askClause?: AskClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface FactTypeCstNode extends CstNode {
  name: "factType";
  children: FactTypeCstChildren;
}

export type FactTypeCstChildren = {
  booleanType?: BooleanTypeCstNode[];
  numberType?: NumberTypeCstNode[];
  Kw_date?: IToken[];
  oneOfType?: OneOfTypeCstNode[];
  setOfType?: SetOfTypeCstNode[];
  codeType?: CodeTypeCstNode[];
};

export interface ListTypeCstNode extends CstNode {
  name: "listType";
  children: ListTypeCstChildren;
}

export type ListTypeCstChildren = {
  Kw_list: IToken[];
  Kw_of: IToken[];
  fieldDeclaration: FieldDeclarationCstNode[];
  identifyingFields?: IdentifyingFieldsCstNode[];
};

export interface IdentifyingFieldsCstNode extends CstNode {
  name: "identifyingFields";
  children: IdentifyingFieldsCstChildren;
}

export type IdentifyingFieldsCstChildren = {
  Kw_identified: IToken[];
  Kw_by: IToken[];
  Word: IToken[];
  Comma?: IToken[];
};

export interface FieldDeclarationCstNode extends CstNode {
  name: "fieldDeclaration";
  children: FieldDeclarationCstChildren;
}

export type FieldDeclarationCstChildren = {
  Kw_field: IToken[];
  Word: IToken[];
  text: TextCstNode[];
  Colon: IToken[];
  factType: FactTypeCstNode[];
};

export interface CodeTypeCstNode extends CstNode {
  name: "codeType";
  children: CodeTypeCstChildren;
}

export type CodeTypeCstChildren = {
  Kw_code?: IToken[];
  Kw_codes?: IToken[];
  Kw_in: IToken[];
  Kw_system: IToken[];
  text: TextCstNode[];
};

export interface ValueSetStatementCstNode extends CstNode {
  name: "valueSetStatement";
  children: ValueSetStatementCstChildren;
}

export type ValueSetStatementCstChildren = {
  Kw_value: IToken[];
  Kw_set: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  systemClause?: SystemClauseCstNode[];
  fileClause?: FileClauseCstNode[];
  sourceClause?: SourceClauseCstNode[];
  versionClause?: VersionClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface FhirStatementCstNode extends CstNode {
  name: "fhirStatement";
  children: FhirStatementCstChildren;
}

export type FhirStatementCstChildren = {
  Kw_fhir: IToken[];
  ordersClause?: OrdersClauseCstNode[];
  mapClause?: MapClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface OrdersClauseCstNode extends CstNode {
  name: "ordersClause";
  children: OrdersClauseCstChildren;
}

export type OrdersClauseCstChildren = {
  Kw_orders: IToken[];
  Kw_in: IToken[];
  Kw_system: IToken[];
  text: TextCstNode[];
  Colon: IToken[];
  codeList: CodeListCstNode[];
};

export interface MapClauseCstNode extends CstNode {
  name: "mapClause";
  children: MapClauseCstChildren;
}

export type MapClauseCstChildren = {
  Kw_map: IToken[];
  Name: IToken[];
  Kw_from: IToken[];
  Kw_in?: IToken[];
  Colon?: IToken[];
  codeMeaning?: CodeMeaningCstNode[];
  Comma?: IToken[];
};

export interface CodeMeaningCstNode extends CstNode {
  name: "codeMeaning";
  children: CodeMeaningCstChildren;
}

export type CodeMeaningCstChildren = {
  CodeWord: IToken[];
  Kw_as: IToken[];
  Word: IToken[];
};

export interface SystemClauseCstNode extends CstNode {
  name: "systemClause";
  children: SystemClauseCstChildren;
}

export type SystemClauseCstChildren = {
  Kw_system: IToken[];
  text: TextCstNode[];
};

export interface FileClauseCstNode extends CstNode {
  name: "fileClause";
  children: FileClauseCstChildren;
}

export type FileClauseCstChildren = {
  Kw_file: IToken[];
  text: TextCstNode[];
};

export interface SourceClauseCstNode extends CstNode {
  name: "sourceClause";
  children: SourceClauseCstChildren;
}

export type SourceClauseCstChildren = {
  Kw_source: IToken[];
  text: TextCstNode[];
};

export interface VersionClauseCstNode extends CstNode {
  name: "versionClause";
  children: VersionClauseCstChildren;
}

export type VersionClauseCstChildren = {
  Kw_version: IToken[];
  text: TextCstNode[];
};

export interface BooleanTypeCstNode extends CstNode {
  name: "booleanType";
  children: BooleanTypeCstChildren;
}

export type BooleanTypeCstChildren = {
  Kw_yes: IToken[];
  Kw_or: IToken[];
  Kw_no: IToken[];
};

export interface NumberTypeCstNode extends CstNode {
  name: "numberType";
  children: NumberTypeCstChildren;
}

export type NumberTypeCstChildren = {
  Kw_number: IToken[];
  Kw_unit?: IToken[];
  text?: TextCstNode[];
  Kw_from?: IToken[];
  NumberLiteral?: IToken[];
  Kw_to?: IToken[];
};

export interface OneOfTypeCstNode extends CstNode {
  name: "oneOfType";
  children: OneOfTypeCstChildren;
}

export type OneOfTypeCstChildren = {
  Kw_one: IToken[];
  Kw_of: IToken[];
  valueDeclarations: ValueDeclarationsCstNode[];
};

export interface SetOfTypeCstNode extends CstNode {
  name: "setOfType";
  children: SetOfTypeCstChildren;
}

export type SetOfTypeCstChildren = {
  Kw_set: IToken[];
  Kw_of: IToken[];
  valueDeclarations: ValueDeclarationsCstNode[];
};

export interface ValueDeclarationsCstNode extends CstNode {
  name: "valueDeclarations";
  children: ValueDeclarationsCstChildren;
}

export type ValueDeclarationsCstChildren = {
  valueDeclaration: ValueDeclarationCstNode[];
  Comma?: IToken[];
};

export interface ValueDeclarationCstNode extends CstNode {
  name: "valueDeclaration";
  children: ValueDeclarationCstChildren;
}

export type ValueDeclarationCstChildren = {
  Word: IToken[];
  text?: TextCstNode[];
};

export interface ParameterListCstNode extends CstNode {
  name: "parameterList";
  children: ParameterListCstChildren;
}

export type ParameterListCstChildren = {
  LParen: IToken[];
  parameter: ParameterCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ParameterCstNode extends CstNode {
  name: "parameter";
  children: ParameterCstChildren;
}

export type ParameterCstChildren = {
  Name: IToken[];
  Colon: IToken[];
  Kw_number?: IToken[];
  Kw_unit?: IToken[];
  text?: TextCstNode[];
  Kw_date?: IToken[];
  Kw_one?: IToken[];
  Kw_of?: IToken[];
  LParen?: IToken[];
  valueDeclarations?: ValueDeclarationsCstNode[];
  RParen?: IToken[];
};

export interface AskClauseCstNode extends CstNode {
  name: "askClause";
  children: AskClauseCstChildren;
}

export type AskClauseCstChildren = {
  Kw_ask: IToken[];
  text: TextCstNode[];
};

export interface DefineStatementCstNode extends CstNode {
  name: "defineStatement";
  children: DefineStatementCstChildren;
}

export type DefineStatementCstChildren = {
  Kw_define: IToken[];
  definitionBody: DefinitionBodyCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface DefinitionBodyCstNode extends CstNode {
  name: "definitionBody";
  children: DefinitionBodyCstChildren;
}

export type DefinitionBodyCstChildren = {
  Name: IToken[];
  parameterList?: ParameterListCstNode[];
  text: TextCstNode[];
  Kw_as: IToken[];
  expression: ExpressionCstNode[];
};

export interface SectionStatementCstNode extends CstNode {
  name: "sectionStatement";
  children: SectionStatementCstChildren;
}

export type SectionStatementCstChildren = {
  Kw_section: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  appliesClause?: AppliesClauseCstNode[];
  limitedClause?: LimitedClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface LimitedClauseCstNode extends CstNode {
  name: "limitedClause";
  children: LimitedClauseCstChildren;
}

export type LimitedClauseCstChildren = {
  Kw_limited: IToken[];
  Kw_to: IToken[];
  text: TextCstNode[];
};

export interface AppliesClauseCstNode extends CstNode {
  name: "appliesClause";
  children: AppliesClauseCstChildren;
}

export type AppliesClauseCstChildren = {
  Kw_applies: IToken[];
  Kw_when: IToken[];
  expression: ExpressionCstNode[];
};

export interface CriterionStatementCstNode extends CstNode {
  name: "criterionStatement";
  children: CriterionStatementCstChildren;
}

export type CriterionStatementCstChildren = {
  Kw_criterion: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  metWhenClause?: MetWhenClauseCstNode[];
  limitedClause?: LimitedClauseCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
  criterionVersionClause?: CriterionVersionClauseCstNode[];
};

export interface CriterionVersionClauseCstNode extends CstNode {
  name: "criterionVersionClause";
  children: CriterionVersionClauseCstChildren;
}

export type CriterionVersionClauseCstChildren = {
  Kw_before: IToken[];
  revisionName: RevisionNameCstNode[];
  text?: TextCstNode[];
  metWhenClause?: MetWhenClauseCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface MetWhenClauseCstNode extends CstNode {
  name: "metWhenClause";
  children: MetWhenClauseCstChildren;
}

export type MetWhenClauseCstChildren = {
  Kw_met: IToken[];
  Kw_when: IToken[];
  expression: ExpressionCstNode[];
};

export interface ExclusionStatementCstNode extends CstNode {
  name: "exclusionStatement";
  children: ExclusionStatementCstChildren;
}

export type ExclusionStatementCstChildren = {
  Kw_exclusion: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  notCoveredClause?: NotCoveredClauseCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
  exclusionVersionClause?: ExclusionVersionClauseCstNode[];
};

export interface ExclusionVersionClauseCstNode extends CstNode {
  name: "exclusionVersionClause";
  children: ExclusionVersionClauseCstChildren;
}

export type ExclusionVersionClauseCstChildren = {
  Kw_before: IToken[];
  revisionName: RevisionNameCstNode[];
  text?: TextCstNode[];
  notCoveredClause?: NotCoveredClauseCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface NotCoveredClauseCstNode extends CstNode {
  name: "notCoveredClause";
  children: NotCoveredClauseCstChildren;
}

export type NotCoveredClauseCstChildren = {
  Kw_not: IToken[];
  Kw_covered: IToken[];
  Kw_when?: IToken[];
  Kw_unless?: IToken[];
  expression: ExpressionCstNode[];
};

export interface NoteStatementCstNode extends CstNode {
  name: "noteStatement";
  children: NoteStatementCstChildren;
}

export type NoteStatementCstChildren = {
  Kw_note: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  itemClause?: ItemClauseCstNode[];
  notCoveredClause?: NotCoveredClauseCstNode[];
  excludesServicesClause?: ExcludesServicesClauseCstNode[];
  definesClause?: DefinesClauseCstNode[];
  categoryClause?: CategoryClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface ItemClauseCstNode extends CstNode {
  name: "itemClause";
  children: ItemClauseCstChildren;
}

export type ItemClauseCstChildren = {
  Kw_item: IToken[];
  Word?: IToken[];
  NumberLiteral?: IToken[];
  text: TextCstNode[];
};

export interface ExcludesServicesClauseCstNode extends CstNode {
  name: "excludesServicesClause";
  children: ExcludesServicesClauseCstChildren;
}

export type ExcludesServicesClauseCstChildren = {
  Kw_excludes: IToken[];
  Kw_services: IToken[];
  Kw_of: IToken[];
  Name: IToken[];
  Kw_when: IToken[];
  expression: ExpressionCstNode[];
};

export interface DefinesClauseCstNode extends CstNode {
  name: "definesClause";
  children: DefinesClauseCstChildren;
}

export type DefinesClauseCstChildren = {
  Kw_defines: IToken[];
  definitionBody: DefinitionBodyCstNode[];
};

export interface ServiceStatementCstNode extends CstNode {
  name: "serviceStatement";
  children: ServiceStatementCstChildren;
}

export type ServiceStatementCstChildren = {
  Kw_service: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface ExceptionStatementCstNode extends CstNode {
  name: "exceptionStatement";
  children: ExceptionStatementCstChildren;
}

export type ExceptionStatementCstChildren = {
  Kw_exception: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  appliesClause?: AppliesClauseCstNode[];
  mayOverrideClause?: MayOverrideClauseCstNode[];
  neverOverridesClause?: NeverOverridesClauseCstNode[];
  overridesClause?: OverridesClauseCstNode[];
  requiresPriorApprovalClause?: RequiresPriorApprovalClauseCstNode[];
  textClause?: TextClauseCstNode[];
  priorApprovalTextClause?: PriorApprovalTextClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface MayOverrideClauseCstNode extends CstNode {
  name: "mayOverrideClause";
  children: MayOverrideClauseCstChildren;
}

export type MayOverrideClauseCstChildren = {
  Kw_may: IToken[];
  Kw_override: IToken[];
  wordList: WordListCstNode[];
};

export interface NeverOverridesClauseCstNode extends CstNode {
  name: "neverOverridesClause";
  children: NeverOverridesClauseCstChildren;
}

export type NeverOverridesClauseCstChildren = {
  Kw_never: IToken[];
  Kw_overrides: IToken[];
  wordList: WordListCstNode[];
};

export interface OverridesClauseCstNode extends CstNode {
  name: "overridesClause";
  children: OverridesClauseCstChildren;
}

export type OverridesClauseCstChildren = {
  Kw_overrides: IToken[];
  wordList: WordListCstNode[];
};

export interface WordListCstNode extends CstNode {
  name: "wordList";
  children: WordListCstChildren;
}

export type WordListCstChildren = {
  Word: IToken[];
  Comma?: IToken[];
};

export interface CodeListCstNode extends CstNode {
  name: "codeList";
  children: CodeListCstChildren;
}

export type CodeListCstChildren = {
  CodeWord: IToken[];
  Comma?: IToken[];
};

export interface RequiresPriorApprovalClauseCstNode extends CstNode {
  name: "requiresPriorApprovalClause";
  children: RequiresPriorApprovalClauseCstChildren;
}

export type RequiresPriorApprovalClauseCstChildren = {
  Kw_requires: IToken[];
  Kw_prior: IToken[];
  Kw_approval: IToken[];
};

export interface TextClauseCstNode extends CstNode {
  name: "textClause";
  children: TextClauseCstChildren;
}

export type TextClauseCstChildren = {
  Kw_text: IToken[];
  text: TextCstNode[];
};

export interface PriorApprovalTextClauseCstNode extends CstNode {
  name: "priorApprovalTextClause";
  children: PriorApprovalTextClauseCstChildren;
}

export type PriorApprovalTextClauseCstChildren = {
  Kw_prior: IToken[];
  Kw_approval: IToken[];
  Kw_text: IToken[];
  text: TextCstNode[];
};

export interface ProseStatementCstNode extends CstNode {
  name: "proseStatement";
  children: ProseStatementCstChildren;
}

export type ProseStatementCstChildren = {
  Kw_prose: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  textClause?: TextClauseCstNode[];
  notEncodedClause?: NotEncodedClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
};

export interface NotEncodedClauseCstNode extends CstNode {
  name: "notEncodedClause";
  children: NotEncodedClauseCstChildren;
}

export type NotEncodedClauseCstChildren = {
  Kw_not: IToken[];
  Kw_encoded: IToken[];
  Kw_because: IToken[];
  text: TextCstNode[];
};

export interface CodeGroupStatementCstNode extends CstNode {
  name: "codeGroupStatement";
  children: CodeGroupStatementCstChildren;
}

export type CodeGroupStatementCstChildren = {
  Kw_code: IToken[];
  Kw_group: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  Colon: IToken[];
  codeList: CodeListCstNode[];
};

export interface CodeStatementCstNode extends CstNode {
  name: "codeStatement";
  children: CodeStatementCstChildren;
}

export type CodeStatementCstChildren = {
  Kw_code: IToken[];
  CodeWord: IToken[];
  Kw_modifier?: IToken[];
  text: TextCstNode[];
  ruleClause?: RuleClauseCstNode[];
  billingClause?: BillingClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
};

export interface BillingClauseCstNode extends CstNode {
  name: "billingClause";
  children: BillingClauseCstChildren;
}

export type BillingClauseCstChildren = {
  Kw_billing: IToken[];
  text: TextCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
  ruleClause?: RuleClauseCstNode[];
};

export interface RuleClauseCstNode extends CstNode {
  name: "ruleClause";
  children: RuleClauseCstChildren;
}

export type RuleClauseCstChildren = {
  Kw_rule: IToken[];
  Name: IToken[];
  Colon: IToken[];
  ruleBody: RuleBodyCstNode[];
  fromClause?: FromClauseCstNode[];
  saysClause?: SaysClauseCstNode[];
  readingClause?: ReadingClauseCstNode[];
  addedClause?: AddedClauseCstNode[];
  removedClause?: RemovedClauseCstNode[];
};

export interface RuleBodyCstNode extends CstNode {
  name: "ruleBody";
  children: RuleBodyCstChildren;
}

export type RuleBodyCstChildren = {
  Kw_billed?: IToken[];
  Kw_only?: IToken[];
  Kw_when?: IToken[];
  billingGuard?: BillingGuardCstNode[];
  Kw_not?: IToken[];
  notBilledWith?: NotBilledWithCstNode[];
  Kw_requires?: IToken[];
  Kw_modifier?: IToken[];
  CodeWord?: IToken[];
  Kw_one?: IToken[];
  Kw_of?: IToken[];
  Kw_modifiers?: IToken[];
  codeList?: CodeListCstNode[];
  ruleWhen?: RuleWhenCstNode[];
  Kw_must?: IToken[];
  Kw_have?: IToken[];
  Kw_with?: IToken[];
  Kw_each?: IToken[];
  Kw_code?: IToken[];
  Name?: IToken[];
  Kw_units?: IToken[];
  Kw_at?: IToken[];
  Kw_least?: IToken[];
  Kw_most?: IToken[];
  numericExpression?: NumericExpressionCstNode[];
  Kw_rounded?: IToken[];
  Kw_up?: IToken[];
  Kw_down?: IToken[];
  Kw_per?: IToken[];
  Word?: IToken[];
};

export interface NotBilledWithCstNode extends CstNode {
  name: "notBilledWith";
  children: NotBilledWithCstChildren;
}

export type NotBilledWithCstChildren = {
  Kw_with: IToken[];
  CodeWord?: IToken[];
  Kw_any?: IToken[];
  Kw_code?: IToken[];
  Kw_of?: IToken[];
  Name?: IToken[];
};

export interface RuleWhenCstNode extends CstNode {
  name: "ruleWhen";
  children: RuleWhenCstChildren;
}

export type RuleWhenCstChildren = {
  Kw_when: IToken[];
  billingGuard: BillingGuardCstNode[];
};

export interface BillingGuardCstNode extends CstNode {
  name: "billingGuard";
  children: BillingGuardCstChildren;
}

export type BillingGuardCstChildren = {
  guardAnd: GuardAndCstNode[];
  Kw_or?: IToken[];
};

export interface GuardAndCstNode extends CstNode {
  name: "guardAnd";
  children: GuardAndCstChildren;
}

export type GuardAndCstChildren = {
  guardNot: GuardNotCstNode[];
  Kw_and?: IToken[];
};

export interface GuardNotCstNode extends CstNode {
  name: "guardNot";
  children: GuardNotCstChildren;
}

export type GuardNotCstChildren = {
  Kw_not?: IToken[];
  guardNot?: GuardNotCstNode[];
  guardAtom?: GuardAtomCstNode[];
};

export interface GuardAtomCstNode extends CstNode {
  name: "guardAtom";
  children: GuardAtomCstChildren;
}

export type GuardAtomCstChildren = {
  decisionTest?: DecisionTestCstNode[];
  LParen?: IToken[];
  billingGuard?: BillingGuardCstNode[];
  RParen?: IToken[];
  quantified?: QuantifiedCstNode[];
  recordQuantifier?: RecordQuantifierCstNode[];
  definitionCall?: DefinitionCallCstNode[];
  statementReference?: StatementReferenceCstNode[];
  predicate?: PredicateCstNode[];
};

export interface DecisionTestCstNode extends CstNode {
  name: "decisionTest";
  children: DecisionTestCstChildren;
}

export type DecisionTestCstChildren = {
  Kw_coverage?: IToken[];
  Kw_is?: IToken[];
  outcomeWords?: OutcomeWordsCstNode[];
  Kw_qualified?: IToken[];
  Kw_under?: IToken[];
  Name?: IToken[];
};

export interface OutcomeWordsCstNode extends CstNode {
  name: "outcomeWords";
  children: OutcomeWordsCstChildren;
}

export type OutcomeWordsCstChildren = {
  Kw_covered?: IToken[];
  Kw_not?: IToken[];
  Kw_pending?: IToken[];
};

export interface FromClauseCstNode extends CstNode {
  name: "fromClause";
  children: FromClauseCstChildren;
}

export type FromClauseCstChildren = {
  Kw_from: IToken[];
  Name: IToken[];
};

export interface SaysClauseCstNode extends CstNode {
  name: "saysClause";
  children: SaysClauseCstChildren;
}

export type SaysClauseCstChildren = {
  Kw_says: IToken[];
  text: TextCstNode[];
};

export interface NumericExpressionCstNode extends CstNode {
  name: "numericExpression";
  children: NumericExpressionCstChildren;
}

export type NumericExpressionCstChildren = {
  numericProduct: NumericProductCstNode[];
  Plus?: IToken[];
  Minus?: IToken[];
};

export interface NumericProductCstNode extends CstNode {
  name: "numericProduct";
  children: NumericProductCstChildren;
}

export type NumericProductCstChildren = {
  numericAtom: NumericAtomCstNode[];
  Times?: IToken[];
  Divide?: IToken[];
};

export interface NumericAtomCstNode extends CstNode {
  name: "numericAtom";
  children: NumericAtomCstChildren;
}

export type NumericAtomCstChildren = {
  NumberLiteral?: IToken[];
  Name?: IToken[];
  LParen?: IToken[];
  numericExpression?: NumericExpressionCstNode[];
  RParen?: IToken[];
};

export interface LayoutStatementCstNode extends CstNode {
  name: "layoutStatement";
  children: LayoutStatementCstChildren;
}

export type LayoutStatementCstChildren = {
  Kw_layout: IToken[];
  text: TextCstNode[];
  notEncodedClause: NotEncodedClauseCstNode[];
};

export interface ReferenceStatementCstNode extends CstNode {
  name: "referenceStatement";
  children: ReferenceStatementCstChildren;
}

export type ReferenceStatementCstChildren = {
  Kw_reference: IToken[];
  NumberLiteral: IToken[];
  text: TextCstNode[];
  Kw_link?: IToken[];
};

export interface CasesStatementCstNode extends CstNode {
  name: "casesStatement";
  children: CasesStatementCstChildren;
}

export type CasesStatementCstChildren = {
  Kw_cases: IToken[];
  Kw_for: IToken[];
  Name: IToken[];
};

export interface FactSetStatementCstNode extends CstNode {
  name: "factSetStatement";
  children: FactSetStatementCstChildren;
}

export type FactSetStatementCstChildren = {
  Kw_facts: IToken[];
  Name: IToken[];
  text: TextCstNode[];
  givenClause?: GivenClauseCstNode[];
  assignment?: AssignmentCstNode[];
};

export interface CaseStatementCstNode extends CstNode {
  name: "caseStatement";
  children: CaseStatementCstChildren;
}

export type CaseStatementCstChildren = {
  Kw_case: IToken[];
  text: TextCstNode[];
  onClause?: OnClauseCstNode[];
  givenClause?: GivenClauseCstNode[];
  assignment?: AssignmentCstNode[];
  expectClause?: ExpectClauseCstNode[];
  expectQualifiedClause?: ExpectQualifiedClauseCstNode[];
  expectLimitationsClause?: ExpectLimitationsClauseCstNode[];
  becauseClause?: BecauseClauseCstNode[];
  askingClause?: AskingClauseCstNode[];
  underExceptionClause?: UnderExceptionClauseCstNode[];
  requiresPriorApprovalClause?: RequiresPriorApprovalClauseCstNode[];
  excludesServicesExpectation?: ExcludesServicesExpectationCstNode[];
};

export interface ClaimCaseStatementCstNode extends CstNode {
  name: "claimCaseStatement";
  children: ClaimCaseStatementCstChildren;
}

export type ClaimCaseStatementCstChildren = {
  Kw_claim: IToken[];
  Kw_case: IToken[];
  text: TextCstNode[];
  onClause?: OnClauseCstNode[];
  assignment?: AssignmentCstNode[];
  lineClause?: LineClauseCstNode[];
  expectClaimClause?: ExpectClaimClauseCstNode[];
  decisionClause?: DecisionClauseCstNode[];
  expectPendingClaimClause?: ExpectPendingClaimClauseCstNode[];
};

export interface DecisionClauseCstNode extends CstNode {
  name: "decisionClause";
  children: DecisionClauseCstChildren;
}

export type DecisionClauseCstChildren = {
  Kw_decision: IToken[];
  outcomeWords: OutcomeWordsCstNode[];
  Kw_qualified?: IToken[];
  Kw_under?: IToken[];
  wordList?: WordListCstNode[];
};

export interface LineClauseCstNode extends CstNode {
  name: "lineClause";
  children: LineClauseCstChildren;
}

export type LineClauseCstChildren = {
  Kw_line: IToken[];
  CodeWord: IToken[];
  Kw_modifier?: IToken[];
  codeList?: CodeListCstNode[];
  Kw_units: IToken[];
  NumberLiteral: IToken[];
  Kw_on?: IToken[];
  DateLiteral?: IToken[];
};

export interface ExpectClaimClauseCstNode extends CstNode {
  name: "expectClaimClause";
  children: ExpectClaimClauseCstChildren;
}

export type ExpectClaimClauseCstChildren = {
  Kw_expect: IToken[];
  Kw_clean?: IToken[];
  Kw_violations?: IToken[];
  wordList?: WordListCstNode[];
};

export interface ExpectPendingClaimClauseCstNode extends CstNode {
  name: "expectPendingClaimClause";
  children: ExpectPendingClaimClauseCstChildren;
}

export type ExpectPendingClaimClauseCstChildren = {
  Kw_expect: IToken[];
  Kw_pending: IToken[];
  wordList: WordListCstNode[];
};

export interface OnClauseCstNode extends CstNode {
  name: "onClause";
  children: OnClauseCstChildren;
}

export type OnClauseCstChildren = {
  Kw_on: IToken[];
  DateLiteral: IToken[];
};

export interface GivenClauseCstNode extends CstNode {
  name: "givenClause";
  children: GivenClauseCstChildren;
}

export type GivenClauseCstChildren = {
  Kw_given: IToken[];
  Name: IToken[];
};

export interface AssignmentCstNode extends CstNode {
  name: "assignment";
  children: AssignmentCstChildren;
}

export type AssignmentCstChildren = {
  Name: IToken[];
  Equal: IToken[];
  valueList?: ValueListCstNode[];
  recordList?: RecordListCstNode[];
  value?: ValueCstNode[];
};

export interface RecordListCstNode extends CstNode {
  name: "recordList";
  children: RecordListCstChildren;
}

export type RecordListCstChildren = {
  LBracket: IToken[];
  recordValue?: RecordValueCstNode[];
  Comma?: IToken[];
  RBracket: IToken[];
};

export interface RecordValueCstNode extends CstNode {
  name: "recordValue";
  children: RecordValueCstChildren;
}

export type RecordValueCstChildren = {
  LParen: IToken[];
  fieldValue?: FieldValueCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface FieldValueCstNode extends CstNode {
  name: "fieldValue";
  children: FieldValueCstChildren;
}

export type FieldValueCstChildren = {
  Word: IToken[];
  valueList?: ValueListCstNode[];
  value?: ValueCstNode[];
};

export interface ExpectClauseCstNode extends CstNode {
  name: "expectClause";
  children: ExpectClauseCstChildren;
}

export type ExpectClauseCstChildren = {
  Kw_expect: IToken[];
  Kw_covered?: IToken[];
  Kw_not?: IToken[];
  Kw_pending?: IToken[];
};

export interface ExpectQualifiedClauseCstNode extends CstNode {
  name: "expectQualifiedClause";
  children: ExpectQualifiedClauseCstChildren;
}

export type ExpectQualifiedClauseCstChildren = {
  Kw_expect: IToken[];
  Kw_qualified: IToken[];
  Kw_under: IToken[];
  wordList: WordListCstNode[];
};

export interface ExpectLimitationsClauseCstNode extends CstNode {
  name: "expectLimitationsClause";
  children: ExpectLimitationsClauseCstChildren;
}

export type ExpectLimitationsClauseCstChildren = {
  Kw_expect: IToken[];
  Kw_no?: IToken[];
  Kw_limitations?: IToken[];
  wordList?: WordListCstNode[];
};

export interface BecauseClauseCstNode extends CstNode {
  name: "becauseClause";
  children: BecauseClauseCstChildren;
}

export type BecauseClauseCstChildren = {
  Kw_because: IToken[];
  wordList: WordListCstNode[];
};

export interface AskingClauseCstNode extends CstNode {
  name: "askingClause";
  children: AskingClauseCstChildren;
}

export type AskingClauseCstChildren = {
  Kw_asking: IToken[];
  wordList: WordListCstNode[];
};

export interface UnderExceptionClauseCstNode extends CstNode {
  name: "underExceptionClause";
  children: UnderExceptionClauseCstChildren;
}

export type UnderExceptionClauseCstChildren = {
  Kw_under: IToken[];
  Kw_exception: IToken[];
  Name: IToken[];
};

export interface ExcludesServicesExpectationCstNode extends CstNode {
  name: "excludesServicesExpectation";
  children: ExcludesServicesExpectationCstChildren;
}

export type ExcludesServicesExpectationCstChildren = {
  Kw_excludes: IToken[];
  Kw_services: IToken[];
  Kw_of: IToken[];
  Name: IToken[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  andExpression: AndExpressionCstNode[];
  Kw_or?: IToken[];
};

export interface AndExpressionCstNode extends CstNode {
  name: "andExpression";
  children: AndExpressionCstChildren;
}

export type AndExpressionCstChildren = {
  notExpression: NotExpressionCstNode[];
  Kw_and?: IToken[];
};

export interface NotExpressionCstNode extends CstNode {
  name: "notExpression";
  children: NotExpressionCstChildren;
}

export type NotExpressionCstChildren = {
  Kw_not?: IToken[];
  notExpression?: NotExpressionCstNode[];
  atom?: AtomCstNode[];
};

export interface AtomCstNode extends CstNode {
  name: "atom";
  children: AtomCstChildren;
}

export type AtomCstChildren = {
  parenthesized?: ParenthesizedCstNode[];
  quantified?: QuantifiedCstNode[];
  recordQuantifier?: RecordQuantifierCstNode[];
  definitionCall?: DefinitionCallCstNode[];
  statementReference?: StatementReferenceCstNode[];
  predicate?: PredicateCstNode[];
};

export interface RecordQuantifierCstNode extends CstNode {
  name: "recordQuantifier";
  children: RecordQuantifierCstChildren;
}

export type RecordQuantifierCstChildren = {
  Kw_some?: IToken[];
  Kw_no?: IToken[];
  recordBinding?: RecordBindingCstNode[];
  whereClause?: WhereClauseCstNode[];
  Kw_every?: IToken[];
  hasClause?: HasClauseCstNode[];
  Kw_latest?: IToken[];
  Kw_earliest?: IToken[];
  Kw_by?: IToken[];
  Word?: IToken[];
  Kw_count?: IToken[];
  Kw_of?: IToken[];
  Kw_where?: IToken[];
  parenthesized?: ParenthesizedCstNode[];
  Name?: IToken[];
  comparisonTail?: ComparisonTailCstNode[];
};

export interface DefinitionCallCstNode extends CstNode {
  name: "definitionCall";
  children: DefinitionCallCstChildren;
}

export type DefinitionCallCstChildren = {
  Name: IToken[];
  LParen: IToken[];
  term: TermCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface RecordBindingCstNode extends CstNode {
  name: "recordBinding";
  children: RecordBindingCstChildren;
}

export type RecordBindingCstChildren = {
  Name: IToken[];
  Kw_in: IToken[];
};

export interface WhereClauseCstNode extends CstNode {
  name: "whereClause";
  children: WhereClauseCstChildren;
}

export type WhereClauseCstChildren = {
  Kw_where: IToken[];
  expression: ExpressionCstNode[];
};

export interface HasClauseCstNode extends CstNode {
  name: "hasClause";
  children: HasClauseCstChildren;
}

export type HasClauseCstChildren = {
  Kw_has: IToken[];
  expression: ExpressionCstNode[];
};

export interface StatementReferenceCstNode extends CstNode {
  name: "statementReference";
  children: StatementReferenceCstChildren;
}

export type StatementReferenceCstChildren = {
  Kw_criterion?: IToken[];
  Kw_section?: IToken[];
  Name: IToken[];
};

export interface ParenthesizedCstNode extends CstNode {
  name: "parenthesized";
  children: ParenthesizedCstChildren;
}

export type ParenthesizedCstChildren = {
  LParen: IToken[];
  expression: ExpressionCstNode[];
  RParen: IToken[];
};

export interface QuantifiedCstNode extends CstNode {
  name: "quantified";
  children: QuantifiedCstChildren;
}

export type QuantifiedCstChildren = {
  Kw_all?: IToken[];
  Kw_any?: IToken[];
  Kw_at?: IToken[];
  Kw_least?: IToken[];
  Kw_one?: IToken[];
  NumberLiteral?: IToken[];
  Kw_of: IToken[];
  LParen: IToken[];
  expression: ExpressionCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface PredicateCstNode extends CstNode {
  name: "predicate";
  children: PredicateCstChildren;
}

export type PredicateCstChildren = {
  term: TermCstNode[];
  isTail?: IsTailCstNode[];
  comparisonTail?: ComparisonTailCstNode[];
  containsTail?: ContainsTailCstNode[];
  hasTail?: HasTailCstNode[];
};

export interface HasTailCstNode extends CstNode {
  name: "hasTail";
  children: HasTailCstChildren;
}

export type HasTailCstChildren = {
  Kw_has: IToken[];
  Kw_any: IToken[];
  Kw_in: IToken[];
  Name: IToken[];
};

export interface IsTailCstNode extends CstNode {
  name: "isTail";
  children: IsTailCstChildren;
}

export type IsTailCstChildren = {
  Kw_is: IToken[];
  Kw_not?: IToken[];
  withinWindow?: WithinWindowCstNode[];
  daysWindow?: DaysWindowCstNode[];
  Kw_one?: IToken[];
  Kw_of?: IToken[];
  valueList?: ValueListCstNode[];
  Kw_in?: IToken[];
  Name?: IToken[];
  value?: ValueCstNode[];
};

export interface ComparisonTailCstNode extends CstNode {
  name: "comparisonTail";
  children: ComparisonTailCstChildren;
}

export type ComparisonTailCstChildren = {
  LessOrEqual?: IToken[];
  GreaterOrEqual?: IToken[];
  NotEqual?: IToken[];
  Less?: IToken[];
  Greater?: IToken[];
  Equal?: IToken[];
  term: TermCstNode[];
};

export interface TermCstNode extends CstNode {
  name: "term";
  children: TermCstChildren;
}

export type TermCstChildren = {
  operand: OperandCstNode[];
  dateOffset?: DateOffsetCstNode[];
};

export interface DateOffsetCstNode extends CstNode {
  name: "dateOffset";
  children: DateOffsetCstChildren;
}

export type DateOffsetCstChildren = {
  Plus?: IToken[];
  Minus?: IToken[];
  duration: DurationCstNode[];
};

export interface DurationCstNode extends CstNode {
  name: "duration";
  children: DurationCstChildren;
}

export type DurationCstChildren = {
  NumberLiteral: IToken[];
  Word: IToken[];
};

export interface WithinWindowCstNode extends CstNode {
  name: "withinWindow";
  children: WithinWindowCstChildren;
}

export type WithinWindowCstChildren = {
  Kw_within: IToken[];
  duration: DurationCstNode[];
  Kw_before?: IToken[];
  Kw_after?: IToken[];
  Kw_of?: IToken[];
  operand: OperandCstNode[];
};

export interface DaysWindowCstNode extends CstNode {
  name: "daysWindow";
  children: DaysWindowCstChildren;
}

export type DaysWindowCstChildren = {
  Kw_between: IToken[];
  Kw_day: IToken[];
  NumberLiteral: IToken[];
  Kw_and: IToken[];
  Kw_before?: IToken[];
  Kw_after?: IToken[];
  operand: OperandCstNode[];
};

export interface ContainsTailCstNode extends CstNode {
  name: "containsTail";
  children: ContainsTailCstChildren;
}

export type ContainsTailCstChildren = {
  Kw_contains: IToken[];
  Kw_all?: IToken[];
  Kw_any?: IToken[];
  Kw_of?: IToken[];
  valueList?: ValueListCstNode[];
  value?: ValueCstNode[];
};

export interface OperandCstNode extends CstNode {
  name: "operand";
  children: OperandCstChildren;
}

export type OperandCstChildren = {
  Kw_service?: IToken[];
  Kw_date?: IToken[];
  Name?: IToken[];
  NumberLiteral?: IToken[];
  PercentLiteral?: IToken[];
  DateLiteral?: IToken[];
  Kw_yes?: IToken[];
  Kw_no?: IToken[];
};

export interface ValueListCstNode extends CstNode {
  name: "valueList";
  children: ValueListCstChildren;
}

export type ValueListCstChildren = {
  LParen: IToken[];
  value?: ValueCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  Word?: IToken[];
  NumberLiteral?: IToken[];
  PercentLiteral?: IToken[];
  DateLiteral?: IToken[];
};

export interface PolicyCstVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  file(children: FileCstChildren, param?: IN): OUT;
  statement(children: StatementCstChildren, param?: IN): OUT;
  text(children: TextCstChildren, param?: IN): OUT;
  readingClause(children: ReadingClauseCstChildren, param?: IN): OUT;
  decidesNothingClause(children: DecidesNothingClauseCstChildren, param?: IN): OUT;
  alternativeClause(children: AlternativeClauseCstChildren, param?: IN): OUT;
  alternativeFactClause(children: AlternativeFactClauseCstChildren, param?: IN): OUT;
  alternativeReplacement(children: AlternativeReplacementCstChildren, param?: IN): OUT;
  alternativeRuleClause(children: AlternativeRuleClauseCstChildren, param?: IN): OUT;
  alternativeGroupClause(children: AlternativeGroupClauseCstChildren, param?: IN): OUT;
  definitionAsClause(children: DefinitionAsClauseCstChildren, param?: IN): OUT;
  revisionName(children: RevisionNameCstChildren, param?: IN): OUT;
  addedClause(children: AddedClauseCstChildren, param?: IN): OUT;
  removedClause(children: RemovedClauseCstChildren, param?: IN): OUT;
  categoryClause(children: CategoryClauseCstChildren, param?: IN): OUT;
  policyStatement(children: PolicyStatementCstChildren, param?: IN): OUT;
  titleClause(children: TitleClauseCstChildren, param?: IN): OUT;
  planClause(children: PlanClauseCstChildren, param?: IN): OUT;
  descriptionClause(children: DescriptionClauseCstChildren, param?: IN): OUT;
  lastReviewClause(children: LastReviewClauseCstChildren, param?: IN): OUT;
  publishedTextClause(children: PublishedTextClauseCstChildren, param?: IN): OUT;
  revisionStatement(children: RevisionStatementCstChildren, param?: IN): OUT;
  reviewedClause(children: ReviewedClauseCstChildren, param?: IN): OUT;
  effectiveClause(children: EffectiveClauseCstChildren, param?: IN): OUT;
  categoryStatement(children: CategoryStatementCstChildren, param?: IN): OUT;
  factStatement(children: FactStatementCstChildren, param?: IN): OUT;
  factType(children: FactTypeCstChildren, param?: IN): OUT;
  listType(children: ListTypeCstChildren, param?: IN): OUT;
  identifyingFields(children: IdentifyingFieldsCstChildren, param?: IN): OUT;
  fieldDeclaration(children: FieldDeclarationCstChildren, param?: IN): OUT;
  codeType(children: CodeTypeCstChildren, param?: IN): OUT;
  valueSetStatement(children: ValueSetStatementCstChildren, param?: IN): OUT;
  fhirStatement(children: FhirStatementCstChildren, param?: IN): OUT;
  ordersClause(children: OrdersClauseCstChildren, param?: IN): OUT;
  mapClause(children: MapClauseCstChildren, param?: IN): OUT;
  codeMeaning(children: CodeMeaningCstChildren, param?: IN): OUT;
  systemClause(children: SystemClauseCstChildren, param?: IN): OUT;
  fileClause(children: FileClauseCstChildren, param?: IN): OUT;
  sourceClause(children: SourceClauseCstChildren, param?: IN): OUT;
  versionClause(children: VersionClauseCstChildren, param?: IN): OUT;
  booleanType(children: BooleanTypeCstChildren, param?: IN): OUT;
  numberType(children: NumberTypeCstChildren, param?: IN): OUT;
  oneOfType(children: OneOfTypeCstChildren, param?: IN): OUT;
  setOfType(children: SetOfTypeCstChildren, param?: IN): OUT;
  valueDeclarations(children: ValueDeclarationsCstChildren, param?: IN): OUT;
  valueDeclaration(children: ValueDeclarationCstChildren, param?: IN): OUT;
  parameterList(children: ParameterListCstChildren, param?: IN): OUT;
  parameter(children: ParameterCstChildren, param?: IN): OUT;
  askClause(children: AskClauseCstChildren, param?: IN): OUT;
  defineStatement(children: DefineStatementCstChildren, param?: IN): OUT;
  definitionBody(children: DefinitionBodyCstChildren, param?: IN): OUT;
  sectionStatement(children: SectionStatementCstChildren, param?: IN): OUT;
  limitedClause(children: LimitedClauseCstChildren, param?: IN): OUT;
  appliesClause(children: AppliesClauseCstChildren, param?: IN): OUT;
  criterionStatement(children: CriterionStatementCstChildren, param?: IN): OUT;
  criterionVersionClause(children: CriterionVersionClauseCstChildren, param?: IN): OUT;
  metWhenClause(children: MetWhenClauseCstChildren, param?: IN): OUT;
  exclusionStatement(children: ExclusionStatementCstChildren, param?: IN): OUT;
  exclusionVersionClause(children: ExclusionVersionClauseCstChildren, param?: IN): OUT;
  notCoveredClause(children: NotCoveredClauseCstChildren, param?: IN): OUT;
  noteStatement(children: NoteStatementCstChildren, param?: IN): OUT;
  itemClause(children: ItemClauseCstChildren, param?: IN): OUT;
  excludesServicesClause(children: ExcludesServicesClauseCstChildren, param?: IN): OUT;
  definesClause(children: DefinesClauseCstChildren, param?: IN): OUT;
  serviceStatement(children: ServiceStatementCstChildren, param?: IN): OUT;
  exceptionStatement(children: ExceptionStatementCstChildren, param?: IN): OUT;
  mayOverrideClause(children: MayOverrideClauseCstChildren, param?: IN): OUT;
  neverOverridesClause(children: NeverOverridesClauseCstChildren, param?: IN): OUT;
  overridesClause(children: OverridesClauseCstChildren, param?: IN): OUT;
  wordList(children: WordListCstChildren, param?: IN): OUT;
  codeList(children: CodeListCstChildren, param?: IN): OUT;
  requiresPriorApprovalClause(children: RequiresPriorApprovalClauseCstChildren, param?: IN): OUT;
  textClause(children: TextClauseCstChildren, param?: IN): OUT;
  priorApprovalTextClause(children: PriorApprovalTextClauseCstChildren, param?: IN): OUT;
  proseStatement(children: ProseStatementCstChildren, param?: IN): OUT;
  notEncodedClause(children: NotEncodedClauseCstChildren, param?: IN): OUT;
  codeGroupStatement(children: CodeGroupStatementCstChildren, param?: IN): OUT;
  codeStatement(children: CodeStatementCstChildren, param?: IN): OUT;
  billingClause(children: BillingClauseCstChildren, param?: IN): OUT;
  ruleClause(children: RuleClauseCstChildren, param?: IN): OUT;
  ruleBody(children: RuleBodyCstChildren, param?: IN): OUT;
  notBilledWith(children: NotBilledWithCstChildren, param?: IN): OUT;
  ruleWhen(children: RuleWhenCstChildren, param?: IN): OUT;
  billingGuard(children: BillingGuardCstChildren, param?: IN): OUT;
  guardAnd(children: GuardAndCstChildren, param?: IN): OUT;
  guardNot(children: GuardNotCstChildren, param?: IN): OUT;
  guardAtom(children: GuardAtomCstChildren, param?: IN): OUT;
  decisionTest(children: DecisionTestCstChildren, param?: IN): OUT;
  outcomeWords(children: OutcomeWordsCstChildren, param?: IN): OUT;
  fromClause(children: FromClauseCstChildren, param?: IN): OUT;
  saysClause(children: SaysClauseCstChildren, param?: IN): OUT;
  numericExpression(children: NumericExpressionCstChildren, param?: IN): OUT;
  numericProduct(children: NumericProductCstChildren, param?: IN): OUT;
  numericAtom(children: NumericAtomCstChildren, param?: IN): OUT;
  layoutStatement(children: LayoutStatementCstChildren, param?: IN): OUT;
  referenceStatement(children: ReferenceStatementCstChildren, param?: IN): OUT;
  casesStatement(children: CasesStatementCstChildren, param?: IN): OUT;
  factSetStatement(children: FactSetStatementCstChildren, param?: IN): OUT;
  caseStatement(children: CaseStatementCstChildren, param?: IN): OUT;
  claimCaseStatement(children: ClaimCaseStatementCstChildren, param?: IN): OUT;
  decisionClause(children: DecisionClauseCstChildren, param?: IN): OUT;
  lineClause(children: LineClauseCstChildren, param?: IN): OUT;
  expectClaimClause(children: ExpectClaimClauseCstChildren, param?: IN): OUT;
  expectPendingClaimClause(children: ExpectPendingClaimClauseCstChildren, param?: IN): OUT;
  onClause(children: OnClauseCstChildren, param?: IN): OUT;
  givenClause(children: GivenClauseCstChildren, param?: IN): OUT;
  assignment(children: AssignmentCstChildren, param?: IN): OUT;
  recordList(children: RecordListCstChildren, param?: IN): OUT;
  recordValue(children: RecordValueCstChildren, param?: IN): OUT;
  fieldValue(children: FieldValueCstChildren, param?: IN): OUT;
  expectClause(children: ExpectClauseCstChildren, param?: IN): OUT;
  expectQualifiedClause(children: ExpectQualifiedClauseCstChildren, param?: IN): OUT;
  expectLimitationsClause(children: ExpectLimitationsClauseCstChildren, param?: IN): OUT;
  becauseClause(children: BecauseClauseCstChildren, param?: IN): OUT;
  askingClause(children: AskingClauseCstChildren, param?: IN): OUT;
  underExceptionClause(children: UnderExceptionClauseCstChildren, param?: IN): OUT;
  excludesServicesExpectation(children: ExcludesServicesExpectationCstChildren, param?: IN): OUT;
  expression(children: ExpressionCstChildren, param?: IN): OUT;
  andExpression(children: AndExpressionCstChildren, param?: IN): OUT;
  notExpression(children: NotExpressionCstChildren, param?: IN): OUT;
  atom(children: AtomCstChildren, param?: IN): OUT;
  recordQuantifier(children: RecordQuantifierCstChildren, param?: IN): OUT;
  definitionCall(children: DefinitionCallCstChildren, param?: IN): OUT;
  recordBinding(children: RecordBindingCstChildren, param?: IN): OUT;
  whereClause(children: WhereClauseCstChildren, param?: IN): OUT;
  hasClause(children: HasClauseCstChildren, param?: IN): OUT;
  statementReference(children: StatementReferenceCstChildren, param?: IN): OUT;
  parenthesized(children: ParenthesizedCstChildren, param?: IN): OUT;
  quantified(children: QuantifiedCstChildren, param?: IN): OUT;
  predicate(children: PredicateCstChildren, param?: IN): OUT;
  hasTail(children: HasTailCstChildren, param?: IN): OUT;
  isTail(children: IsTailCstChildren, param?: IN): OUT;
  comparisonTail(children: ComparisonTailCstChildren, param?: IN): OUT;
  term(children: TermCstChildren, param?: IN): OUT;
  dateOffset(children: DateOffsetCstChildren, param?: IN): OUT;
  duration(children: DurationCstChildren, param?: IN): OUT;
  withinWindow(children: WithinWindowCstChildren, param?: IN): OUT;
  daysWindow(children: DaysWindowCstChildren, param?: IN): OUT;
  containsTail(children: ContainsTailCstChildren, param?: IN): OUT;
  operand(children: OperandCstChildren, param?: IN): OUT;
  valueList(children: ValueListCstChildren, param?: IN): OUT;
  value(children: ValueCstChildren, param?: IN): OUT;
}
