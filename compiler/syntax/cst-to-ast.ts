// From Chevrotain's concrete syntax tree (typed by cst-types.ts, generated from the grammar) to the
// AST (ast.ts). Tolerates the partial nodes that error recovery leaves behind: a statement missing its
// name or text is kept apart as a partial statement (the syntax error already says why), and a clause
// given twice is reported once and the first one kept.

import type { CstNode, IToken } from "chevrotain";
import type * as Ast from "./ast.js";
import type * as Cst from "./cst-types.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeText } from "./text-literals.js";
import { isInText, isToken, joinSpans, nodeSpan, tokenSpan } from "./cst-tokens.js";
import { clauseListOf, type ClauseOwnerRule } from "./clauses.js";
import { operandSource } from "./operand-source.js";

// NOTE: every child is read as possibly absent, even one the generated types say the grammar
// requires: error recovery builds nodes without them.

/** The tokens of a child that are in the text (recovery may insert tokens that are not). */
function inText(tokens: readonly IToken[] | undefined): IToken[] {
  return (tokens ?? []).filter(isInText);
}

function firstToken(tokens: readonly IToken[] | undefined): IToken | undefined {
  return inText(tokens)[0];
}

function present(tokens: readonly IToken[] | undefined): boolean {
  return firstToken(tokens) !== undefined;
}

function firstNode<Node extends CstNode>(nodes: readonly Node[] | undefined): Node | undefined {
  return nodes?.[0];
}

function word(token: IToken): Ast.Word {
  return { text: token.image, span: tokenSpan(token) };
}

/** The name of a revision, however it is written (a month, a month with a suffix, a name). */
function revisionWord(node: Cst.RevisionNameCstNode | undefined): Ast.Word | undefined {
  const { MonthLiteral, SuffixedMonth, Name } = node?.children ?? {};
  return optionalWord(firstToken(MonthLiteral) ?? firstToken(SuffixedMonth) ?? firstToken(Name));
}

function optionalWord(token: IToken | undefined): Ast.Word | undefined {
  return token ? word(token) : undefined;
}

/** A node with a `text` child: a clause such as `title "..."`, or a statement's own text. */
interface WithText {
  readonly children: { readonly text?: readonly Cst.TextCstNode[] };
}

interface WithWordList {
  readonly children: { readonly wordList?: readonly Cst.WordListCstNode[] };
}

interface WithCodeList {
  readonly children: { readonly codeList?: readonly Cst.CodeListCstNode[] };
}

interface WithExpression {
  readonly children: { readonly expression?: readonly Cst.ExpressionCstNode[] };
}

interface WithLifetime {
  readonly addedClause?: readonly Cst.AddedClauseCstNode[];
  readonly removedClause?: readonly Cst.RemovedClauseCstNode[];
}

/** The operator each comparison token stands for. */
const comparisonOperators = {
  LessOrEqual: "<=",
  GreaterOrEqual: ">=",
  NotEqual: "!=",
  Less: "<",
  Greater: ">",
  Equal: "=",
} as const satisfies Record<string, Ast.ComparisonOperator>;

/** The node each statement rule makes. */
type StatementNodes = {
  readonly [Rule in keyof Cst.StatementCstChildren]-?: NonNullable<Cst.StatementCstChildren[Rule]>[number];
};

/** What builds the statements of each statement rule; a rule added to the grammar must be added here. */
type StatementBuilders = {
  readonly [Rule in keyof StatementNodes]: (node: StatementNodes[Rule], span: Ast.Span) => Ast.Statement[];
};

/** The children that start a statement, after its keyword: its id, name or month, and its text. */
interface StatementHead {
  readonly Name?: readonly IToken[];
  readonly Word?: readonly IToken[];
  readonly MonthLiteral?: readonly IToken[];
  readonly NumberLiteral?: readonly IToken[];
  readonly revisionName?: readonly Cst.RevisionNameCstNode[];
  readonly text?: readonly Cst.TextCstNode[];
}

/** The kind of statement each statement rule makes, for a partial one. */
const statementKindOfRule: { readonly [Rule in keyof StatementNodes]: Ast.Statement["kind"] } = {
  policyStatement: "policy",
  revisionStatement: "revision",
  categoryStatement: "category",
  factStatement: "fact",
  defineStatement: "definition",
  sectionStatement: "section",
  criterionStatement: "criterion",
  exclusionStatement: "exclusion",
  noteStatement: "note",
  serviceStatement: "service",
  exceptionStatement: "exception",
  proseStatement: "prose",
  codeGroupStatement: "codeGroup",
  codeStatement: "code",
  referenceStatement: "reference",
  casesStatement: "cases",
  factSetStatement: "factSet",
  caseStatement: "case",
  claimCaseStatement: "claimCase",
  layoutStatement: "layout",
  valueSetStatement: "valueSet",
  fhirStatement: "fhirMapping",
};

