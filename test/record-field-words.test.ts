// A record's field in the docs reads by the name the condition gives the record: the label as the
// author wrote it when it speaks of that record, with the name swapped when it speaks of the record
// by another name of the same list, and "of the <name>" otherwise (compiler/emit/docs/record-names.ts).

import { describe, expect, it } from "vitest";
import { fieldPhrase, recordNamesByList } from "../compiler/emit/docs/record-names.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { fixtureModel } from "./support/fixture-evaluator.js";

describe("a field's label for a named record", () => {
  it("reads as written when it speaks of the record by the name in hand", () => {
    expect(fieldPhrase("the day the study was performed", "study", ["abg", "study"])).toBe(
      "the day the study was performed",
    );
  });

  it("speaks of the record by the name in hand when the label uses another name of the same list", () => {
    expect(fieldPhrase("the day the study was performed", "abg", ["abg", "study"])).toBe(
      "the day the abg was performed",
    );
    expect(fieldPhrase("The study was done at the study site", "blood_test", ["blood_test", "study"])).toBe(
      "The blood test was done at the blood test site",
    );
  });

  it("is followed by the record's name when it names no record", () => {
    expect(fieldPhrase("the oxygen saturation", "abg", ["abg", "study"])).toBe("the oxygen saturation of the abg");
    // "the studyroom" is not "the study": names match as whole words.
    expect(fieldPhrase("the studyroom", "abg", ["abg", "study"])).toBe("the studyroom of the abg");
  });

  it("prefers the longest name the label uses, so a name that begins another is not swapped inside it", () => {
    expect(fieldPhrase("the day the blood test was drawn", "sample", ["blood", "blood_test", "sample"])).toBe(
      "the day the sample was drawn",
    );
  });
});

describe("the names a policy gives records", () => {
  it("are the quantifiers' and the record parameters' names, by list", () => {
    const model = fixtureModel("test/fixtures/home-oxygen/home-oxygen.policy");
    expect(recordNamesByList(model).get("oxygen.studies")).toEqual(["abg", "rest", "study"]);
  });

  it("make the home-oxygen docs say each field once, of the record it belongs to", () => {
    const model = fixtureModel("test/fixtures/home-oxygen/home-oxygen.policy");
    const docs = emitDocs(model, traceSummary(model, undefined));
    expect(docs).toContain("the day the abg was performed is on the day the study was performed");
    expect(docs).toContain("the arterial oxygen saturation of the study is at least 90%");
    // The labels that speak of the study, each once followed by "of the <name>" before this reading.
    for (const label of ["the day the study was performed", "how the study was done", "during the study"])
      expect(docs).not.toMatch(new RegExp(`${label} of the`));
  });
});
