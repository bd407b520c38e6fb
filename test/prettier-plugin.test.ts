// The prettier plugin (compiler/prettier-plugin/), as prettier loads it from the project's config:
// a policy or case file is laid out by the project's formatter, exactly as `policyc format` lays it
// out, and a file with a syntax error is refused with the compiler's code and place.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formatSource } from "../compiler/format/format-source.js";
import { projectRoot } from "./support/evaluators.js";
import { homeInfusion } from "./support/home-infusion.js";

const policyText = readFileSync(homeInfusion.policy, "utf8");
const casesText = readFileSync(join(homeInfusion.folder, "home-infusion.cases"), "utf8");

/** Prettier's options for a file at `path` of the project, from its config (.prettierrc.json, with the plugin). */
async function projectOptions(path: string): Promise<prettier.Options> {
  const filepath = join(projectRoot, path);
  return { ...((await prettier.resolveConfig(filepath)) ?? {}), filepath };
}

describe("the prettier plugin", () => {
  it("is registered in the project's config for policy and case files", async () => {
    const options = await projectOptions(homeInfusion.policy);
    expect(
      (
        await prettier.getFileInfo(join(projectRoot, homeInfusion.folder, "home-infusion.cases"), {
          plugins: options.plugins ?? [],
        })
      ).inferredParser,
    ).toBe("policyc");
  });

  it("lays out a policy and a case file as policyc format does", async () => {
    const messyPolicy = policyText.replace(
      "\n  met when member.clinical_status_stable",
      "\n        met when   member.clinical_status_stable",
    );
    expect(messyPolicy).not.toBe(policyText);
    const formatted = await prettier.format(messyPolicy, await projectOptions(homeInfusion.policy));
    expect(formatted).toBe(formatSource(messyPolicy, homeInfusion.policy).text);
    expect(formatted).toBe(policyText);
    const messyCases = casesText.replace("\n  member.age = 45", "\n      member.age   =   45");
    expect(
      await prettier.format(messyCases, await projectOptions(join(homeInfusion.folder, "home-infusion.cases"))),
    ).toBe(casesText);
  });

  it("refuses a file with a syntax error, with the compiler's code and line", async () => {
    await expect(
      prettier.format(
        'policy X.1\n  title "unclosed\n',
        await projectOptions(join(homeInfusion.folder, "broken.policy")),
      ),
    ).rejects.toThrow(/PC002[\s\S]*2 \|/);
  });
});