class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** The statements that could not be built, kept as what was parsed of them. */
  readonly partialStatements: Ast.PartialStatement[] = [];

  constructor(private readonly path: string) {}

  private readonly statementBuilders: StatementBuilders = {
    policyStatement: (node, span) => this.policy(node, span),
    revisionStatement: (node, span) => this.revision(node, span),
    categoryStatement: (node, span) => this.categoryDeclaration(node, span),
    factStatement: (node, span) => this.fact(node, span),
    defineStatement: (node, span) =>
      this.definition(firstNode(node.children.definitionBody), this.readings(node.children), undefined, span),
    sectionStatement: (node, span) => this.section(node, span),
    criterionStatement: (node, span) => this.criterion(node, span),
    exclusionStatement: (node, span) => this.exclusion(node, span),
    noteStatement: (node, span) => this.note(node, span),
    serviceStatement: (node, span) => this.service(node, span),
    exceptionStatement: (node, span) => this.exception(node, span),
    proseStatement: (node, span) => this.prose(node, span),
    codeGroupStatement: (node, span) => this.codeGroup(node, span),
    codeStatement: (node, span) => this.code(node, span),
    referenceStatement: (node, span) => this.reference(node, span),
    casesStatement: (node, span) => this.casesHeader(node, span),
    factSetStatement: (node, span) => this.factSet(node, span),
    caseStatement: (node, span) => this.caseStatement(node, span),
    claimCaseStatement: (node, span) => this.claimCase(node, span),
    layoutStatement: (node, span) => this.layout(node, span),
    valueSetStatement: (node, span) => this.valueSet(node, span),
    fhirStatement: (node, span) => this.fhirMapping(node, span),
  };

  // ----- helpers ---------------------------------------------------------------------------------

  private text(node: Cst.TextCstNode | undefined): Ast.TextLiteral | undefined {
    if (!node) return undefined;
    const token = firstToken(node.children.Text) ?? firstToken(node.children.TextBlock);
    return token ? { value: decodeText(token.image), span: tokenSpan(token) } : undefined;
  }

  /** The text of a node's own `text` child. */
  private textOf(node: WithText | undefined): Ast.TextLiteral | undefined {
    return node ? this.text(firstNode(node.children.text)) : undefined;
  }

  /**
   * Reports each clause given twice that the table of clauses (clauses.ts) says may not repeat; the
   * builders read the first one. Called for a statement (or a billing sentence, a rule) once it is
   * known to be built, so a statement dropped for a syntax error adds nothing.
   */
  private reportRepeatedClauses(rule: ClauseOwnerRule, node: CstNode): void {
    const { owner, clauses } = clauseListOf(rule);
    if (!owner) return;
    for (const clause of clauses) {
      if (clause.repeatable) continue;
      const given = (node.children[clause.rule] ?? []).filter((element): element is CstNode => !isToken(element));
      const first = given[0] ? nodeSpan(given[0]) : undefined;
      for (const extra of given.slice(1)) {
        const span = nodeSpan(extra);
        if (!span) continue;
        this.diagnostics.push(
          diagnostic(
            catalogue.duplicateClause,
            this.path,
            span,
            { statement: owner },
            {
              hint: "Remove one of the two clauses.",
              related: first ? [{ file: this.path, span: first, message: "first given here" }] : [],
            },
          ),
        );
      }
    }
  }

  /** The text of the first `<keyword> "text"` clause of a kind, such as `title` or `ask`. */
  private firstText<Clause extends CstNode & WithText>(
    clauses: readonly Clause[] | undefined,
  ): Ast.TextLiteral | undefined {
    return this.textOf(firstNode(clauses));
  }

  private readings(children: { readonly readingClause?: readonly Cst.ReadingClauseCstNode[] }): Ast.Reading[] {
    return (children.readingClause ?? []).flatMap((clause) => {
      const text = this.textOf(clause);
      const alternative = this.alternative(firstNode(clause.children.alternativeClause));
      const decidesNothing = firstNode(clause.children.decidesNothingClause);
      return text
        ? [
            {
              text,
              ...optional("alternative", alternative),
              ...optional("decidesNothing", decidesNothing && nodeSpan(decidesNothing)),
            },
          ]
        : [];
    });
  }

  private alternative(node: Cst.AlternativeClauseCstNode | undefined): Ast.ReadingAlternative | undefined {
    if (!node) return undefined;
    const text = this.textOf(node);
    const span = nodeSpan(node);
    if (!text || !span) return undefined;
    const replacements = (node.children.alternativeReplacement ?? []).flatMap((replacement) => {
      const statement = revisionWord(firstNode(replacement.children.revisionName));
      const whole = nodeSpan(replacement);
      const replacing = replacedValue(replacement.children);
      if (!statement || !whole || !replacing) return [];
      return [{ statement, ...replacing, span: whole }];
    });
    const facts = (node.children.alternativeFactClause ?? []).flatMap((clause) => {
      const statement = firstNode(clause.children.factStatement);
      const span = statement && nodeSpan(statement);
      const name = firstToken(statement?.children.Name);
      return span && name ? [{ name: word(name), span }] : [];
    });
    return { text, span, replacements, facts };
  }

  private lifetime(children: WithLifetime): Ast.Lifetime {
    const added = revisionWord(firstNode(firstNode(children.addedClause)?.children.revisionName));
    const removed = revisionWord(firstNode(firstNode(children.removedClause)?.children.revisionName));
    return { ...(added && { added }), ...(removed && { removed }) };
  }

  private category(children: { readonly categoryClause?: readonly Cst.CategoryClauseCstNode[] }): Ast.Word | undefined {
    return optionalWord(firstToken(firstNode(children.categoryClause)?.children.Word));
  }

  private wordList(node: WithWordList | undefined): Ast.Word[] {
    const list = firstNode(node?.children.wordList);
    return list ? inText(list.children.Word).map(word) : [];
  }

  /** Codes or modifiers, as written: `99601` and `0001U` keep their digits (a code is never a number). */
  private codeList(node: WithCodeList | undefined): Ast.Word[] {
    const list = firstNode(node?.children.codeList);
    return list ? inText(list.children.CodeWord).map(word) : [];
  }

  private expressionIn(node: WithExpression | undefined): Ast.Expression | undefined {
    return this.expressionOf(firstNode(node?.children.expression));
  }

  // ----- statements ------------------------------------------------------------------------------

  statements(cst: Cst.FileCstNode): Ast.Statement[] {
    return (cst.children.statement ?? []).flatMap((statement) => this.statementsUnder(statement.children));
  }

  /** The statements of one `statement` node: it holds one child, under the rule that matched. */
  private statementsUnder(children: Cst.StatementCstChildren): Ast.Statement[] {
    // NOTE: Object.keys gives strings; the keys of the builders are exactly the statement rules.
    const rules = Object.keys(this.statementBuilders) as (keyof StatementNodes)[];
    return rules.flatMap((rule) => this.statementsOfRule(rule, children[rule] ?? []));
  }

  private statementsOfRule<Rule extends keyof StatementNodes>(
    rule: Rule,
    nodes: readonly StatementNodes[Rule][],
  ): Ast.Statement[] {
    const build: StatementBuilders[Rule] = this.statementBuilders[rule];
    return nodes.flatMap((node) => {
      const span = nodeSpan(node);
      if (!span) return [];
      const built = build(node, span);
      if (built.length === 0) this.partialStatements.push(this.partial(statementKindOfRule[rule], node, span));
      return built;
    });
  }

  /** What was parsed of a statement that could not be built: its id and its text, when they are there. */
  private partial(
    of: Ast.Statement["kind"],
    node: StatementNodes[keyof StatementNodes],
    span: Ast.Span,
  ): Ast.PartialStatement {
    const { children } = node;
    // A definition's name and label are inside its body; a FHIR mapping has neither.
    const head: StatementHead =
      "definitionBody" in children
        ? (firstNode(children.definitionBody)?.children ?? {})
        : "Kw_fhir" in children
          ? {}
          : children;
    const idToken =
      firstToken(head.Name) ?? firstToken(head.Word) ?? firstToken(head.MonthLiteral) ?? firstToken(head.NumberLiteral);
    const id = optionalWord(idToken) ?? revisionWord(firstNode(head.revisionName));
    const text = this.text(firstNode(head.text));
    return { kind: "partial", of, span, ...optional("id", id), ...optional("text", text) };
  }

  private policy(node: Cst.PolicyStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const reference = firstToken(children.Name);
    if (!reference) return [];
    this.reportRepeatedClauses("policyStatement", node);
    const lastReview = firstNode(children.lastReviewClause);
    const header: Ast.PolicyHeader = {
      kind: "policy",
      span,
      reference: word(reference),
      ...optional("title", this.firstText(children.titleClause)),
      ...optional("plan", this.firstText(children.planClause)),
      ...optional("description", this.firstText(children.descriptionClause)),
      ...optional("lastReview", optionalWord(firstToken(lastReview?.children.MonthLiteral))),
      ...optional("publishedText", this.firstText(children.publishedTextClause)),
      readings: this.readings(children),
    };
    return [header];
  }

  private revision(node: Cst.RevisionStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const approved = revisionWord(firstNode(children.revisionName));
    const text = this.textOf(node);
    if (!approved || !text) return [];
    this.reportRepeatedClauses("revisionStatement", node);
    const reviewed = firstNode(children.reviewedClause);
    const effective = firstNode(children.effectiveClause);
    return [
      {
        kind: "revision",
        span,
        approved,
        text,
        ...optional("reviewed", optionalWord(firstToken(reviewed?.children.MonthLiteral))),
        ...optional("effective", optionalWord(firstToken(effective?.children.DateLiteral))),
        ...optional("publishedText", this.firstText(children.publishedTextClause)),
        readings: this.readings(children),
      },
    ];
  }

  private valueSet(node: Cst.ValueSetStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const name = firstToken(children.Name);
    const label = this.textOf(node);
    if (!name || !label) return [];
    this.reportRepeatedClauses("valueSetStatement", node);
    return [
      {
        kind: "valueSet",
        span,
        name: word(name),
        label,
        ...optional("system", this.firstText(children.systemClause)),
        ...optional("file", this.firstText(children.fileClause)),
        ...optional("source", this.firstText(children.sourceClause)),
        ...optional("version", this.firstText(children.versionClause)),
        readings: this.readings(children),
      },
    ];
  }

  private fhirMapping(node: Cst.FhirStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    this.reportRepeatedClauses("fhirStatement", node);
    const orders = (children.ordersClause ?? []).flatMap((clause): Ast.FhirOrders[] => {
      const system = this.textOf(clause);
      const clauseSpan = nodeSpan(clause);
      return system && clauseSpan ? [{ span: clauseSpan, system, codes: this.codeList(clause) }] : [];
    });
    const maps = (children.mapClause ?? []).flatMap((clause): Ast.FhirFactMap[] => {
      const [fact, source, valueSet] = clause.children.Name;
      const clauseSpan = nodeSpan(clause);
      if (!fact || !source || !clauseSpan) return [];
      const meanings = (clause.children.codeMeaning ?? []).flatMap((meaning): Ast.FhirCodeMeaning[] => {
        const code = firstToken(meaning.children.CodeWord);
        const value = firstToken(meaning.children.Word);
        return code && value ? [{ code: word(code), value: word(value) }] : [];
      });
      return [
        {
          span: clauseSpan,
          fact: word(fact),
          source: word(source),
          ...optional("valueSet", optionalWord(valueSet)),
          meanings,
        },
      ];
    });
    return [{ kind: "fhirMapping", span, orders, maps, readings: this.readings(children) }];
  }

  private categoryDeclaration(node: Cst.CategoryStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const name = firstToken(node.children.Word);
    const description = this.textOf(node);
    if (!name || !description) return [];
    return [{ kind: "category", span, name: word(name), description }];
  }

  private fact(node: Cst.FactStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const name = firstToken(children.Name);
    const typeNode = firstNode(children.factType);
    const listNode = firstNode(children.listType);
    const type = listNode ? this.listType(listNode) : typeNode ? this.factType(typeNode) : undefined;
    if (!name || !type) return [];
    this.reportRepeatedClauses("factStatement", node);
    const description = this.firstText(children.descriptionClause);
    const question = this.firstText(children.askClause);
    const forClaims = present(children.Kw_claim);
    return [
      {
        kind: "fact",
        span,
        name: forClaims ? { text: `claim.${name.image}`, span: tokenSpan(name) } : word(name),
        forClaims,
        type,
        ...optional("description", description),
        ...optional("question", question),
        readings: this.readings(children),
      },
    ];
  }

  private listType(node: Cst.ListTypeCstNode): Ast.FactType | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    const fields = (node.children.fieldDeclaration ?? []).flatMap((field): Ast.RecordFieldDeclaration[] => {
      const name = firstToken(field.children.Word);
      const label = this.textOf(field);
      const typeNode = firstNode(field.children.factType);
      const type = typeNode ? this.factType(typeNode) : undefined;
      const fieldSpan = nodeSpan(field);
      if (!name || !label || !type || type.kind === "list" || !fieldSpan) return [];
      return [{ name: word(name), label, type, span: fieldSpan }];
    });
    const identifying = firstNode(node.children.identifyingFields);
    return {
      kind: "list",
      span,
      fields,
      ...(identifying && { identifiedBy: (identifying.children.Word ?? []).map(word) }),
    };
  }

  private factType(node: Cst.FactTypeCstNode): Ast.FactType | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    const { children } = node;
    if (firstNode(children.booleanType)) return { kind: "boolean", span };
    if (present(children.Kw_date)) return { kind: "date", span };
    const codeType = firstNode(children.codeType);
    if (codeType) {
      const system = this.textOf(codeType);
      return system ? { kind: present(codeType.children.Kw_codes) ? "codes" : "code", span, system } : undefined;
    }
    const numberType = firstNode(children.numberType);
    if (numberType) {
      const bounds = inText(numberType.children.NumberLiteral).map((token) => Number(token.image));
      const unit = this.textOf(numberType);
      return {
        kind: "number",
        span,
        ...optional("unit", unit),
        ...optional("min", bounds[0]),
        ...optional("max", bounds[1]),
      };
    }
    const oneOf = firstNode(children.oneOfType);
    const enumType = oneOf ?? firstNode(children.setOfType);
    if (!enumType) return undefined;
    const declarations = firstNode(enumType.children.valueDeclarations);
    const values = declarations ? this.valueDeclarations(declarations) : [];
    return { kind: oneOf ? "oneOf" : "setOf", span, values };
  }

  private valueDeclarations(node: Cst.ValueDeclarationsCstNode): Ast.EnumValueDeclaration[] {
    return (node.children.valueDeclaration ?? []).flatMap((declaration) => {
      const name = firstToken(declaration.children.Word);
      const label = this.textOf(declaration);
      return name ? [{ name: word(name), ...optional("label", label) }] : [];
    });
  }

  private definition(
    body: Cst.DefinitionBodyCstNode | undefined,
    readings: Ast.Reading[],
    definedByNote: Ast.Word | undefined,
    span: Ast.Span,
  ): Ast.Statement[] {
    if (!body) return [];
    const name = firstToken(body.children.Name);
    const label = this.textOf(body);
    const expression = this.expressionIn(body);
    if (!name || !label || !expression) return [];
    const parameters = (firstNode(body.children.parameterList)?.children.parameter ?? []).flatMap((node) => {
      const parameter = this.parameter(node);
      return parameter ? [parameter] : [];
    });
    return [
      {
        kind: "definition",
        span,
        name: word(name),
        label,
        parameters,
        body: expression,
        ...optional("definedByNote", definedByNote),
        readings,
      },
    ];
  }

  /** `study: oxygen.studies` (a record), `limit: number unit "mm Hg"` or `day: date` (a value). */
  private parameter(node: Cst.ParameterCstNode): Ast.Parameter | undefined {
    const { children } = node;
    const [name, list] = inText(children.Name);
    const span = nodeSpan(node);
    if (!name || !span) return undefined;
    if (list) return { kind: "record", name: word(name), list: word(list) };
    const declarations = firstNode(children.valueDeclarations);
    const oneToken = firstToken(children.Kw_one);
    if (declarations && oneToken) {
      const values = this.valueDeclarations(declarations);
      return {
        kind: "value",
        name: word(name),
        type: { kind: "oneOf", values, span: joinSpans(tokenSpan(oneToken), span) },
        span,
      };
    }
    const typeToken = firstToken(children.Kw_number) ?? firstToken(children.Kw_date);
    if (!typeToken) return undefined;
    const typeSpan = joinSpans(tokenSpan(typeToken), span);
    if (present(children.Kw_date))
      return { kind: "value", name: word(name), type: { kind: "date", span: typeSpan }, span };
    const unit = this.text(firstNode(children.text));
    return {
      kind: "value",
      name: word(name),
      type: { kind: "number", ...(unit && { unit }), span: typeSpan },
      span,
    };
  }

  private section(node: Cst.SectionStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const title = this.textOf(node);
    if (!id || !title) return [];
    this.reportRepeatedClauses("sectionStatement", node);
    return [
      {
        kind: "section",
        span,
        id: word(id),
        title,
        ...optional("appliesWhen", this.expressionIn(firstNode(children.appliesClause))),
        ...optional("limitedTo", this.textOf(firstNode(children.limitedClause))),
        ...this.lifetime(children),
        readings: this.readings(children),
      },
    ];
  }

  private criterion(node: Cst.CriterionStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const text = this.textOf(node);
    if (!id || !text) return [];
    this.reportRepeatedClauses("criterionStatement", node);
    return [
      {
        kind: "criterion",
        span,
        id: word(id),
        text,
        ...optional("metWhen", this.expressionIn(firstNode(children.metWhenClause))),
        ...optional("limitedTo", this.textOf(firstNode(children.limitedClause))),
        ...optional("category", this.category(children)),
        ...this.lifetime(children),
        readings: this.readings(children),
        versions: (children.criterionVersionClause ?? []).flatMap((clause) => {
          const version = this.version(clause);
          if (!version) return [];
          this.reportRepeatedClauses("criterionVersionClause", clause);
          return [{ ...version, ...optional("metWhen", this.expressionIn(firstNode(clause.children.metWhenClause))) }];
        }),
      },
    ];
  }

  /** What every version of a statement has: the revision it ends at, its words, category and readings. */
  private version(
    clause: Cst.CriterionVersionClauseCstNode | Cst.ExclusionVersionClauseCstNode,
  ): Ast.StatementVersion | undefined {
    const before = revisionWord(firstNode(clause.children.revisionName));
    const span = nodeSpan(clause);
    if (!before || !span) return undefined;
    return {
      before,
      span,
      ...optional("text", this.textOf(clause)),
      ...optional("category", this.category(clause.children)),
      readings: this.readings(clause.children),
    };
  }

  private notCovered(children: {
    readonly notCoveredClause?: readonly Cst.NotCoveredClauseCstNode[];
  }): Ast.NotCoveredRule | undefined {
    const clause = firstNode(children.notCoveredClause);
    const span = clause ? nodeSpan(clause) : undefined;
    const condition = this.expressionIn(clause);
    if (!clause || !span || !condition) return undefined;
    return { condition, unless: present(clause.children.Kw_unless), span };
  }

  private exclusion(node: Cst.ExclusionStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const text = this.textOf(node);
    if (!id || !text) return [];
    this.reportRepeatedClauses("exclusionStatement", node);
    return [
      {
        kind: "exclusion",
        span,
        id: word(id),
        text,
        ...optional("notCovered", this.notCovered(children)),
        ...optional("category", this.category(children)),
        ...this.lifetime(children),
        readings: this.readings(children),
        versions: (children.exclusionVersionClause ?? []).flatMap((clause) => {
          const version = this.version(clause);
          if (!version) return [];
          this.reportRepeatedClauses("exclusionVersionClause", clause);
          return [{ ...version, ...optional("notCovered", this.notCovered(clause.children)) }];
        }),
      },
    ];
  }

  private note(node: Cst.NoteStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const idToken = firstToken(children.Name);
    const text = this.textOf(node);
    if (!idToken || !text) return [];
    this.reportRepeatedClauses("noteStatement", node);
    const id = word(idToken);
    const items = (children.itemClause ?? []).flatMap((clause) => {
      const label = firstToken(clause.children.Word) ?? firstToken(clause.children.NumberLiteral);
      const itemText = this.textOf(clause);
      return label && itemText ? [{ label: word(label), text: itemText }] : [];
    });
    const servicesClause = firstNode(children.excludesServicesClause);
    const servicesSection = firstToken(servicesClause?.children.Name);
    const servicesCondition = this.expressionIn(servicesClause);
    const servicesSpan = servicesClause ? nodeSpan(servicesClause) : undefined;
    const excludesServices =
      servicesSection && servicesCondition && servicesSpan
        ? { section: word(servicesSection), condition: servicesCondition, span: servicesSpan }
        : undefined;
    const note: Ast.Note = {
      kind: "note",
      span,
      id,
      text,
      items,
      ...optional("notCovered", this.notCovered(children)),
      ...optional("excludesServices", excludesServices),
      ...optional("category", this.category(children)),
      ...this.lifetime(children),
      readings: this.readings(children),
    };
    const definitions = (children.definesClause ?? []).flatMap((clause) => {
      const clauseSpan = nodeSpan(clause);
      return clauseSpan ? this.definition(firstNode(clause.children.definitionBody), [], id, clauseSpan) : [];
    });
    return [note, ...definitions];
  }

  private service(node: Cst.ServiceStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const text = this.textOf(node);
    if (!id || !text) return [];
    this.reportRepeatedClauses("serviceStatement", node);
    return [
      {
        kind: "service",
        span,
        id: word(id),
        text,
        ...this.lifetime(children),
        readings: this.readings(children),
      },
    ];
  }

  private exception(node: Cst.ExceptionStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const title = this.textOf(node);
    if (!id || !title) return [];
    this.reportRepeatedClauses("exceptionStatement", node);
    return [
      {
        kind: "exception",
        span,
        id: word(id),
        title,
        ...optional("appliesWhen", this.expressionIn(firstNode(children.appliesClause))),
        mayOverride: this.wordList(firstNode(children.mayOverrideClause)),
        neverOverrides: this.wordList(firstNode(children.neverOverridesClause)),
        overrides: this.wordList(firstNode(children.overridesClause)),
        requiresPriorApproval: firstNode(children.requiresPriorApprovalClause) !== undefined,
        ...optional("text", this.firstText(children.textClause)),
        ...optional("priorApprovalText", this.firstText(children.priorApprovalTextClause)),
        ...this.lifetime(children),
        readings: this.readings(children),
      },
    ];
  }

  private prose(node: Cst.ProseStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const id = firstToken(children.Name);
    const title = this.textOf(node);
    if (!id || !title) return [];
    this.reportRepeatedClauses("proseStatement", node);
    return [
      {
        kind: "prose",
        span,
        id: word(id),
        title,
        ...optional("text", this.firstText(children.textClause)),
        ...optional("notEncodedBecause", this.firstText(children.notEncodedClause)),
        readings: this.readings(children),
      },
    ];
  }

  private code(node: Cst.CodeStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const [code, modifier] = inText(children.CodeWord);
    const description = this.textOf(node);
    if (!code || !description) return [];
    this.reportRepeatedClauses("codeStatement", node);
    const billing = (children.billingClause ?? []).flatMap((clause) => {
      const text = this.textOf(clause);
      const clauseSpan = nodeSpan(clause);
      if (!text || !clauseSpan) return [];
      this.reportRepeatedClauses("billingClause", clause);
      return [{ text, span: clauseSpan, ...this.lifetime(clause.children), rules: this.billingRules(clause.children) }];
    });
    return [
      {
        kind: "code",
        span,
        code: word(code),
        ...optional("modifier", optionalWord(modifier)),
        ...this.lifetime(children),
        description,
        rules: this.billingRules(children),
        billing,
        readings: this.readings(children),
      },
    ];
  }

  private codeGroup(node: Cst.CodeGroupStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const name = firstToken(node.children.Name);
    const description = this.textOf(node);
    if (!name || !description) return [];
    return [{ kind: "codeGroup", span, name: word(name), description, codes: this.codeList(node) }];
  }

  private billingRules(children: { readonly ruleClause?: readonly Cst.RuleClauseCstNode[] }): Ast.BillingRule[] {
    return (children.ruleClause ?? []).flatMap((clause) => {
      const id = firstToken(clause.children.Name);
      const span = nodeSpan(clause);
      const bodyNode = firstNode(clause.children.ruleBody);
      const body = this.ruleBody(bodyNode);
      const bodySpan = bodyNode && nodeSpan(bodyNode);
      if (!id || !span || !body || !bodySpan) return [];
      this.reportRepeatedClauses("ruleClause", clause);
      const from = firstNode(clause.children.fromClause);
      return [
        {
          id: word(id),
          body,
          bodySpan,
          ...optional("from", optionalWord(firstToken(from?.children.Name))),
          ...optional("says", this.firstText(clause.children.saysClause)),
          ...this.lifetime(clause.children),
          readings: this.readings(clause.children),
          span,
        },
      ];
    });
  }

  private ruleBody(node: Cst.RuleBodyCstNode | undefined): Ast.BillingRuleBody | undefined {
    if (!node) return undefined;
    const { children } = node;
    const guard = this.billingGuard(firstNode(children.billingGuard));
    if (present(children.Kw_only)) return guard && this.whenRule("billedOnlyWhen", guard);
    if (present(children.Kw_must)) return this.modifierRule("mustNotHaveModifier", node);
    if (present(children.Kw_not)) {
      const partner = firstNode(children.notBilledWith);
      if (partner) return this.notBilledWith(partner);
      return guard && this.whenRule("notBilledWhen", guard);
    }
    if (present(children.Kw_requires)) {
      const modifier = firstToken(children.CodeWord);
      if (modifier && !firstNode(children.ruleWhen)) return { kind: "requiresModifier", modifier: word(modifier) };
      return this.modifierRule("requiresOneOfModifiers", node);
    }
    const name = firstToken(children.Name);
    if (present(children.Kw_each)) return name ? { kind: "billedWithEach", group: word(name) } : undefined;
    if (present(children.Kw_least)) return name ? { kind: "unitsAtLeastGroup", group: word(name) } : undefined;
    const limit = this.numericSum(firstNode(children.numericExpression));
    if (!limit) return undefined;
    const rounding = present(children.Kw_up) ? "up" : present(children.Kw_down) ? "down" : undefined;
    const per = optionalWord(firstToken(children.Word));
    const group = firstToken(children.Name);
    if (group)
      return {
        kind: "groupUnitsAtMost",
        group: word(group),
        limit,
        ...optional("rounding", rounding),
        ...optional("per", per),
      };
    return { kind: "unitsAtMost", limit, ...optional("rounding", rounding), ...optional("per", per) };
  }

  /** `billed only when` / `not billed when`, over claim facts, or reading the coverage decision too. */
  private whenRule(kind: "billedOnlyWhen" | "notBilledWhen", guard: Ast.BillingGuard): Ast.BillingRuleBody {
    if (guard.kind === "claim") return { kind, condition: guard.condition };
    return { kind: kind === "billedOnlyWhen" ? "billedOnlyWhenDecided" : "notBilledWhenDecided", guard };
  }

  /** `requires modifier KX when ...`, `requires one of modifiers N1, N2`, `must not have modifier GA`. */
  private modifierRule(
    kind: "requiresOneOfModifiers" | "mustNotHaveModifier",
    node: Cst.RuleBodyCstNode,
  ): Ast.BillingRuleBody | undefined {
    const { children } = node;
    const single = firstToken(children.CodeWord);
    const modifiers = single ? [word(single)] : this.codeList(node);
    if (modifiers.length === 0) return undefined;
    const when = firstNode(children.ruleWhen);
    const guard = when ? this.billingGuard(firstNode(when.children.billingGuard)) : undefined;
    if (when && !guard) return undefined;
    return { kind, modifiers, ...optional("when", guard) };
  }

  private notBilledWith(node: Cst.NotBilledWithCstNode): Ast.BillingRuleBody | undefined {
    const code = firstToken(node.children.CodeWord);
    if (code && !present(node.children.Kw_any))
      return { kind: "notBilledWith", partner: { kind: "code", name: word(code) } };
    const group = firstToken(node.children.Name);
    return group ? { kind: "notBilledWith", partner: { kind: "group", name: word(group) } } : undefined;
  }

  private billingGuard(node: Cst.BillingGuardCstNode | undefined): Ast.BillingGuard | undefined {
    if (!node) return undefined;
    const operands = node.children.guardAnd.map((child) => this.guardAnd(child));
    return joinGuards(node, "or", operands);
  }

  private guardAnd(node: Cst.GuardAndCstNode): Ast.BillingGuard | undefined {
    const operands = node.children.guardNot.map((child) => this.guardNot(child));
    return joinGuards(node, "and", operands);
  }

  private guardNot(node: Cst.GuardNotCstNode): Ast.BillingGuard | undefined {
    const span = nodeSpan(node);
    const inner = firstNode(node.children.guardNot);
    if (inner) {
      const operand = this.guardNot(inner);
      if (!operand || !span) return undefined;
      return operand.kind === "claim"
        ? { kind: "claim", condition: { kind: "not", operand: operand.condition, span } }
        : { kind: "not", operand, span };
    }
    const atom = firstNode(node.children.guardAtom);
    if (!atom) return undefined;
    const test = this.decisionTest(firstNode(atom.children.decisionTest));
    if (test) return { kind: "decision", test };
    const parenthesized = firstNode(atom.children.billingGuard);
    if (parenthesized) return this.billingGuard(parenthesized);
    const condition = this.atomOf(atom.children);
    return condition ? { kind: "claim", condition } : undefined;
  }

  private decisionTest(node: Cst.DecisionTestCstNode | undefined): Ast.DecisionTest | undefined {
    const span = node && nodeSpan(node);
    if (!node || !span) return undefined;
    const statement = firstToken(node.children.Name);
    if (statement) return { kind: "qualifiedUnder", statement: word(statement), span };
    const outcome = this.outcomeOf(firstNode(node.children.outcomeWords));
    return outcome ? { kind: "coverage", outcome, span } : undefined;
  }

  private outcomeOf(node: Cst.OutcomeWordsCstNode | undefined): Ast.ExpectedOutcome | undefined {
    if (!node) return undefined;
    if (present(node.children.Kw_pending)) return "pending";
    if (present(node.children.Kw_not)) return "not_covered";
    return present(node.children.Kw_covered) ? "covered" : undefined;
  }

  /** `a + b - c`, left to right. */
  private numericSum(node: Cst.NumericExpressionCstNode | undefined): Ast.NumericExpression | undefined {
    if (!node) return undefined;
    const { children } = node;
    const operands = (children.numericProduct ?? []).map((product) => this.numericProduct(product));
    return leftToRight(operands, [...operatorTokens(children.Plus, "+"), ...operatorTokens(children.Minus, "-")]);
  }

  /** `a * b / c`, left to right. */
  private numericProduct(node: Cst.NumericProductCstNode): Ast.NumericExpression | undefined {
    const { children } = node;
    const operands = (children.numericAtom ?? []).map((atom) => this.numericAtom(atom));
    return leftToRight(operands, [...operatorTokens(children.Times, "*"), ...operatorTokens(children.Divide, "/")]);
  }

  private numericAtom(node: Cst.NumericAtomCstNode): Ast.NumericExpression | undefined {
    const { children } = node;
    const number = firstToken(children.NumberLiteral);
    if (number) return { kind: "number", value: Number(number.image), span: tokenSpan(number) };
    const name = firstToken(children.Name);
    if (name) return { kind: "name", name: word(name), span: tokenSpan(name) };
    return this.numericSum(firstNode(children.numericExpression));
  }

  private claimCase(node: Cst.ClaimCaseStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const title = this.textOf(node);
    if (!title) return [];
    this.reportRepeatedClauses("claimCaseStatement", node);
    const on = firstNode(children.onClause);
    const lines = (children.lineClause ?? []).flatMap((clause) => {
      const code = firstToken(clause.children.CodeWord);
      const units = firstToken(clause.children.NumberLiteral);
      const date = optionalWord(firstToken(clause.children.DateLiteral));
      const lineSpan = nodeSpan(clause);
      return code && units && lineSpan
        ? [
            {
              code: word(code),
              modifiers: this.codeList(clause),
              units: Number(units.image),
              ...optional("date", date),
              span: lineSpan,
            },
          ]
        : [];
    });
    const expectClause = firstNode(children.expectClaimClause);
    const expectSpan = expectClause ? nodeSpan(expectClause) : undefined;
    return [
      {
        kind: "claimCase",
        span,
        title,
        ...optional("on", optionalWord(firstToken(on?.children.DateLiteral))),
        assignments: this.assignments(children),
        lines,
        ...optional(
          "expect",
          expectClause && expectSpan ? { violations: this.wordList(expectClause), span: expectSpan } : undefined,
        ),
        ...optional("decision", this.claimCaseDecision(firstNode(children.decisionClause))),
        ...optional("expectPending", this.expectPending(firstNode(children.expectPendingClaimClause))),
      },
    ];
  }

  private expectPending(
    node: Cst.ExpectPendingClaimClauseCstNode | undefined,
  ): { rules: Ast.Word[]; span: Ast.Span } | undefined {
    const span = node && nodeSpan(node);
    return node && span ? { rules: this.wordList(node), span } : undefined;
  }

  private claimCaseDecision(node: Cst.DecisionClauseCstNode | undefined): Ast.ClaimCaseDecision | undefined {
    const span = node && nodeSpan(node);
    const outcome = this.outcomeOf(firstNode(node?.children.outcomeWords));
    if (!node || !span || !outcome) return undefined;
    return {
      outcome,
      ...optional("qualifiedUnder", present(node.children.Kw_qualified) ? this.wordList(node) : undefined),
      span,
    };
  }

  private layout(node: Cst.LayoutStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const text = this.textOf(node);
    const reason = this.textOf(firstNode(node.children.notEncodedClause));
    return text && reason ? [{ kind: "layout", span, text, notEncodedBecause: reason }] : [];
  }

  private reference(node: Cst.ReferenceStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const number = firstToken(node.children.NumberLiteral);
    const texts = (node.children.text ?? []).map((textNode) => this.text(textNode));
    const text = texts[0];
    if (!number || !text) return [];
    return [{ kind: "reference", span, number: Number(number.image), text, ...optional("link", texts[1]) }];
  }

  // ----- case files ------------------------------------------------------------------------------

  private casesHeader(node: Cst.CasesStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const policy = firstToken(node.children.Name);
    return policy ? [{ kind: "cases", span, policy: word(policy) }] : [];
  }

  private given(children: { readonly givenClause?: readonly Cst.GivenClauseCstNode[] }): Ast.Word[] {
    return (children.givenClause ?? []).flatMap((clause) => {
      const name = firstToken(clause.children.Name);
      return name ? [word(name)] : [];
    });
  }

  private assignments(children: { readonly assignment?: readonly Cst.AssignmentCstNode[] }): Ast.Assignment[] {
    return (children.assignment ?? []).flatMap((assignment) => {
      const fact = firstToken(assignment.children.Name);
      const span = nodeSpan(assignment);
      const value = this.assignedValue(assignment);
      return fact && span && value ? [{ fact: word(fact), value, span }] : [];
    });
  }

  private assignedValue(node: Cst.AssignmentCstNode): Ast.AssignedValue | undefined {
    const records = firstNode(node.children.recordList);
    if (records) {
      const span = nodeSpan(records);
      return span ? { kind: "records", records: this.recordValues(records), span } : undefined;
    }
    return this.plainAssignedValue(node);
  }

  /** A value alone or a list in parentheses: of a fact, or of a field of a record. */
  private plainAssignedValue(node: Cst.AssignmentCstNode | Cst.FieldValueCstNode): Ast.AssignedValue | undefined {
    const list = firstNode(node.children.valueList);
    if (list) {
      const span = nodeSpan(list);
      return span ? { kind: "list", values: this.values(list), span } : undefined;
    }
    const value = this.value(firstNode(node.children.value));
    if (!value) return undefined;
    if (value.kind === "word" && value.word.text === "unknown") return { kind: "unknown", span: value.span };
    return { kind: "value", value, span: value.span };
  }

  private recordValues(node: Cst.RecordListCstNode): Ast.RecordValue[] {
    return (node.children.recordValue ?? []).flatMap((record): Ast.RecordValue[] => {
      const span = nodeSpan(record);
      if (!span) return [];
      const fields = (record.children.fieldValue ?? []).flatMap((field) => {
        const name = firstToken(field.children.Word);
        const value = this.plainAssignedValue(field);
        const fieldSpan = nodeSpan(field);
        return name && value && fieldSpan ? [{ name: word(name), value, span: fieldSpan }] : [];
      });
      return [{ fields, span }];
    });
  }

  private factSet(node: Cst.FactSetStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const name = firstToken(children.Name);
    const description = this.textOf(node);
    if (!name || !description) return [];
    return [
      {
        kind: "factSet",
        span,
        name: word(name),
        description,
        given: this.given(children),
        assignments: this.assignments(children),
      },
    ];
  }

  private caseStatement(node: Cst.CaseStatementCstNode, span: Ast.Span): Ast.Statement[] {
    const { children } = node;
    const title = this.textOf(node);
    if (!title) return [];
    this.reportRepeatedClauses("caseStatement", node);
    const on = firstNode(children.onClause);
    const expectClause = firstNode(children.expectClause);
    const expectSpan = expectClause ? nodeSpan(expectClause) : undefined;
    const outcome: Ast.ExpectedOutcome | undefined = !expectClause
      ? undefined
      : present(expectClause.children.Kw_pending)
        ? "pending"
        : present(expectClause.children.Kw_not)
          ? "not_covered"
          : "covered";
    const because = firstNode(children.becauseClause);
    const asking = firstNode(children.askingClause);
    const underException = firstNode(children.underExceptionClause);
    const qualified = firstNode(children.expectQualifiedClause);
    const limitations = firstNode(children.expectLimitationsClause);
    return [
      {
        kind: "case",
        span,
        title,
        ...optional("on", optionalWord(firstToken(on?.children.DateLiteral))),
        given: this.given(children),
        assignments: this.assignments(children),
        ...optional("expect", outcome && expectSpan ? { outcome, span: expectSpan } : undefined),
        ...optional("because", because ? this.wordList(because) : undefined),
        ...optional("asking", asking ? this.wordList(asking) : undefined),
        ...optional("underException", optionalWord(firstToken(underException?.children.Name))),
        requiresPriorApproval: firstNode(children.requiresPriorApprovalClause) !== undefined,
        excludesServicesOf: (children.excludesServicesExpectation ?? []).flatMap((clause) => {
          const section = firstToken(clause.children.Name);
          return section ? [word(section)] : [];
        }),
        ...optional("qualifiedUnder", qualified ? this.wordList(qualified) : undefined),
        ...optional(
          "limitations",
          limitations ? (present(limitations.children.Kw_no) ? [] : this.wordList(limitations)) : undefined,
        ),
      },
    ];
  }

  // ----- expressions -----------------------------------------------------------------------------

  expressionOf(node: Cst.ExpressionCstNode | undefined): Ast.Expression | undefined {
    if (!node) return undefined;
    const operands = (node.children.andExpression ?? []).flatMap((child) => this.andExpression(child) ?? []);
    return chain(node, "or", operands);
  }

  private andExpression(node: Cst.AndExpressionCstNode): Ast.Expression | undefined {
    const operands = (node.children.notExpression ?? []).flatMap((child) => this.notExpression(child) ?? []);
    return chain(node, "and", operands);
  }

  private notExpression(node: Cst.NotExpressionCstNode): Ast.Expression | undefined {
    const span = nodeSpan(node);
    const inner = firstNode(node.children.notExpression);
    if (inner) {
      const operand = this.notExpression(inner);
      return operand && span ? { kind: "not", operand, span } : undefined;
    }
    const atom = firstNode(node.children.atom);
    if (!atom) return undefined;
    const parenthesized = firstNode(atom.children.parenthesized);
    if (parenthesized) return this.expressionIn(parenthesized);
    return this.atomOf(atom.children);
  }

  /** An atom of a condition but parentheses: in a condition, or in a billing rule's guard. */
  private atomOf(atom: Omit<Cst.AtomCstChildren, "parenthesized">): Ast.Expression | undefined {
    const quantified = firstNode(atom.quantified);
    if (quantified) return this.quantified(quantified);
    const records = firstNode(atom.recordQuantifier);
    if (records) return this.recordQuantifier(records);
    const call = firstNode(atom.definitionCall);
    if (call) {
      const callee = firstToken(call.children.Name);
      const callSpan = nodeSpan(call);
      const args = (call.children.term ?? []).map((term) => this.term(term));
      return callee && callSpan && args.every((argument): argument is Ast.Operand => argument !== undefined)
        ? { kind: "call", name: word(callee), arguments: args, span: callSpan }
        : undefined;
    }
    const reference = firstNode(atom.statementReference);
    if (reference) return this.statementReference(reference);
    const predicate = firstNode(atom.predicate);
    return predicate ? this.predicate(predicate) : undefined;
  }

  private statementReference(node: Cst.StatementReferenceCstNode): Ast.Expression | undefined {
    const span = nodeSpan(node);
    const id = firstToken(node.children.Name);
    if (!span || !id) return undefined;
    return {
      kind: "statementReference",
      target: present(node.children.Kw_section) ? "section" : "criterion",
      id: word(id),
      span,
    };
  }

  private quantified(node: Cst.QuantifiedCstNode): Ast.Expression | undefined {
    const { children } = node;
    const span = nodeSpan(node);
    const operands = (children.expression ?? []).flatMap((child) => this.expressionOf(child) ?? []);
    if (!span || operands.length === 0) return undefined;
    const count = firstToken(children.NumberLiteral);
    const atLeast: number | "all" = present(children.Kw_all) ? "all" : count ? Number(count.image) : 1;
    return { kind: "quantified", atLeast, operands, span };
  }

  private recordQuantifier(node: Cst.RecordQuantifierCstNode): Ast.Expression | undefined {
    const { children } = node;
    const span = nodeSpan(node);
    const bindingNode = firstNode(children.recordBinding);
    const [variable, list] = inText(bindingNode?.children.Name);
    if (!span || !variable || !list) return undefined;
    const binding: Ast.RecordBinding = { variable: word(variable), list: word(list) };
    const filter = this.expressionIn(firstNode(children.whereClause));
    const withFilter = optional("filter", filter);
    if (present(children.Kw_some) || present(children.Kw_no)) {
      const quantifier = present(children.Kw_some) ? "some" : "none";
      return { kind: "records", quantifier, binding, ...withFilter, span };
    }
    if (present(children.Kw_count)) {
      const parenthesized = firstNode(children.parenthesized);
      const filterName = firstToken(children.Name);
      const countFilter: Ast.Expression | undefined = parenthesized
        ? this.expressionIn(parenthesized)
        : filterName
          ? { kind: "reference", name: word(filterName), span: tokenSpan(filterName) }
          : undefined;
      const comparison = firstNode(children.comparisonTail);
      const than = this.term(firstNode(comparison?.children.term));
      const operator = comparison ? comparisonOperator(comparison.children) : undefined;
      if (!than || !operator) return undefined;
      return {
        kind: "records",
        quantifier: "count",
        binding,
        ...optional("filter", countFilter),
        operator,
        than,
        span,
      };
    }
    const test = this.expressionIn(firstNode(children.hasClause));
    if (!test) return undefined;
    if (present(children.Kw_every)) return { kind: "records", quantifier: "every", binding, ...withFilter, test, span };
    const by = firstToken(children.Word);
    if (!by) return undefined;
    const quantifier = present(children.Kw_latest) ? "latest" : "earliest";
    return { kind: "records", quantifier, binding, by: word(by), ...withFilter, test, span };
  }

  private operand(node: Cst.OperandCstNode | undefined): Ast.Operand | undefined {
    if (!node) return undefined;
    const span = nodeSpan(node);
    if (!span) return undefined;
    const { children } = node;
    if (present(children.Kw_service)) return { kind: "serviceDate", span };
    const name = firstToken(children.Name);
    if (name) return { kind: "name", name: word(name), span };
    const number = firstToken(children.NumberLiteral);
    if (number) return { kind: "number", value: Number(number.image), span };
    const percent = firstToken(children.PercentLiteral);
    if (percent) return { kind: "number", value: percentValue(percent), percent: true, span };
    const date = firstToken(children.DateLiteral);
    if (date) return { kind: "date", value: date.image, span };
    return { kind: "boolean", value: present(children.Kw_yes), span };
  }

  /** An operand, moved by a duration when one follows it: `service date - 30 days`. */
  private term(node: Cst.TermCstNode | undefined): Ast.Operand | undefined {
    if (!node) return undefined;
    const date = this.operand(firstNode(node.children.operand));
    const offset = firstNode(node.children.dateOffset);
    if (!offset || !date) return date;
    const span = nodeSpan(node);
    const duration = this.duration(firstNode(offset.children.duration));
    if (!span || !duration) return undefined;
    return { kind: "offset", date, sign: present(offset.children.Minus) ? "-" : "+", duration, span };
  }

  private duration(node: Cst.DurationCstNode | undefined): Ast.Duration | undefined {
    if (!node) return undefined;
    const span = nodeSpan(node);
    const count = firstToken(node.children.NumberLiteral);
    const unit = firstToken(node.children.Word);
    if (!span || !count || !unit) return undefined;
    return { count: countOf(count), unit: word(unit), span };
  }

  /** The window after `is` (`within 30 days before`, `between day 61 and day 90 after`) and its anchor date. */
  private dateWindow(tail: Cst.IsTailCstNode): { window: Ast.DateWindow; anchor: Ast.Operand } | undefined {
    const within = firstNode(tail.children.withinWindow);
    if (within) {
      const { children } = within;
      const duration = this.duration(firstNode(children.duration));
      const anchor = this.operand(firstNode(children.operand));
      const side = present(children.Kw_before) ? "before" : present(children.Kw_after) ? "after" : "of";
      return duration && anchor ? { window: { kind: "within", duration, side }, anchor } : undefined;
    }
    const days = firstNode(tail.children.daysWindow);
    if (!days) return undefined;
    const [first, last] = inText(days.children.NumberLiteral);
    const anchor = this.operand(firstNode(days.children.operand));
    if (!first || !last || !anchor) return undefined;
    const side = present(days.children.Kw_before) ? "before" : "after";
    return { window: { kind: "days", first: countOf(first), last: countOf(last), side }, anchor };
  }

  private value(node: Cst.ValueCstNode | undefined): Ast.Value | undefined {
    if (!node) return undefined;
    const { children } = node;
    const wordToken = firstToken(children.Word);
    if (wordToken) return { kind: "word", word: word(wordToken), span: tokenSpan(wordToken) };
    const number = firstToken(children.NumberLiteral);
    if (number) return { kind: "number", value: Number(number.image), span: tokenSpan(number) };
    const percent = firstToken(children.PercentLiteral);
    if (percent) return { kind: "number", value: percentValue(percent), percent: true, span: tokenSpan(percent) };
    const date = firstToken(children.DateLiteral);
    return date ? { kind: "date", value: date.image, span: tokenSpan(date) } : undefined;
  }

  private values(list: Cst.ValueListCstNode): Ast.Value[] {
    return (list.children.value ?? []).flatMap((value) => this.value(value) ?? []);
  }

  /** The values after `is` or `contains`: a list in parentheses, or a single value. */
  private tailValues(tail: Cst.IsTailCstNode | Cst.ContainsTailCstNode): { values: Ast.Value[]; isList: boolean } {
    const list = firstNode(tail.children.valueList);
    if (list) return { values: this.values(list), isList: true };
    return { values: [this.value(firstNode(tail.children.value))].flatMap((value) => value ?? []), isList: false };
  }

  private predicate(node: Cst.PredicateCstNode): Ast.Expression | undefined {
    const { children } = node;
    const span = nodeSpan(node);
    const subject = this.term(firstNode(children.term));
    if (!span || !subject) return undefined;

    const isTail = firstNode(children.isTail);
    if (isTail && (isTail.children.withinWindow ?? isTail.children.daysWindow)) {
      const windowed = this.dateWindow(isTail);
      if (!windowed) return undefined;
      return { kind: "dateWindow", subject, negated: present(isTail.children.Kw_not), ...windowed, span };
    }
    const valueSet = isTail && present(isTail.children.Kw_in) ? firstToken(isTail.children.Name) : undefined;
    if (isTail && valueSet) {
      const negated = present(isTail.children.Kw_not);
      return { kind: "inValueSet", subject, mode: "one", negated, valueSet: word(valueSet), span };
    }
    const hasTail = firstNode(children.hasTail);
    const anyIn = hasTail && firstToken(hasTail.children.Name);
    if (anyIn) return { kind: "inValueSet", subject, mode: "any", negated: false, valueSet: word(anyIn), span };
    if (isTail) {
      const { values, isList } = this.tailValues(isTail);
      return { kind: "is", subject, negated: present(isTail.children.Kw_not), values, oneOf: isList, span };
    }
    const comparison = firstNode(children.comparisonTail);
    if (comparison) {
      const right = this.term(firstNode(comparison.children.term));
      const operator = comparisonOperator(comparison.children);
      if (!right || !operator) return undefined;
      return { kind: "comparison", operator, left: subject, right, span };
    }
    const contains = firstNode(children.containsTail);
    if (contains) {
      const { values } = this.tailValues(contains);
      return { kind: "contains", subject, mode: present(contains.children.Kw_any) ? "any" : "all", values, span };
    }
    switch (subject.kind) {
      case "name":
        return { kind: "reference", name: subject.name, span };
      case "boolean":
        return { kind: "literal", value: subject.value, span };
      case "number":
      case "date":
      case "serviceDate":
      case "offset":
        this.diagnostics.push(
          diagnostic(
            catalogue.typeMismatch,
            this.path,
            span,
            {
              subject: operandSource(subject),
              is: subject.kind === "number" ? "a number" : "a date",
              needs: { by: "condition" },
            },
            { hint: "Compare it with something, for example `member.age < 21`." },
          ),
        );
        return undefined;
    }
  }
}

