// The grammar of the policy language, and nothing else: tokens in, a concrete syntax tree out.
// cst-to-ast.ts turns that tree into the AST. Statements start with a keyword; their clauses follow
// in any order, each starting with a keyword too, so no indentation or end markers are needed.

import { CstParser, type CstNode, type IRecognitionException } from "chevrotain";
import {
  allTokens,
  keywords as K,
  Name,
  Word,
  CodeWord,
  Text,
  TextBlock,
  DateLiteral,
  MonthLiteral,
  SuffixedMonth,
  NumberLiteral,
  PercentLiteral,
  LessOrEqual,
  GreaterOrEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Plus,
  Minus,
  Times,
  Divide,
} from "./tokens.js";
import { parserExpectations } from "./parser-messages.js";
import type { FileCstNode } from "./cst-types.js";

class PolicyParser extends CstParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: "full",
      errorMessageProvider: parserExpectations,
    });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  private statement = this.RULE("statement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.policyStatement) },
      { ALT: () => this.SUBRULE(this.revisionStatement) },
      { ALT: () => this.SUBRULE(this.categoryStatement) },
      { ALT: () => this.SUBRULE(this.factStatement) },
      { ALT: () => this.SUBRULE(this.defineStatement) },
      { ALT: () => this.SUBRULE(this.sectionStatement) },
      { ALT: () => this.SUBRULE(this.criterionStatement) },
      { ALT: () => this.SUBRULE(this.exclusionStatement) },
      { ALT: () => this.SUBRULE(this.noteStatement) },
      { ALT: () => this.SUBRULE(this.serviceStatement) },
      { ALT: () => this.SUBRULE(this.exceptionStatement) },
      { ALT: () => this.SUBRULE(this.proseStatement) },
      { ALT: () => this.SUBRULE(this.codeGroupStatement) },
      { ALT: () => this.SUBRULE(this.codeStatement) },
      { ALT: () => this.SUBRULE(this.referenceStatement) },
      { ALT: () => this.SUBRULE(this.casesStatement) },
      { ALT: () => this.SUBRULE(this.factSetStatement) },
      { ALT: () => this.SUBRULE(this.caseStatement) },
      { ALT: () => this.SUBRULE(this.claimCaseStatement) },
      { ALT: () => this.SUBRULE(this.layoutStatement) },
      { ALT: () => this.SUBRULE(this.valueSetStatement) },
      { ALT: () => this.SUBRULE(this.fhirStatement) },
    ]);
  });

  // ----- text ------------------------------------------------------------------------------------

  private text = this.RULE("text", () => {
    this.OR([{ ALT: () => this.CONSUME(Text) }, { ALT: () => this.CONSUME(TextBlock) }]);
  });

  private readingClause = this.RULE("readingClause", () => {
    this.CONSUME(K.reading);
    this.SUBRULE(this.text);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.alternativeClause) },
        { ALT: () => this.SUBRULE(this.decidesNothingClause) },
      ]),
    );
  });

  /**
   * `decides nothing`: the reading is on a statement that no decision and no claim check reads, so its
   * impact is none; the checker verifies it (PC107).
   */
  private decidesNothingClause = this.RULE("decidesNothingClause", () => {
    this.CONSUME(K.decides);
    this.CONSUME(K.nothing);
  });

  /**
   * `alternative "the reading rejected" in I.C.4 category medical_necessity ...`: the rejected
   * reading as logic, each `in` replacing one clause of a statement, so its impact can be counted.
   */
  private alternativeClause = this.RULE("alternativeClause", () => {
    this.CONSUME(K.alternative);
    this.SUBRULE(this.text);
    this.MANY(() => this.SUBRULE(this.alternativeFactClause));
    this.AT_LEAST_ONE(() => this.SUBRULE(this.alternativeReplacement));
  });

  /**
   * `with fact <declaration>`: a fact the rejected reading needs and the policy does not declare (a
   * provider's duty read as a member criterion needs a fact of it); written before the replacements.
   */
  private alternativeFactClause = this.RULE("alternativeFactClause", () => {
    this.CONSUME(K.with);
    this.SUBRULE(this.factStatement);
  });

  /** `in <statement, definition or revision> <clause>`: the statement's clause as the rejected reading has it. */
  private alternativeReplacement = this.RULE("alternativeReplacement", () => {
    this.CONSUME(K.in);
    this.SUBRULE(this.revisionName);
    this.OR([
      { ALT: () => this.SUBRULE(this.categoryClause) },
      { ALT: () => this.SUBRULE(this.metWhenClause) },
      { ALT: () => this.SUBRULE(this.notCoveredClause) },
      { ALT: () => this.SUBRULE(this.appliesClause) },
      { ALT: () => this.SUBRULE(this.overridesClause) },
      { ALT: () => this.SUBRULE(this.effectiveClause) },
      { ALT: () => this.SUBRULE(this.definitionAsClause) },
      { ALT: () => this.SUBRULE(this.excludesServicesClause) },
      { ALT: () => this.SUBRULE(this.addedClause) },
      { ALT: () => this.SUBRULE(this.alternativeRuleClause) },
      { ALT: () => this.SUBRULE(this.alternativeGroupClause) },
    ]);
  });

  /** `rule <rule body>`: a billing rule's logic, in an alternative (`in T1002-units rule units at most 8`). */
  private alternativeRuleClause = this.RULE("alternativeRuleClause", () => {
    this.CONSUME(K.rule);
    this.SUBRULE(this.ruleBody);
  });

  /** `group <codes>`: a code group's codes, in an alternative (`in therapy_codes group S9494, S9379`). */
  private alternativeGroupClause = this.RULE("alternativeGroupClause", () => {
    this.CONSUME(K.group);
    this.SUBRULE(this.codeList);
  });

  /** `as <condition>`: a definition's body, in an alternative. */
  private definitionAsClause = this.RULE("definitionAsClause", () => {
    this.CONSUME(K.as);
    this.SUBRULE(this.expression);
  });

  /** A revision's name: its month (`2021-05`), its month and a suffix (`2023-04-b`), or a name (`v7`). */
  private revisionName = this.RULE("revisionName", () => {
    this.OR([
      { ALT: () => this.CONSUME(MonthLiteral) },
      { ALT: () => this.CONSUME(SuffixedMonth) },
      { ALT: () => this.CONSUME(Name) },
    ]);
  });

  private addedClause = this.RULE("addedClause", () => {
    this.CONSUME(K.added);
    this.CONSUME(K.in);
    this.SUBRULE(this.revisionName);
  });

  private removedClause = this.RULE("removedClause", () => {
    this.CONSUME(K.removed);
    this.CONSUME(K.in);
    this.SUBRULE(this.revisionName);
  });

  private categoryClause = this.RULE("categoryClause", () => {
    this.CONSUME(K.category);
    this.CONSUME(Word);
  });

  // ----- policy header and revisions -------------------------------------------------------------

  private policyStatement = this.RULE("policyStatement", () => {
    this.CONSUME(K.policy);
    this.CONSUME(Name);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.titleClause) },
        { ALT: () => this.SUBRULE(this.planClause) },
        { ALT: () => this.SUBRULE(this.descriptionClause) },
        { ALT: () => this.SUBRULE(this.lastReviewClause) },
        { ALT: () => this.SUBRULE(this.publishedTextClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private titleClause = this.RULE("titleClause", () => {
    this.CONSUME(K.title);
    this.SUBRULE(this.text);
  });

  private planClause = this.RULE("planClause", () => {
    this.CONSUME(K.plan);
    this.SUBRULE(this.text);
  });

  private descriptionClause = this.RULE("descriptionClause", () => {
    this.CONSUME(K.description);
    this.SUBRULE(this.text);
  });

  private lastReviewClause = this.RULE("lastReviewClause", () => {
    this.CONSUME(K.last);
    this.CONSUME(K.review);
    this.CONSUME(MonthLiteral);
  });

  private publishedTextClause = this.RULE("publishedTextClause", () => {
    this.CONSUME(K.published);
    this.CONSUME(K.text);
    this.SUBRULE(this.text);
  });

  private revisionStatement = this.RULE("revisionStatement", () => {
    this.CONSUME(K.revision);
    this.SUBRULE(this.revisionName);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.reviewedClause) },
        { ALT: () => this.SUBRULE(this.effectiveClause) },
        { ALT: () => this.SUBRULE(this.publishedTextClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private reviewedClause = this.RULE("reviewedClause", () => {
    this.CONSUME(K.reviewed);
    this.CONSUME(MonthLiteral);
  });

  private effectiveClause = this.RULE("effectiveClause", () => {
    this.CONSUME(K.effective);
    this.CONSUME(DateLiteral);
  });

  private categoryStatement = this.RULE("categoryStatement", () => {
    this.CONSUME(K.category);
    this.CONSUME(Word);
    this.SUBRULE(this.text);
  });

  // ----- facts and definitions -------------------------------------------------------------------

  /** `fact member.age: ...`, or `claim fact therapy: ...` for a fact of a claim (named `claim.therapy`). */
  private factStatement = this.RULE("factStatement", () => {
    this.OPTION(() => this.CONSUME(K.claim));
    this.CONSUME(K.fact);
    this.CONSUME(Name);
    this.CONSUME(Colon);
    this.OR1([{ ALT: () => this.SUBRULE(this.listType) }, { ALT: () => this.SUBRULE(this.factType) }]);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.descriptionClause) },
        { ALT: () => this.SUBRULE(this.askClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private factType = this.RULE("factType", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.booleanType) },
      { ALT: () => this.SUBRULE(this.numberType) },
      { ALT: () => this.CONSUME(K.date) },
      { ALT: () => this.SUBRULE(this.oneOfType) },
      { ALT: () => this.SUBRULE(this.setOfType) },
      { ALT: () => this.SUBRULE(this.codeType) },
    ]);
  });

  /** `list of` and its fields: `field performed "the day the study was performed": date`, ... */
  private listType = this.RULE("listType", () => {
    this.CONSUME(K.list);
    this.CONSUME(K.of);
    this.AT_LEAST_ONE(() => this.SUBRULE(this.fieldDeclaration));
    this.OPTION(() => this.SUBRULE(this.identifyingFields));
  });

  /** `identified by performed, method`: the fields a record is shown by where a call names it. */
  private identifyingFields = this.RULE("identifyingFields", () => {
    this.CONSUME(K.identified);
    this.CONSUME(K.by);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Word) });
  });

  private fieldDeclaration = this.RULE("fieldDeclaration", () => {
    this.CONSUME(K.field);
    this.CONSUME(Word);
    this.SUBRULE(this.text);
    this.CONSUME(Colon);
    this.SUBRULE(this.factType);
  });

  /** `code in system "ICD-10-CM"` (one code), `codes in system "ICD-10-CM"` (a set of codes). */
  private codeType = this.RULE("codeType", () => {
    this.OR([{ ALT: () => this.CONSUME(K.code) }, { ALT: () => this.CONSUME(K.codes) }]);
    this.CONSUME(K.in);
    this.CONSUME(K.system);
    this.SUBRULE(this.text);
  });

  // ----- value sets ------------------------------------------------------------------------------

  /** `value set copd "label"` with its code system, its file beside the policy, its source and version. */
  private valueSetStatement = this.RULE("valueSetStatement", () => {
    this.CONSUME(K.value);
    this.CONSUME(K.set);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.systemClause) },
        { ALT: () => this.SUBRULE(this.fileClause) },
        { ALT: () => this.SUBRULE(this.sourceClause) },
        { ALT: () => this.SUBRULE(this.versionClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  // ----- the FHIR mapping ------------------------------------------------------------------------

  /** `fhir` with the order codes that make the policy apply and where each fact comes from in FHIR. */
  private fhirStatement = this.RULE("fhirStatement", () => {
    this.CONSUME(K.fhir);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.ordersClause) },
        { ALT: () => this.SUBRULE(this.mapClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  /** `orders in system "HCPCS": S9494, S9329`: the codes of the coding table an order may carry. */
  private ordersClause = this.RULE("ordersClause", () => {
    this.CONSUME(K.orders);
    this.CONSUME(K.in);
    this.CONSUME(K.system);
    this.SUBRULE(this.text);
    this.CONSUME(Colon);
    this.SUBRULE(this.codeList);
  });

  /**
   * `map member.age from patient.age`, `map a.flag from condition in copd`,
   * `map therapy.kind from order.code: S9329 as chemotherapy, S9325 as pain_management`.
   */
  private mapClause = this.RULE("mapClause", () => {
    this.CONSUME(K.map);
    this.CONSUME(Name);
    this.CONSUME(K.from);
    this.CONSUME2(Name);
    this.OPTION(() => {
      this.CONSUME(K.in);
      this.CONSUME3(Name);
    });
    this.OPTION2(() => {
      this.CONSUME(Colon);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.codeMeaning) });
    });
  });

  /** `S9329 as chemotherapy`: an order code and the fact's value it means. */
  private codeMeaning = this.RULE("codeMeaning", () => {
    this.CONSUME(CodeWord);
    this.CONSUME(K.as);
    this.CONSUME(Word);
  });

  private systemClause = this.RULE("systemClause", () => {
    this.CONSUME(K.system);
    this.SUBRULE(this.text);
  });

  private fileClause = this.RULE("fileClause", () => {
    this.CONSUME(K.file);
    this.SUBRULE(this.text);
  });

  private sourceClause = this.RULE("sourceClause", () => {
    this.CONSUME(K.source);
    this.SUBRULE(this.text);
  });

  private versionClause = this.RULE("versionClause", () => {
    this.CONSUME(K.version);
    this.SUBRULE(this.text);
  });

  private booleanType = this.RULE("booleanType", () => {
    this.CONSUME(K.yes);
    this.CONSUME(K.or);
    this.CONSUME(K.no);
  });

  private numberType = this.RULE("numberType", () => {
    this.CONSUME(K.number);
    this.OPTION(() => {
      this.CONSUME(K.unit);
      this.SUBRULE(this.text);
    });
    this.OPTION2(() => {
      this.CONSUME(K.from);
      this.CONSUME(NumberLiteral);
      this.CONSUME(K.to);
      this.CONSUME2(NumberLiteral);
    });
  });

  private oneOfType = this.RULE("oneOfType", () => {
    this.CONSUME(K.one);
    this.CONSUME(K.of);
    this.SUBRULE(this.valueDeclarations);
  });

  private setOfType = this.RULE("setOfType", () => {
    this.CONSUME(K.set);
    this.CONSUME(K.of);
    this.SUBRULE(this.valueDeclarations);
  });

  private valueDeclarations = this.RULE("valueDeclarations", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.valueDeclaration) });
  });

  private valueDeclaration = this.RULE("valueDeclaration", () => {
    this.CONSUME(Word);
    this.OPTION(() => this.SUBRULE(this.text));
  });

  /** `(study: oxygen.studies)`, `(value: number unit "mm Hg", day: date)`: what a definition is about. */
  private parameterList = this.RULE("parameterList", () => {
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.parameter) });
    this.CONSUME(RParen);
  });

  /**
   * `study: oxygen.studies` (a record of that list), `value: number unit "mm Hg"`, `day: date` or
   * `method: one of (arterial_blood_gas "an arterial blood gas study", oximetry "an oximetry test")` (a value).
   */
  private parameter = this.RULE("parameter", () => {
    this.CONSUME(Name);
    this.CONSUME(Colon);
    this.OR([
      { ALT: () => this.CONSUME2(Name) },
      {
        ALT: () => {
          this.CONSUME(K.number);
          this.OPTION(() => {
            this.CONSUME(K.unit);
            this.SUBRULE(this.text);
          });
        },
      },
      { ALT: () => this.CONSUME(K.date) },
      {
        // In parentheses: a comma after a value would otherwise start the next parameter.
        ALT: () => {
          this.CONSUME(K.one);
          this.CONSUME(K.of);
          this.CONSUME(LParen);
          this.SUBRULE(this.valueDeclarations);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  private askClause = this.RULE("askClause", () => {
    this.CONSUME(K.ask);
    this.SUBRULE(this.text);
  });

  private defineStatement = this.RULE("defineStatement", () => {
    this.CONSUME(K.define);
    this.SUBRULE(this.definitionBody);
    this.MANY(() => this.SUBRULE(this.readingClause));
  });

  private definitionBody = this.RULE("definitionBody", () => {
    this.CONSUME(Name);
    this.OPTION(() => this.SUBRULE(this.parameterList));
    this.SUBRULE(this.text);
    this.CONSUME(K.as);
    this.SUBRULE(this.expression);
  });

  // ----- sections, criteria, exclusions, notes, services -----------------------------------------

  private sectionStatement = this.RULE("sectionStatement", () => {
    this.CONSUME(K.section);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.appliesClause) },
        { ALT: () => this.SUBRULE(this.limitedClause) },
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  /** `limited to "Covered only during sleep."`: what coverage through the statement is limited to. */
  private limitedClause = this.RULE("limitedClause", () => {
    this.CONSUME(K.limited);
    this.CONSUME(K.to);
    this.SUBRULE(this.text);
  });

  private appliesClause = this.RULE("appliesClause", () => {
    this.CONSUME(K.applies);
    this.CONSUME(K.when);
    this.SUBRULE(this.expression);
  });

  private criterionStatement = this.RULE("criterionStatement", () => {
    this.CONSUME(K.criterion);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.metWhenClause) },
        { ALT: () => this.SUBRULE(this.limitedClause) },
        { ALT: () => this.SUBRULE(this.categoryClause) },
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
    // Its earlier versions, after every clause of the current one: a version's clauses run to the next
    // `before` or statement, so nothing after the first `before` can belong to the current version.
    this.MANY2(() => this.SUBRULE(this.criterionVersionClause));
  });

  /** `before <revision> "text"`: the version in force until that revision, restating what differed. */
  private criterionVersionClause = this.RULE("criterionVersionClause", () => {
    this.CONSUME(K.before);
    this.SUBRULE(this.revisionName);
    this.OPTION(() => this.SUBRULE(this.text));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.metWhenClause) },
        { ALT: () => this.SUBRULE(this.categoryClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private metWhenClause = this.RULE("metWhenClause", () => {
    this.CONSUME(K.met);
    this.CONSUME(K.when);
    this.SUBRULE(this.expression);
  });

  private exclusionStatement = this.RULE("exclusionStatement", () => {
    this.CONSUME(K.exclusion);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.notCoveredClause) },
        { ALT: () => this.SUBRULE(this.categoryClause) },
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
    this.MANY2(() => this.SUBRULE(this.exclusionVersionClause));
  });

  /** An exclusion's earlier version, as a criterion's (criterionVersionClause). */
  private exclusionVersionClause = this.RULE("exclusionVersionClause", () => {
    this.CONSUME(K.before);
    this.SUBRULE(this.revisionName);
    this.OPTION(() => this.SUBRULE(this.text));
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.notCoveredClause) },
        { ALT: () => this.SUBRULE(this.categoryClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  /** `not covered when <condition>` or `not covered unless <condition>`. */
  private notCoveredClause = this.RULE("notCoveredClause", () => {
    this.CONSUME(K.not);
    this.CONSUME(K.covered);
    this.OR([{ ALT: () => this.CONSUME(K.when) }, { ALT: () => this.CONSUME(K.unless) }]);
    this.SUBRULE(this.expression);
  });

  private noteStatement = this.RULE("noteStatement", () => {
    this.CONSUME(K.note);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.itemClause) },
        { ALT: () => this.SUBRULE(this.notCoveredClause) },
        { ALT: () => this.SUBRULE(this.excludesServicesClause) },
        { ALT: () => this.SUBRULE(this.definesClause) },
        { ALT: () => this.SUBRULE(this.categoryClause) },
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private itemClause = this.RULE("itemClause", () => {
    this.CONSUME(K.item);
    this.OR([{ ALT: () => this.CONSUME(Word) }, { ALT: () => this.CONSUME(NumberLiteral) }]);
    this.SUBRULE(this.text);
  });

  /** `excludes services of I.F when <condition>`: those services are not covered, the rest may be. */
  private excludesServicesClause = this.RULE("excludesServicesClause", () => {
    this.CONSUME(K.excludes);
    this.CONSUME(K.services);
    this.CONSUME(K.of);
    this.CONSUME(Name);
    this.CONSUME(K.when);
    this.SUBRULE(this.expression);
  });

  private definesClause = this.RULE("definesClause", () => {
    this.CONSUME(K.defines);
    this.SUBRULE(this.definitionBody);
  });

  private serviceStatement = this.RULE("serviceStatement", () => {
    this.CONSUME(K.service);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  // ----- exceptions ------------------------------------------------------------------------------

  private exceptionStatement = this.RULE("exceptionStatement", () => {
    this.CONSUME(K.exception);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.appliesClause) },
        { ALT: () => this.SUBRULE(this.mayOverrideClause) },
        { ALT: () => this.SUBRULE(this.neverOverridesClause) },
        { ALT: () => this.SUBRULE(this.overridesClause) },
        { ALT: () => this.SUBRULE(this.requiresPriorApprovalClause) },
        { ALT: () => this.SUBRULE(this.textClause) },
        { ALT: () => this.SUBRULE(this.priorApprovalTextClause) },
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private mayOverrideClause = this.RULE("mayOverrideClause", () => {
    this.CONSUME(K.may);
    this.CONSUME(K.override);
    this.SUBRULE(this.wordList);
  });

  private neverOverridesClause = this.RULE("neverOverridesClause", () => {
    this.CONSUME(K.never);
    this.CONSUME(K.overrides);
    this.SUBRULE(this.wordList);
  });

  private overridesClause = this.RULE("overridesClause", () => {
    this.CONSUME(K.overrides);
    this.SUBRULE(this.wordList);
  });

  private wordList = this.RULE("wordList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Word) });
  });

  /** Codes or modifiers, each a name, a number or a digit code: `E0441, 99601, 0001U`, `59, KX`. */
  private codeList = this.RULE("codeList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(CodeWord) });
  });

  private requiresPriorApprovalClause = this.RULE("requiresPriorApprovalClause", () => {
    this.CONSUME(K.requires);
    this.CONSUME(K.prior);
    this.CONSUME(K.approval);
  });

  private textClause = this.RULE("textClause", () => {
    this.CONSUME(K.text);
    this.SUBRULE(this.text);
  });

  private priorApprovalTextClause = this.RULE("priorApprovalTextClause", () => {
    this.CONSUME(K.prior);
    this.CONSUME(K.approval);
    this.CONSUME(K.text);
    this.SUBRULE(this.text);
  });

  // ----- prose, codes, references ----------------------------------------------------------------

  private proseStatement = this.RULE("proseStatement", () => {
    this.CONSUME(K.prose);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.textClause) },
        { ALT: () => this.SUBRULE(this.notEncodedClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
      ]),
    );
  });

  private notEncodedClause = this.RULE("notEncodedClause", () => {
    this.CONSUME(K.not);
    this.CONSUME(K.encoded);
    this.CONSUME(K.because);
    this.SUBRULE(this.text);
  });

  /** `code group therapy_codes "the therapy per diem codes": S9494, S9329`. */
  private codeGroupStatement = this.RULE("codeGroupStatement", () => {
    this.CONSUME(K.code);
    this.CONSUME(K.group);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.CONSUME(Colon);
    this.SUBRULE(this.codeList);
  });

  /** Rules written right under the code come from its description; those under a `billing` sentence, from that sentence. */
  private codeStatement = this.RULE("codeStatement", () => {
    this.CONSUME(K.code);
    this.CONSUME(CodeWord);
    this.OPTION(() => {
      this.CONSUME(K.modifier);
      this.CONSUME2(CodeWord);
    });
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.ruleClause) },
        { ALT: () => this.SUBRULE(this.billingClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
        // A code valid only from (or until) a revision of the coding table.
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
      ]),
    );
  });

  private billingClause = this.RULE("billingClause", () => {
    this.CONSUME(K.billing);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
        { ALT: () => this.SUBRULE(this.ruleClause) },
      ]),
    );
  });

  /** `rule T1002-modifier: requires modifier SD`, then optionally `from <note>`, `says "..."`, `reading "..."`. */
  private ruleClause = this.RULE("ruleClause", () => {
    this.CONSUME(K.rule);
    this.CONSUME(Name);
    this.CONSUME(Colon);
    this.SUBRULE(this.ruleBody);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.fromClause) },
        { ALT: () => this.SUBRULE(this.saysClause) },
        { ALT: () => this.SUBRULE(this.readingClause) },
        // A rule's own lifetime, within its billing sentence's: `removed in 2025-01`.
        { ALT: () => this.SUBRULE(this.addedClause) },
        { ALT: () => this.SUBRULE(this.removedClause) },
      ]),
    );
  });

  private ruleBody = this.RULE("ruleBody", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.billed);
          this.CONSUME(K.only);
          this.CONSUME(K.when);
          this.SUBRULE(this.billingGuard);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.not);
          this.CONSUME2(K.billed);
          this.OR3([
            {
              ALT: () => {
                this.CONSUME2(K.when);
                this.SUBRULE2(this.billingGuard);
              },
            },
            // `not billed with E0434`, `not billed with any code of oxygen_contents`.
            { ALT: () => this.SUBRULE(this.notBilledWith) },
          ]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.requires);
          this.OR4([
            {
              ALT: () => {
                this.CONSUME(K.modifier);
                this.CONSUME(CodeWord);
              },
            },
            {
              ALT: () => {
                this.CONSUME(K.one);
                this.CONSUME2(K.of);
                this.CONSUME(K.modifiers);
                this.SUBRULE(this.codeList);
              },
            },
          ]);
          this.OPTION2(() => this.SUBRULE(this.ruleWhen));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.must);
          this.CONSUME2(K.not);
          this.CONSUME(K.have);
          this.CONSUME2(K.modifier);
          this.SUBRULE2(this.codeList);
          this.OPTION3(() => this.SUBRULE2(this.ruleWhen));
        },
      },
      {
        ALT: () => {
          this.CONSUME3(K.billed);
          this.CONSUME(K.with);
          this.CONSUME(K.each);
          this.CONSUME(K.code);
          this.CONSUME(K.of);
          this.CONSUME(Name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.units);
          this.OR5([
            // `units at least units of <group>`: as many units as every code of the group, together.
            {
              ALT: () => {
                this.CONSUME2(K.at);
                this.CONSUME(K.least);
                this.CONSUME2(K.units);
                this.CONSUME4(K.of);
                this.CONSUME3(Name);
              },
            },
            {
              ALT: () => {
                // `units of <group> at most`: the units of every code of the group, together.
                this.OPTION4(() => {
                  this.CONSUME3(K.of);
                  this.CONSUME2(Name);
                });
                this.CONSUME(K.at);
                this.CONSUME(K.most);
                this.SUBRULE(this.numericExpression);
                this.OPTION(() => {
                  this.CONSUME(K.rounded);
                  this.OR2([{ ALT: () => this.CONSUME(K.up) }, { ALT: () => this.CONSUME(K.down) }]);
                });
                // `per month`, `per day`, `per claim`: the units counted in each period of the lines' dates.
                this.OPTION5(() => {
                  this.CONSUME(K.per);
                  this.CONSUME(Word);
                });
              },
            },
          ]);
        },
      },
    ]);
  });

  /** `with E0434` or `with any code of <group>`: codes a code must not be billed with. */
  private notBilledWith = this.RULE("notBilledWith", () => {
    this.CONSUME(K.with);
    this.OR([
      { ALT: () => this.CONSUME(CodeWord) },
      {
        ALT: () => {
          this.CONSUME(K.any);
          this.CONSUME(K.code);
          this.CONSUME(K.of);
          this.CONSUME2(Name);
        },
      },
    ]);
  });

  /** `when <guard>` after a modifier rule. */
  private ruleWhen = this.RULE("ruleWhen", () => {
    this.CONSUME(K.when);
    this.SUBRULE(this.billingGuard);
  });

  /**
   * What a billing rule tests: conditions over claim facts and tests of the coverage decision for the
   * same service, joined by `or`, `and`, `not` and parentheses (`coverage is covered and claim.rental`).
   * Its own rules, so that a decision test stands only here; inside them, the atoms of a condition.
   */
  private billingGuard = this.RULE("billingGuard", () => {
    this.SUBRULE(this.guardAnd);
    this.MANY(() => {
      this.CONSUME(K.or);
      this.SUBRULE2(this.guardAnd);
    });
  });

  private guardAnd = this.RULE("guardAnd", () => {
    this.SUBRULE(this.guardNot);
    this.MANY(() => {
      this.CONSUME(K.and);
      this.SUBRULE2(this.guardNot);
    });
  });

  private guardNot = this.RULE("guardNot", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.not);
          this.SUBRULE(this.guardNot);
        },
      },
      { ALT: () => this.SUBRULE(this.guardAtom) },
    ]);
  });

  private guardAtom = this.RULE("guardAtom", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.decisionTest) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.billingGuard);
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.quantified) },
      { ALT: () => this.SUBRULE(this.recordQuantifier) },
      { ALT: () => this.SUBRULE(this.definitionCall) },
      { ALT: () => this.SUBRULE(this.statementReference) },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  /** `coverage is covered`, `coverage is not covered`, `coverage is pending`, `qualified under I`. */
  private decisionTest = this.RULE("decisionTest", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.coverage);
          this.CONSUME(K.is);
          this.SUBRULE(this.outcomeWords);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.qualified);
          this.CONSUME(K.under);
          this.CONSUME(Name);
        },
      },
    ]);
  });

  /** `covered`, `not covered` or `pending`. */
  private outcomeWords = this.RULE("outcomeWords", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.covered) },
      {
        ALT: () => {
          this.CONSUME(K.not);
          this.CONSUME2(K.covered);
        },
      },
      { ALT: () => this.CONSUME(K.pending) },
    ]);
  });

  private fromClause = this.RULE("fromClause", () => {
    this.CONSUME(K.from);
    this.CONSUME(Name);
  });

  private saysClause = this.RULE("saysClause", () => {
    this.CONSUME(K.says);
    this.SUBRULE(this.text);
  });

  // Arithmetic for unit limits: `*` and `/` bind tighter than `+` and `-`.
  private numericExpression = this.RULE("numericExpression", () => {
    this.SUBRULE(this.numericProduct);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
      this.SUBRULE2(this.numericProduct);
    });
  });

  private numericProduct = this.RULE("numericProduct", () => {
    this.SUBRULE(this.numericAtom);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(Times) }, { ALT: () => this.CONSUME(Divide) }]);
      this.SUBRULE2(this.numericAtom);
    });
  });

  private numericAtom = this.RULE("numericAtom", () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(Name) },
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.numericExpression);
          this.CONSUME(RParen);
        },
      },
    ]);
  });

  // ----- traceability ----------------------------------------------------------------------------

  /** `layout "CLINICAL POLICY ..." not encoded because "..."`: text of the published file that is not policy content. */
  private layoutStatement = this.RULE("layoutStatement", () => {
    this.CONSUME(K.layout);
    this.SUBRULE(this.text);
    this.SUBRULE(this.notEncodedClause);
  });

  private referenceStatement = this.RULE("referenceStatement", () => {
    this.CONSUME(K.reference);
    this.CONSUME(NumberLiteral);
    this.SUBRULE(this.text);
    this.OPTION(() => {
      this.CONSUME(K.link);
      this.SUBRULE2(this.text);
    });
  });

  // ----- case files ------------------------------------------------------------------------------

  private casesStatement = this.RULE("casesStatement", () => {
    this.CONSUME(K.cases);
    this.CONSUME(K.for);
    this.CONSUME(Name);
  });

  private factSetStatement = this.RULE("factSetStatement", () => {
    this.CONSUME(K.facts);
    this.CONSUME(Name);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.givenClause) }, { ALT: () => this.SUBRULE(this.assignment) }]),
    );
  });

  private caseStatement = this.RULE("caseStatement", () => {
    this.CONSUME(K.case);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.onClause) },
        { ALT: () => this.SUBRULE(this.givenClause) },
        { ALT: () => this.SUBRULE(this.assignment) },
        { ALT: () => this.SUBRULE(this.expectClause) },
        { ALT: () => this.SUBRULE(this.expectQualifiedClause) },
        { ALT: () => this.SUBRULE(this.expectLimitationsClause) },
        { ALT: () => this.SUBRULE(this.becauseClause) },
        { ALT: () => this.SUBRULE(this.askingClause) },
        { ALT: () => this.SUBRULE(this.underExceptionClause) },
        { ALT: () => this.SUBRULE(this.requiresPriorApprovalClause) },
        { ALT: () => this.SUBRULE(this.excludesServicesExpectation) },
      ]),
    );
  });

  private claimCaseStatement = this.RULE("claimCaseStatement", () => {
    this.CONSUME(K.claim);
    this.CONSUME(K.case);
    this.SUBRULE(this.text);
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.onClause) },
        { ALT: () => this.SUBRULE(this.assignment) },
        { ALT: () => this.SUBRULE(this.lineClause) },
        { ALT: () => this.SUBRULE(this.expectClaimClause) },
        { ALT: () => this.SUBRULE(this.decisionClause) },
        { ALT: () => this.SUBRULE(this.expectPendingClaimClause) },
      ]),
    );
  });

  /** `decision covered qualified under I, I.A`: the policy's decision for the same service, given to checkClaim. */
  private decisionClause = this.RULE("decisionClause", () => {
    this.CONSUME(K.decision);
    this.SUBRULE(this.outcomeWords);
    this.OPTION(() => {
      this.CONSUME(K.qualified);
      this.CONSUME(K.under);
      this.SUBRULE(this.wordList);
    });
  });

  /** `line T1002 modifier SD units 2`. */
  private lineClause = this.RULE("lineClause", () => {
    this.CONSUME(K.line);
    this.CONSUME(CodeWord);
    this.OPTION(() => {
      this.CONSUME(K.modifier);
      this.SUBRULE(this.codeList);
    });
    this.CONSUME(K.units);
    this.CONSUME(NumberLiteral);
    // The line's own date of service, for a claim that covers a period: `on 2025-06-03`.
    this.OPTION2(() => {
      this.CONSUME(K.on);
      this.CONSUME(DateLiteral);
    });
  });

  /** `expect clean`, or `expect violations T1002-modifier, T1030-with-therapy`. */
  private expectClaimClause = this.RULE("expectClaimClause", () => {
    this.CONSUME(K.expect);
    this.OR([
      { ALT: () => this.CONSUME(K.clean) },
      {
        ALT: () => {
          this.CONSUME(K.violations);
          this.SUBRULE(this.wordList);
        },
      },
    ]);
  });

  /** `expect pending KX-when-covered`: exactly the rules a claim check could not settle. */
  private expectPendingClaimClause = this.RULE("expectPendingClaimClause", () => {
    this.CONSUME(K.expect);
    this.CONSUME(K.pending);
    this.SUBRULE(this.wordList);
  });

  private onClause = this.RULE("onClause", () => {
    this.CONSUME(K.on);
    this.CONSUME(DateLiteral);
  });

  private givenClause = this.RULE("givenClause", () => {
    this.CONSUME(K.given);
    this.CONSUME(Name);
  });

  /** `member.age = 45`, `home.features = (water, electricity)`, `member.age = unknown`. */
  private assignment = this.RULE("assignment", () => {
    this.CONSUME(Name);
    this.CONSUME(Equal);
    // NOTE: `unknown` arrives as a value word; cst-to-ast reads it as "remove this fact".
    this.OR([
      { ALT: () => this.SUBRULE(this.valueList) },
      { ALT: () => this.SUBRULE(this.recordList) },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
  });

  /** The records of a list fact in a case: `[(performed 2024-01-02, method oximetry), (...)]`; `[]` for none. */
  private recordList = this.RULE("recordList", () => {
    this.CONSUME(LBracket);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.recordValue) });
    this.CONSUME(RBracket);
  });

  private recordValue = this.RULE("recordValue", () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.fieldValue) });
    this.CONSUME(RParen);
  });

  /** `saturation 87`, `findings (a, b)`, `pressure unknown`. */
  private fieldValue = this.RULE("fieldValue", () => {
    this.CONSUME(Word);
    this.OR([{ ALT: () => this.SUBRULE(this.valueList) }, { ALT: () => this.SUBRULE(this.value) }]);
  });

  private expectClause = this.RULE("expectClause", () => {
    this.CONSUME(K.expect);
    this.OR([
      { ALT: () => this.CONSUME(K.covered) },
      {
        ALT: () => {
          this.CONSUME(K.not);
          this.CONSUME2(K.covered);
        },
      },
      { ALT: () => this.CONSUME(K.pending) },
    ]);
  });

  /** `expect qualified under O.1.G2, P`: exactly the alternatives a covered decision qualified under. */
  private expectQualifiedClause = this.RULE("expectQualifiedClause", () => {
    this.CONSUME(K.expect);
    this.CONSUME(K.qualified);
    this.CONSUME(K.under);
    this.SUBRULE(this.wordList);
  });

  /** `expect limitations O.1.G2` or `expect no limitations`: exactly the statements whose limitations a covered decision lists. */
  private expectLimitationsClause = this.RULE("expectLimitationsClause", () => {
    this.CONSUME(K.expect);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.no);
          this.CONSUME(K.limitations);
        },
      },
      {
        ALT: () => {
          this.CONSUME2(K.limitations);
          this.SUBRULE(this.wordList);
        },
      },
    ]);
  });

  private becauseClause = this.RULE("becauseClause", () => {
    this.CONSUME(K.because);
    this.SUBRULE(this.wordList);
  });

  private askingClause = this.RULE("askingClause", () => {
    this.CONSUME(K.asking);
    this.SUBRULE(this.wordList);
  });

  private underExceptionClause = this.RULE("underExceptionClause", () => {
    this.CONSUME(K.under);
    this.CONSUME(K.exception);
    this.CONSUME(Name);
  });

  private excludesServicesExpectation = this.RULE("excludesServicesExpectation", () => {
    this.CONSUME(K.excludes);
    this.CONSUME(K.services);
    this.CONSUME(K.of);
    this.CONSUME(Name);
  });

  // ----- expressions -----------------------------------------------------------------------------
  // Precedence from loosest to tightest: or, and, not, then a single predicate or a parenthesis.

  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.andExpression);
    this.MANY(() => {
      this.CONSUME(K.or);
      this.SUBRULE2(this.andExpression);
    });
  });

  private andExpression = this.RULE("andExpression", () => {
    this.SUBRULE(this.notExpression);
    this.MANY(() => {
      this.CONSUME(K.and);
      this.SUBRULE2(this.notExpression);
    });
  });

  private notExpression = this.RULE("notExpression", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.not);
          this.SUBRULE(this.notExpression);
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  private atom = this.RULE("atom", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.SUBRULE(this.quantified) },
      { ALT: () => this.SUBRULE(this.recordQuantifier) },
      { ALT: () => this.SUBRULE(this.definitionCall) },
      { ALT: () => this.SUBRULE(this.statementReference) },
      { ALT: () => this.SUBRULE(this.predicate) },
    ]);
  });

  /**
   * A condition over the records of a list fact, naming each record: `some study in oxygen.studies
   * where ...`, `no study in ... where ...`, `every study in ... where ... has ...`, `count of study in
   * ... where (...) >= 2`, `latest study in ... by performed where ... has ...`. The filter of a count is
   * one name or a condition in parentheses, so that the comparison after it belongs to the count.
   */
  private recordQuantifier = this.RULE("recordQuantifier", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.some) }, { ALT: () => this.CONSUME(K.no) }]);
          this.SUBRULE(this.recordBinding);
          this.OPTION(() => this.SUBRULE(this.whereClause));
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.every);
          this.SUBRULE2(this.recordBinding);
          this.OPTION2(() => this.SUBRULE2(this.whereClause));
          this.SUBRULE(this.hasClause);
        },
      },
      {
        ALT: () => {
          this.OR3([{ ALT: () => this.CONSUME(K.latest) }, { ALT: () => this.CONSUME(K.earliest) }]);
          this.SUBRULE3(this.recordBinding);
          this.CONSUME(K.by);
          this.CONSUME(Word);
          this.OPTION3(() => this.SUBRULE3(this.whereClause));
          this.SUBRULE2(this.hasClause);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.count);
          this.CONSUME(K.of);
          this.SUBRULE4(this.recordBinding);
          this.OPTION4(() => {
            this.CONSUME(K.where);
            this.OR4([{ ALT: () => this.SUBRULE(this.parenthesized) }, { ALT: () => this.CONSUME(Name) }]);
          });
          this.SUBRULE(this.comparisonTail);
        },
      },
    ]);
  });

  /** `qualifying_rest_study(study)`, `at_or_below(study.pressure, 55)`: a definition given what it is about. */
  private definitionCall = this.RULE("definitionCall", () => {
    this.CONSUME(Name);
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.term) });
    this.CONSUME(RParen);
  });

  /** `study in oxygen.studies`: the name each record goes by, and the list. */
  private recordBinding = this.RULE("recordBinding", () => {
    this.CONSUME(Name);
    this.CONSUME(K.in);
    this.CONSUME2(Name);
  });

  private whereClause = this.RULE("whereClause", () => {
    this.CONSUME(K.where);
    this.SUBRULE(this.expression);
  });

  private hasClause = this.RULE("hasClause", () => {
    this.CONSUME(K.has);
    this.SUBRULE(this.expression);
  });

  /** `criterion I.3`, `section I`: another statement is met (references.ts in the checker says when). */
  private statementReference = this.RULE("statementReference", () => {
    this.OR([{ ALT: () => this.CONSUME(K.criterion) }, { ALT: () => this.CONSUME(K.section) }]);
    this.CONSUME(Name);
  });

  private parenthesized = this.RULE("parenthesized", () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  /** `all of (...)`, `any of (...)`, `at least one of (...)`, `at least 2 of (...)`. */
  private quantified = this.RULE("quantified", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.all) },
      { ALT: () => this.CONSUME(K.any) },
      {
        ALT: () => {
          this.CONSUME(K.at);
          this.CONSUME(K.least);
          this.OR2([{ ALT: () => this.CONSUME(K.one) }, { ALT: () => this.CONSUME(NumberLiteral) }]);
        },
      },
    ]);
    this.CONSUME(K.of);
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(RParen);
  });

  private predicate = this.RULE("predicate", () => {
    this.SUBRULE(this.term);
    this.OPTION(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.isTail) },
        { ALT: () => this.SUBRULE(this.comparisonTail) },
        { ALT: () => this.SUBRULE(this.containsTail) },
        { ALT: () => this.SUBRULE(this.hasTail) },
      ]),
    );
  });

  /** `has any in copd`: a set of codes holds at least one code of a value set. */
  private hasTail = this.RULE("hasTail", () => {
    this.CONSUME(K.has);
    this.CONSUME(K.any);
    this.CONSUME(K.in);
    this.CONSUME(Name);
  });

  private isTail = this.RULE("isTail", () => {
    this.CONSUME(K.is);
    this.OPTION(() => this.CONSUME(K.not));
    this.OR([
      { ALT: () => this.SUBRULE(this.withinWindow) },
      { ALT: () => this.SUBRULE(this.daysWindow) },
      {
        ALT: () => {
          this.CONSUME(K.one);
          this.CONSUME(K.of);
          this.SUBRULE(this.valueList);
        },
      },
      {
        // `is in copd`: membership in a value set (before a value, which `in` could also be).
        ALT: () => {
          this.CONSUME(K.in);
          this.CONSUME(Name);
        },
      },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
  });

  private comparisonTail = this.RULE("comparisonTail", () => {
    this.OR([
      { ALT: () => this.CONSUME(LessOrEqual) },
      { ALT: () => this.CONSUME(GreaterOrEqual) },
      { ALT: () => this.CONSUME(NotEqual) },
      { ALT: () => this.CONSUME(Less) },
      { ALT: () => this.CONSUME(Greater) },
      { ALT: () => this.CONSUME(Equal) },
    ]);
    this.SUBRULE(this.term);
  });

  /** An operand, a date moved by a duration: `service date - 30 days`, `a.start + 2 months`. */
  private term = this.RULE("term", () => {
    this.SUBRULE(this.operand);
    this.OPTION(() => this.SUBRULE(this.dateOffset));
  });

  /** `+ 2 months`, `- 1 day`: the unit is any word, so that a misspelt one gets a did-you-mean from the checker. */
  private dateOffset = this.RULE("dateOffset", () => {
    this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
    this.SUBRULE(this.duration);
  });

  /** `30 days`, `1 year`. */
  private duration = this.RULE("duration", () => {
    this.CONSUME(NumberLiteral);
    this.CONSUME(Word);
  });

  /** `within 30 days before <date>`, `within 2 days of <date>`, `within 1 week after <date>`. */
  private withinWindow = this.RULE("withinWindow", () => {
    this.CONSUME(K.within);
    this.SUBRULE(this.duration);
    this.OR([
      { ALT: () => this.CONSUME(K.before) },
      { ALT: () => this.CONSUME(K.after) },
      { ALT: () => this.CONSUME(K.of) },
    ]);
    this.SUBRULE(this.operand);
  });

  /** `between day 61 and day 90 after <date>` (both days included). */
  private daysWindow = this.RULE("daysWindow", () => {
    this.CONSUME(K.between);
    this.CONSUME(K.day);
    this.CONSUME(NumberLiteral);
    this.CONSUME(K.and);
    this.CONSUME2(K.day);
    this.CONSUME2(NumberLiteral);
    this.OR([{ ALT: () => this.CONSUME(K.before) }, { ALT: () => this.CONSUME(K.after) }]);
    this.SUBRULE(this.operand);
  });

  private containsTail = this.RULE("containsTail", () => {
    this.CONSUME(K.contains);
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(K.all) }, { ALT: () => this.CONSUME(K.any) }]);
          this.CONSUME(K.of);
          this.SUBRULE(this.valueList);
        },
      },
      { ALT: () => this.SUBRULE(this.value) },
    ]);
  });

  private operand = this.RULE("operand", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.service);
          this.CONSUME(K.date);
        },
      },
      { ALT: () => this.CONSUME(Name) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(PercentLiteral) },
      { ALT: () => this.CONSUME(DateLiteral) },
      { ALT: () => this.CONSUME(K.yes) },
      { ALT: () => this.CONSUME(K.no) },
    ]);
  });

  /** `(a, b)`; may be empty `()` so a case can say a set fact holds nothing (the checker refuses it in conditions). */
  private valueList = this.RULE("valueList", () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.value) });
    this.CONSUME(RParen);
  });

  private value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(Word) },
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(PercentLiteral) },
      { ALT: () => this.CONSUME(DateLiteral) },
    ]);
  });
}

/** The single parser instance, reset for each input (Chevrotain's performance guide). */
export const policyParser = new PolicyParser();

/** Whether a tree is a whole file's, as `policyParser.file()` returns it (Chevrotain types it as any node). */
export function isFileNode(node: CstNode): node is FileCstNode {
  return node.name === "file";
}

export interface ParserOutput {
  readonly cst: CstNode;
  readonly errors: readonly IRecognitionException[];
}
