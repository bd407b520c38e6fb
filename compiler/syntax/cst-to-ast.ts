// From Chevrotain's concrete syntax tree to the AST (ast.ts). Tolerates the partial nodes that
// error recovery leaves behind: a statement missing its name is dropped (the syntax error already
// says why), and a clause given twice is reported once and the first one kept.

import type { CstNode, IToken } from "chevrotain";
import type * as Ast from "./ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ClauseOwner } from "../diagnostics/message-arguments.js";
import { decodeText } from "./text-literals.js";
import { isInText, isToken, joinSpans, nodeSpan, tokenSpan } from "./cst-tokens.js";

function childNodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((element): element is CstNode => !isToken(element));
}

function childTokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter(isToken).filter(isInText);
}

function childNode(node: CstNode, key: string): CstNode | undefined {
  return childNodes(node, key)[0];
}

function childToken(node: CstNode, key: string): IToken | undefined {
  return childTokens(node, key)[0];
}

function keyword(node: CstNode, word: string): IToken | undefined {
  return childToken(node, `Kw_${word}`);
}

function word(token: IToken): Ast.Word {
  return { text: token.image, span: tokenSpan(token) };
}

class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly path: string) {}

  // ----- helpers ---------------------------------------------------------------------------------

  private text(node: CstNode | undefined): Ast.TextLiteral | undefined {
    if (!node) return undefined;
    const token = childToken(node, "Text") ?? childToken(node, "TextBlock");
    return token ? { value: decodeText(token.image), span: tokenSpan(token) } : undefined;
  }

  /** The single clause of a kind; a second one is reported and ignored. */
  private single(node: CstNode, clause: string, statement: ClauseOwner): CstNode | undefined {
    const clauses = childNodes(node, clause);
    for (const extra of clauses.slice(1)) {
      const span = nodeSpan(extra);
      const first = clauses[0] ? nodeSpan(clauses[0]) : undefined;
      if (!span) continue;
      this.diagnostics.push(
        diagnostic(
          catalogue.duplicateClause,
          this.path,
          span,
          { statement },
          {
            hint: "Remove one of the two clauses.",
            related: first ? [{ file: this.path, span: first, message: "first given here" }] : [],
          },
        ),
      );
    }
    return clauses[0];
  }

  /** The text of a single `<keyword> "text"` clause, such as `title` or `ask`. */
  private clauseText(node: CstNode, clause: string, statement: ClauseOwner): Ast.TextLiteral | undefined {
    const found = this.single(node, clause, statement);
    return found ? this.text(childNode(found, "text")) : undefined;
  }

  private readings(node: CstNode): Ast.Reading[] {
    return childNodes(node, "readingClause").flatMap((clause) => {
      const text = this.text(childNode(clause, "text"));
      return text ? [{ text }] : [];
    });
  }

  private monthOf(clause: CstNode | undefined): Ast.Word | undefined {
    const token = clause ? childToken(clause, "MonthLiteral") : undefined;
    return token ? word(token) : undefined;
  }

  private lifetime(node: CstNode, statement: ClauseOwner): Ast.Lifetime {
    const added = this.monthOf(this.single(node, "addedClause", statement));
    const removed = this.monthOf(this.single(node, "removedClause", statement));
    return { ...(added && { added }), ...(removed && { removed }) };
  }

  private category(node: CstNode, statement: ClauseOwner): Ast.Word | undefined {
    const clause = this.single(node, "categoryClause", statement);
    const token = clause ? childToken(clause, "Word") : undefined;
    return token ? word(token) : undefined;
  }

  private wordList(node: CstNode | undefined): Ast.Word[] {
    const list = node ? childNode(node, "wordList") : undefined;
    return list ? childTokens(list, "Word").map(word) : [];
  }

  // ----- statements ------------------------------------------------------------------------------

  statements(cst: CstNode): Ast.Statement[] {
    const statements: Ast.Statement[] = [];
    for (const statement of childNodes(cst, "statement")) {
      for (const [kind, nodes] of Object.entries(statement.children)) {
        for (const node of nodes) {
          if (!isToken(node)) statements.push(...this.statement(kind, node));
        }
      }
    }
    return statements;
  }

  private statement(kind: string, node: CstNode): Ast.Statement[] {
    const span = nodeSpan(node);
    if (!span) return [];
    switch (kind) {
      case "policyStatement":
        return this.policy(node, span);
      case "revisionStatement":
        return this.revision(node, span);
      case "categoryStatement":
        return this.categoryDeclaration(node, span);
      case "factStatement":
        return this.fact(node, span);
      case "defineStatement":
        return this.definition(childNode(node, "definitionBody"), this.readings(node), undefined, span);
      case "sectionStatement":
        return this.section(node, span);
      case "criterionStatement":
        return this.criterion(node, span);
      case "exclusionStatement":
        return this.exclusion(node, span);
      case "noteStatement":
        return this.note(node, span);
      case "serviceStatement":
        return this.service(node, span);
      case "exceptionStatement":
        return this.exception(node, span);
      case "proseStatement":
        return this.prose(node, span);
      case "codeStatement":
        return this.code(node, span);
      case "codeGroupStatement":
        return this.codeGroup(node, span);
      case "claimCaseStatement":
        return this.claimCase(node, span);
      case "referenceStatement":
        return this.reference(node, span);
      case "casesStatement":
        return this.casesHeader(node, span);
      case "factSetStatement":
        return this.factSet(node, span);
      case "caseStatement":
        return this.caseStatement(node, span);
      case "layoutStatement":
        return this.layout(node, span);
      default:
        return [];
    }
  }

  private policy(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const reference = childToken(node, "Name");
    if (!reference) return [];
    const clauseText = (clause: string) => this.clauseText(node, clause, "policy");
    const lastReview = this.single(node, "lastReviewClause", "policy");
    const lastReviewToken = lastReview ? childToken(lastReview, "MonthLiteral") : undefined;
    const header: Ast.PolicyHeader = {
      kind: "policy",
      span,
      reference: word(reference),
      ...optional("title", clauseText("titleClause")),
      ...optional("plan", clauseText("planClause")),
      ...optional("description", clauseText("descriptionClause")),
      ...optional("lastReview", lastReviewToken ? word(lastReviewToken) : undefined),
      ...optional("publishedText", clauseText("publishedTextClause")),
      readings: this.readings(node),
    };
    return [header];
  }

  private revision(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const approved = childToken(node, "MonthLiteral");
    const text = this.text(childNode(node, "text"));
    if (!approved || !text) return [];
    const reviewed = this.monthOf(this.single(node, "reviewedClause", "revision"));
    const effectiveClause = this.single(node, "effectiveClause", "revision");
    const effectiveToken = effectiveClause ? childToken(effectiveClause, "DateLiteral") : undefined;
    return [
      {
        kind: "revision",
        span,
        approved: word(approved),
        text,
        ...optional("reviewed", reviewed),
        ...optional("effective", effectiveToken ? word(effectiveToken) : undefined),
        readings: this.readings(node),
      },
    ];
  }

  private categoryDeclaration(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const name = childToken(node, "Word");
    const description = this.text(childNode(node, "text"));
    if (!name || !description) return [];
    return [{ kind: "category", span, name: word(name), description }];
  }

  private fact(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const name = childToken(node, "Name");
    const typeNode = childNode(node, "factType");
    const type = typeNode ? this.factType(typeNode) : undefined;
    if (!name || !type) return [];
    const description = this.clauseText(node, "descriptionClause", "fact");
    const question = this.clauseText(node, "askClause", "fact");
    const forClaims = keyword(node, "claim") !== undefined;
    return [
      {
        kind: "fact",
        span,
        name: forClaims ? { text: `claim.${name.image}`, span: tokenSpan(name) } : word(name),
        forClaims,
        type,
        ...optional("description", description),
        ...optional("question", question),
        readings: this.readings(node),
      },
    ];
  }

  private factType(node: CstNode): Ast.FactType | undefined {
    const span = nodeSpan(node);
    if (!span) return undefined;
    if (childNode(node, "booleanType")) return { kind: "boolean", span };
    if (keyword(node, "date")) return { kind: "date", span };
    const numberType = childNode(node, "numberType");
    if (numberType) {
      const bounds = childTokens(numberType, "NumberLiteral").map((token) => Number(token.image));
      const unit = this.text(childNode(numberType, "text"));
      return {
        kind: "number",
        span,
        ...optional("unit", unit),
        ...optional("min", bounds[0]),
        ...optional("max", bounds[1]),
      };
    }
    const enumType = childNode(node, "oneOfType") ?? childNode(node, "setOfType");
    if (!enumType) return undefined;
    const declarations = childNode(enumType, "valueDeclarations");
    const values = declarations
      ? childNodes(declarations, "valueDeclaration").flatMap((declaration) => {
          const name = childToken(declaration, "Word");
          const label = this.text(childNode(declaration, "text"));
          return name ? [{ name: word(name), ...optional("label", label) }] : [];
        })
      : [];
    return { kind: childNode(node, "oneOfType") ? "oneOf" : "setOf", span, values };
  }

  private definition(
    body: CstNode | undefined,
    readings: Ast.Reading[],
    definedByNote: Ast.Word | undefined,
    span: Ast.Span,
  ): Ast.Statement[] {
    if (!body) return [];
    const name = childToken(body, "Name");
    const label = this.text(childNode(body, "text"));
    const expression = this.expressionOf(childNode(body, "expression"));
    if (!name || !label || !expression) return [];
    return [
      {
        kind: "definition",
        span,
        name: word(name),
        label,
        body: expression,
        ...optional("definedByNote", definedByNote),
        readings,
      },
    ];
  }

  private section(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const title = this.text(childNode(node, "text"));
    if (!id || !title) return [];
    const applies = this.single(node, "appliesClause", "section");
    return [
      {
        kind: "section",
        span,
        id: word(id),
        title,
        ...optional("appliesWhen", this.expressionOf(applies ? childNode(applies, "expression") : undefined)),
        ...this.lifetime(node, "section"),
        readings: this.readings(node),
      },
    ];
  }

  private criterion(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const text = this.text(childNode(node, "text"));
    if (!id || !text) return [];
    const met = this.single(node, "metWhenClause", "criterion");
    return [
      {
        kind: "criterion",
        span,
        id: word(id),
        text,
        ...optional("metWhen", this.expressionOf(met ? childNode(met, "expression") : undefined)),
        ...optional("category", this.category(node, "criterion")),
        ...this.lifetime(node, "criterion"),
        readings: this.readings(node),
      },
    ];
  }

  private notCovered(node: CstNode, statement: ClauseOwner): Ast.NotCoveredRule | undefined {
    const clause = this.single(node, "notCoveredClause", statement);
    const span = clause ? nodeSpan(clause) : undefined;
    const condition = this.expressionOf(clause ? childNode(clause, "expression") : undefined);
    if (!clause || !span || !condition) return undefined;
    return { condition, unless: keyword(clause, "unless") !== undefined, span };
  }

  private exclusion(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const text = this.text(childNode(node, "text"));
    if (!id || !text) return [];
    return [
      {
        kind: "exclusion",
        span,
        id: word(id),
        text,
        ...optional("notCovered", this.notCovered(node, "exclusion")),
        ...optional("category", this.category(node, "exclusion")),
        ...this.lifetime(node, "exclusion"),
        readings: this.readings(node),
      },
    ];
  }

  private note(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const idToken = childToken(node, "Name");
    const text = this.text(childNode(node, "text"));
    if (!idToken || !text) return [];
    const id = word(idToken);
    const items = childNodes(node, "itemClause").flatMap((clause) => {
      const label = childToken(clause, "Word") ?? childToken(clause, "NumberLiteral");
      const itemText = this.text(childNode(clause, "text"));
      return label && itemText ? [{ label: word(label), text: itemText }] : [];
    });
    const servicesClause = this.single(node, "excludesServicesClause", "note");
    const servicesSection = servicesClause ? childToken(servicesClause, "Name") : undefined;
    const servicesCondition = this.expressionOf(servicesClause ? childNode(servicesClause, "expression") : undefined);
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
      ...optional("notCovered", this.notCovered(node, "note")),
      ...optional("excludesServices", excludesServices),
      ...optional("category", this.category(node, "note")),
      ...this.lifetime(node, "note"),
      readings: this.readings(node),
    };
    const definitions = childNodes(node, "definesClause").flatMap((clause) => {
      const clauseSpan = nodeSpan(clause);
      return clauseSpan ? this.definition(childNode(clause, "definitionBody"), [], id, clauseSpan) : [];
    });
    return [note, ...definitions];
  }

  private service(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const text = this.text(childNode(node, "text"));
    if (!id || !text) return [];
    return [
      { kind: "service", span, id: word(id), text, ...this.lifetime(node, "service"), readings: this.readings(node) },
    ];
  }

  private exception(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const title = this.text(childNode(node, "text"));
    if (!id || !title) return [];
    const applies = this.single(node, "appliesClause", "exception");
    const textClause = this.single(node, "textClause", "exception");
    const priorApprovalText = this.single(node, "priorApprovalTextClause", "exception");
    return [
      {
        kind: "exception",
        span,
        id: word(id),
        title,
        ...optional("appliesWhen", this.expressionOf(applies ? childNode(applies, "expression") : undefined)),
        mayOverride: this.wordList(this.single(node, "mayOverrideClause", "exception")),
        neverOverrides: this.wordList(this.single(node, "neverOverridesClause", "exception")),
        overrides: this.wordList(this.single(node, "overridesClause", "exception")),
        requiresPriorApproval: this.single(node, "requiresPriorApprovalClause", "exception") !== undefined,
        ...optional("text", this.text(textClause ? childNode(textClause, "text") : undefined)),
        ...optional(
          "priorApprovalText",
          this.text(priorApprovalText ? childNode(priorApprovalText, "text") : undefined),
        ),
        ...this.lifetime(node, "exception"),
        readings: this.readings(node),
      },
    ];
  }

  private prose(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const id = childToken(node, "Name");
    const title = this.text(childNode(node, "text"));
    if (!id || !title) return [];
    const textClause = this.single(node, "textClause", "prose");
    const notEncoded = this.single(node, "notEncodedClause", "prose");
    return [
      {
        kind: "prose",
        span,
        id: word(id),
        title,
        ...optional("text", this.text(textClause ? childNode(textClause, "text") : undefined)),
        ...optional("notEncodedBecause", this.text(notEncoded ? childNode(notEncoded, "text") : undefined)),
        readings: this.readings(node),
      },
    ];
  }

  private code(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const code = childToken(node, "Name");
    const description = this.text(childNode(node, "text"));
    if (!code || !description) return [];
    const modifier = childToken(node, "Word");
    const billing = childNodes(node, "billingClause").flatMap((clause) => {
      const text = this.text(childNode(clause, "text"));
      const clauseSpan = nodeSpan(clause);
      return text && clauseSpan
        ? [{ text, span: clauseSpan, ...this.lifetime(clause, "billing note"), rules: this.billingRules(clause) }]
        : [];
    });
    return [
      {
        kind: "code",
        span,
        code: word(code),
        ...optional("modifier", modifier ? word(modifier) : undefined),
        description,
        rules: this.billingRules(node),
        billing,
        readings: this.readings(node),
      },
    ];
  }

  private codeGroup(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const name = childToken(node, "Name");
    const description = this.text(childNode(node, "text"));
    if (!name || !description) return [];
    return [{ kind: "codeGroup", span, name: word(name), description, codes: this.wordList(node) }];
  }

  private billingRules(node: CstNode): Ast.BillingRule[] {
    return childNodes(node, "ruleClause").flatMap((clause) => {
      const id = childToken(clause, "Name");
      const span = nodeSpan(clause);
      const body = this.ruleBody(childNode(clause, "ruleBody"));
      if (!id || !span || !body) return [];
      const from = this.single(clause, "fromClause", "rule");
      const fromName = from ? childToken(from, "Name") : undefined;
      return [
        {
          id: word(id),
          body,
          ...optional("from", fromName ? word(fromName) : undefined),
          ...optional("says", this.clauseText(clause, "saysClause", "rule")),
          readings: this.readings(clause),
          span,
        },
      ];
    });
  }

  private ruleBody(node: CstNode | undefined): Ast.BillingRuleBody | undefined {
    if (!node) return undefined;
    const condition = this.expressionOf(childNode(node, "expression"));
    if (keyword(node, "only")) return condition ? { kind: "billedOnlyWhen", condition } : undefined;
    if (keyword(node, "not")) return condition ? { kind: "notBilledWhen", condition } : undefined;
    const modifier = keyword(node, "requires") ? childToken(node, "Word") : undefined;
    if (keyword(node, "requires")) return modifier ? { kind: "requiresModifier", modifier: word(modifier) } : undefined;
    const group = childToken(node, "Name");
    if (keyword(node, "each")) return group ? { kind: "billedWithEach", group: word(group) } : undefined;
    const limit = this.numeric(childNode(node, "numericExpression"));
    if (!limit) return undefined;
    const rounding = keyword(node, "up") ? "up" : keyword(node, "down") ? "down" : undefined;
    return { kind: "unitsAtMost", limit, ...optional("rounding", rounding) };
  }

  /** `a + b - c` and `a * b / c`, left to right. */
  private numeric(node: CstNode | undefined): Ast.NumericExpression | undefined {
    if (!node) return undefined;
    const isSum = node.name === "numericExpression";
    const operands = childNodes(node, isSum ? "numericProduct" : "numericAtom").map((child) =>
      isSum ? this.numeric(child) : this.numericAtom(child),
    );
    const operators = (isSum ? ["Plus", "Minus"] : ["Times", "Divide"])
      .flatMap((kind) => childTokens(node, kind))
      .sort((a, b) => a.startOffset - b.startOffset);
    let result = operands[0];
    for (let i = 1; i < operands.length && result; i++) {
      const right = operands[i];
      const operator = operators[i - 1];
      if (!right || !operator) return undefined;
      result = {
        kind: "binary",
        operator: operator.image as "+" | "-" | "*" | "/",
        left: result,
        right,
        span: joinSpans(result.span, right.span),
      };
    }
    return result;
  }

  private numericAtom(node: CstNode): Ast.NumericExpression | undefined {
    const number = childToken(node, "NumberLiteral");
    if (number) return { kind: "number", value: Number(number.image), span: tokenSpan(number) };
    const name = childToken(node, "Name");
    if (name) return { kind: "name", name: word(name), span: tokenSpan(name) };
    return this.numeric(childNode(node, "numericExpression"));
  }

  private claimCase(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const title = this.text(childNode(node, "text"));
    if (!title) return [];
    const on = this.single(node, "onClause", "claim case");
    const onToken = on ? childToken(on, "DateLiteral") : undefined;
    const lines = childNodes(node, "lineClause").flatMap((clause) => {
      const code = childToken(clause, "Name");
      const units = childToken(clause, "NumberLiteral");
      const lineSpan = nodeSpan(clause);
      return code && units && lineSpan
        ? [{ code: word(code), modifiers: this.wordList(clause), units: Number(units.image), span: lineSpan }]
        : [];
    });
    const expectClause = this.single(node, "expectClaimClause", "claim case");
    const expectSpan = expectClause ? nodeSpan(expectClause) : undefined;
    return [
      {
        kind: "claimCase",
        span,
        title,
        ...optional("on", onToken ? word(onToken) : undefined),
        assignments: this.assignments(node),
        lines,
        ...optional(
          "expect",
          expectClause && expectSpan ? { violations: this.wordList(expectClause), span: expectSpan } : undefined,
        ),
      },
    ];
  }

  private layout(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const text = this.text(childNode(node, "text"));
    const notEncoded = childNode(node, "notEncodedClause");
    const reason = this.text(notEncoded ? childNode(notEncoded, "text") : undefined);
    return text && reason ? [{ kind: "layout", span, text, notEncodedBecause: reason }] : [];
  }

  private reference(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const number = childToken(node, "NumberLiteral");
    const texts = childNodes(node, "text").map((textNode) => this.text(textNode));
    const text = texts[0];
    if (!number || !text) return [];
    return [{ kind: "reference", span, number: Number(number.image), text, ...optional("link", texts[1]) }];
  }

  // ----- case files ------------------------------------------------------------------------------

  private casesHeader(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const policy = childToken(node, "Name");
    return policy ? [{ kind: "cases", span, policy: word(policy) }] : [];
  }

  private given(node: CstNode): Ast.Word[] {
    return childNodes(node, "givenClause").flatMap((clause) => {
      const name = childToken(clause, "Name");
      return name ? [word(name)] : [];
    });
  }

  private assignments(node: CstNode): Ast.Assignment[] {
    return childNodes(node, "assignment").flatMap((assignment) => {
      const fact = childToken(assignment, "Name");
      const span = nodeSpan(assignment);
      const value = this.assignedValue(assignment);
      return fact && span && value ? [{ fact: word(fact), value, span }] : [];
    });
  }

  private assignedValue(node: CstNode): Ast.AssignedValue | undefined {
    const list = childNode(node, "valueList");
    if (list) {
      const span = nodeSpan(list);
      return span ? { kind: "list", values: this.values(list), span } : undefined;
    }
    const value = this.value(childNode(node, "value"));
    if (!value) return undefined;
    if (value.kind === "word" && value.word.text === "unknown") return { kind: "unknown", span: value.span };
    return { kind: "value", value, span: value.span };
  }

  private factSet(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const name = childToken(node, "Name");
    const description = this.text(childNode(node, "text"));
    if (!name || !description) return [];
    return [
      {
        kind: "factSet",
        span,
        name: word(name),
        description,
        given: this.given(node),
        assignments: this.assignments(node),
      },
    ];
  }

  private caseStatement(node: CstNode, span: Ast.Span): Ast.Statement[] {
    const title = this.text(childNode(node, "text"));
    if (!title) return [];
    const on = this.single(node, "onClause", "case");
    const onToken = on ? childToken(on, "DateLiteral") : undefined;
    const expectClause = this.single(node, "expectClause", "case");
    const expectSpan = expectClause ? nodeSpan(expectClause) : undefined;
    const outcome: Ast.ExpectedOutcome | undefined = !expectClause
      ? undefined
      : keyword(expectClause, "pending")
        ? "pending"
        : keyword(expectClause, "not")
          ? "not_covered"
          : "covered";
    const because = this.single(node, "becauseClause", "case");
    const asking = this.single(node, "askingClause", "case");
    const underException = this.single(node, "underExceptionClause", "case");
    const underExceptionName = underException ? childToken(underException, "Name") : undefined;
    return [
      {
        kind: "case",
        span,
        title,
        ...optional("on", onToken ? word(onToken) : undefined),
        given: this.given(node),
        assignments: this.assignments(node),
        ...optional("expect", outcome && expectSpan ? { outcome, span: expectSpan } : undefined),
        ...optional("because", because ? this.wordList(because) : undefined),
        ...optional("asking", asking ? this.wordList(asking) : undefined),
        ...optional("underException", underExceptionName ? word(underExceptionName) : undefined),
        requiresPriorApproval: this.single(node, "requiresPriorApprovalClause", "case") !== undefined,
        excludesServicesOf: childNodes(node, "excludesServicesExpectation").flatMap((clause) => {
          const section = childToken(clause, "Name");
          return section ? [word(section)] : [];
        }),
      },
    ];
  }

  // ----- expressions -----------------------------------------------------------------------------

  expressionOf(node: CstNode | undefined): Ast.Expression | undefined {
    if (!node) return undefined;
    return this.chain(node, "andExpression", "or", (child) => this.andExpression(child));
  }

  private chain(
    node: CstNode,
    childKey: string,
    kind: "and" | "or",
    build: (child: CstNode) => Ast.Expression | undefined,
  ): Ast.Expression | undefined {
    const operands = childNodes(node, childKey).flatMap((child) => build(child) ?? []);
    const span = nodeSpan(node);
    if (operands.length === 0 || !span) return undefined;
    return operands.length === 1 ? operands[0] : { kind, operands, span };
  }

  private andExpression(node: CstNode): Ast.Expression | undefined {
    return this.chain(node, "notExpression", "and", (child) => this.notExpression(child));
  }

  private notExpression(node: CstNode): Ast.Expression | undefined {
    const span = nodeSpan(node);
    const inner = childNode(node, "notExpression");
    if (inner) {
      const operand = this.notExpression(inner);
      return operand && span ? { kind: "not", operand, span } : undefined;
    }
    const atom = childNode(node, "atom");
    if (!atom) return undefined;
    const parenthesized = childNode(atom, "parenthesized");
    if (parenthesized) return this.expressionOf(childNode(parenthesized, "expression"));
    const quantified = childNode(atom, "quantified");
    if (quantified) return this.quantified(quantified);
    const predicate = childNode(atom, "predicate");
    return predicate ? this.predicate(predicate) : undefined;
  }

  private quantified(node: CstNode): Ast.Expression | undefined {
    const span = nodeSpan(node);
    const operands = childNodes(node, "expression").flatMap((child) => this.expressionOf(child) ?? []);
    if (!span || operands.length === 0) return undefined;
    const count = childToken(node, "NumberLiteral");
    const atLeast: number | "all" = keyword(node, "all") ? "all" : count ? Number(count.image) : 1;
    return { kind: "quantified", atLeast, operands, span };
  }

  private operand(node: CstNode | undefined): Ast.Operand | undefined {
    if (!node) return undefined;
    const span = nodeSpan(node);
    if (!span) return undefined;
    if (keyword(node, "service")) return { kind: "serviceDate", span };
    const name = childToken(node, "Name");
    if (name) return { kind: "name", name: word(name), span };
    const number = childToken(node, "NumberLiteral");
    if (number) return { kind: "number", value: Number(number.image), span };
    const date = childToken(node, "DateLiteral");
    if (date) return { kind: "date", value: date.image, span };
    return { kind: "boolean", value: keyword(node, "yes") !== undefined, span };
  }

  private value(node: CstNode | undefined): Ast.Value | undefined {
    if (!node) return undefined;
    const wordToken = childToken(node, "Word");
    if (wordToken) return { kind: "word", word: word(wordToken), span: tokenSpan(wordToken) };
    const number = childToken(node, "NumberLiteral");
    if (number) return { kind: "number", value: Number(number.image), span: tokenSpan(number) };
    const date = childToken(node, "DateLiteral");
    return date ? { kind: "date", value: date.image, span: tokenSpan(date) } : undefined;
  }

  private values(list: CstNode): Ast.Value[] {
    return childNodes(list, "value").flatMap((value) => this.value(value) ?? []);
  }

  private predicate(node: CstNode): Ast.Expression | undefined {
    const span = nodeSpan(node);
    const subject = this.operand(childNode(node, "operand"));
    if (!span || !subject) return undefined;

    const isTail = childNode(node, "isTail");
    if (isTail) {
      const list = childNode(isTail, "valueList");
      const values = list ? this.values(list) : [this.value(childNode(isTail, "value"))].flatMap((v) => v ?? []);
      return {
        kind: "is",
        subject,
        negated: keyword(isTail, "not") !== undefined,
        values,
        oneOf: list !== undefined,
        span,
      };
    }
    const comparison = childNode(node, "comparisonTail");
    if (comparison) {
      const right = this.operand(childNode(comparison, "operand"));
      // The operator is the one token of the comparison's own; the operand after it is a node.
      const operatorToken = Object.values(comparison.children).flat().filter(isToken).find(isInText);
      if (!right || !operatorToken) return undefined;
      return {
        kind: "comparison",
        operator: operatorToken.image as Ast.ComparisonOperator,
        left: subject,
        right,
        span,
      };
    }
    const contains = childNode(node, "containsTail");
    if (contains) {
      const list = childNode(contains, "valueList");
      const values = list ? this.values(list) : [this.value(childNode(contains, "value"))].flatMap((v) => v ?? []);
      return { kind: "contains", subject, mode: keyword(contains, "any") ? "any" : "all", values, span };
    }
    switch (subject.kind) {
      case "name":
        return { kind: "reference", name: subject.name, span };
      case "boolean":
        return { kind: "literal", value: subject.value, span };
      case "number":
      case "date":
      case "serviceDate":
        this.diagnostics.push(
          diagnostic(
            catalogue.typeMismatch,
            this.path,
            span,
            {
              subject:
                subject.kind === "number"
                  ? String(subject.value)
                  : subject.kind === "date"
                    ? subject.value
                    : "service date",
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

/** Spreads `{ key: value }` only when the value is defined, so optional fields stay absent. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function cstToAst(cst: CstNode, file: string): { statements: Ast.Statement[]; diagnostics: Diagnostic[] } {
  const builder = new AstBuilder(file);
  const statements = builder.statements(cst);
  return { statements, diagnostics: builder.diagnostics };
}