function countOf(token: IToken): Ast.Count {
  return { value: Number(token.image), span: tokenSpan(token) };
}

/** An `and` or `or` of the operands, or the one operand alone. */
/**
 * Guards joined by `and` or `or`: one claim condition when none tests the decision (so the rule reads
 * as any condition over claim facts does), else a join of guards. Undefined when one did not parse.
 */
function joinGuards(
  node: CstNode,
  kind: "and" | "or",
  operands: readonly (Ast.BillingGuard | undefined)[],
): Ast.BillingGuard | undefined {
  const span = nodeSpan(node);
  const parsed = operands.filter((operand) => operand !== undefined);
  if (parsed.length === 0 || parsed.length < operands.length || !span) return undefined;
  if (parsed.length === 1) return parsed[0];
  const conditions = parsed.flatMap((operand) => (operand.kind === "claim" ? [operand.condition] : []));
  if (conditions.length === parsed.length) return { kind: "claim", condition: { kind, operands: conditions, span } };
  return { kind, operands: parsed, span };
}

function chain(node: CstNode, kind: "and" | "or", operands: Ast.Expression[]): Ast.Expression | undefined {
  const span = nodeSpan(node);
  if (operands.length === 0 || !span) return undefined;
  return operands.length === 1 ? operands[0] : { kind, operands, span };
}

/** The operator of a comparison: the one token of the comparison's own (the operand after it is a node). */
function comparisonOperator(children: Cst.ComparisonTailCstChildren): Ast.ComparisonOperator | undefined {
  for (const [tokenName, operator] of Object.entries(comparisonOperators)) {
    if (present(children[tokenName as keyof typeof comparisonOperators])) return operator;
  }
  return undefined;
}

type ArithmeticOperator = "+" | "-" | "*" | "/";

function operatorTokens(
  tokens: readonly IToken[] | undefined,
  operator: ArithmeticOperator,
): { token: IToken; operator: ArithmeticOperator }[] {
  return inText(tokens).map((token) => ({ token, operator }));
}

/** Operands joined by the operators between them, left to right (the operators in any order: they are sorted by place). */
function leftToRight(
  operands: readonly (Ast.NumericExpression | undefined)[],
  operators: readonly { token: IToken; operator: ArithmeticOperator }[],
): Ast.NumericExpression | undefined {
  const inOrder = [...operators].sort((a, b) => a.token.startOffset - b.token.startOffset);
  let result = operands[0];
  for (let i = 1; i < operands.length && result; i++) {
    const right = operands[i];
    const operator = inOrder[i - 1];
    if (!right || !operator) return undefined;
    result = {
      kind: "binary",
      operator: operator.operator,
      left: result,
      right,
      span: joinSpans(result.span, right.span),
    };
  }
  return result;
}

/** Spreads `{ key: value }` only when the value is defined, so optional fields stay absent. */
/**
 * What an alternative's `in <id> <clause>` replaces and with what: a category's word, a condition's
 * expression, or a whole `not covered` clause (which may turn `when` into `unless`).
 */
function replacedValue(
  children: Cst.AlternativeReplacementCstChildren,
): Pick<Ast.AlternativeReplacement, "clause" | "value" | "valueText"> | undefined {
  const category = firstToken(firstNode(children.categoryClause)?.children.Word);
  if (category) return { clause: "category", value: tokenSpan(category), valueText: category.image };
  const effective = firstToken(firstNode(children.effectiveClause)?.children.DateLiteral);
  if (effective) return { clause: "effective", value: tokenSpan(effective), valueText: effective.image };
  const added = firstNode(firstNode(children.addedClause)?.children.revisionName);
  const addedSpan = added && nodeSpan(added);
  if (added && addedSpan) return { clause: "addedIn", value: addedSpan, valueText: tokensUnder(added).join(" ") };
  const [clause, node]: [Ast.AlternativeClause, CstNode | undefined] = children.excludesServicesClause
    ? ["excludesServices", firstNode(children.excludesServicesClause)]
    : children.alternativeRuleClause
      ? ["rule", firstNode(firstNode(children.alternativeRuleClause)?.children.ruleBody)]
      : children.alternativeGroupClause
        ? ["group", firstNode(firstNode(children.alternativeGroupClause)?.children.codeList)]
        : children.overridesClause
          ? ["overrides", firstNode(firstNode(children.overridesClause)?.children.wordList)]
          : children.notCoveredClause
            ? ["notCovered", firstNode(children.notCoveredClause)]
            : children.metWhenClause
              ? ["metWhen", firstNode(firstNode(children.metWhenClause)?.children.expression)]
              : children.definitionAsClause
                ? ["definitionBody", firstNode(firstNode(children.definitionAsClause)?.children.expression)]
                : ["appliesWhen", firstNode(firstNode(children.appliesClause)?.children.expression)];
  const value = node && nodeSpan(node);
  return value && { clause, value, valueText: tokensUnder(node).join(" ") };
}

/** The images of the tokens under a node that are in the text, in order (for an alternative's few tokens). */
function tokensUnder(node: CstNode): string[] {
  const tokens: IToken[] = [];
  const collect = (element: CstNode | IToken) => {
    if ("image" in element) {
      if (isInText(element)) tokens.push(element);
    } else for (const children of Object.values(element.children)) for (const child of children) collect(child);
  };
  collect(node);
  return tokens.sort((a, b) => a.startOffset - b.startOffset).map((token) => token.image);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function cstToAst(
  cst: Cst.FileCstNode,
  file: string,
): { statements: Ast.Statement[]; partialStatements: Ast.PartialStatement[]; diagnostics: Diagnostic[] } {
  const builder = new AstBuilder(file);
  const statements = builder.statements(cst);
  return { statements, partialStatements: builder.partialStatements, diagnostics: builder.diagnostics };
}

/** The number of a percent literal: `88.5%` is 88.5 (with the unit percent, kept by the node). */
function percentValue(token: IToken): number {
  return Number(token.image.slice(0, -1));
}
