// `npm run docs`: the static site built from the generated docs (markdown-it, raw HTML off), and one
// end-to-end test in a real headless Chromium (the binary shipped inside the @sparticuz/chromium npm
// package, driven by playwright-core, so `npm ci` installs all it needs): open the index, open a
// policy, follow a criterion link, and check what is shown. The site is built from a scratch project
// made from the home-infusion fixture.

import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "./support/browser.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type SitePage } from "../compiler/site/build-site.js";
import { scratchProject } from "./support/cli.js";
import { projectRoot } from "./support/evaluators.js";
import { fixtureModel } from "./support/fixture-evaluator.js";
import { homeInfusion } from "./support/home-infusion.js";

const out = join(projectRoot, ".tmp", "site");

/** What the print test reads off the page in the browser. */
interface PrintedPage {
  readonly body: number;
  readonly headings: readonly number[];
  readonly pageRules: readonly string[];
  readonly tableDisplays: readonly string[];
  readonly overflowing: number;
  readonly navShown: boolean;
}

// Run in the page (as text: the tests are not type-checked against the DOM). The page's own <style>
// holds the @page rule; a file:// page may not read the rules of its linked style sheet.
const measurePrintedPage = `(() => {
  const size = (selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize);
  const pageRules = [...document.querySelectorAll("style")].flatMap((element) =>
    [...(element.sheet ? element.sheet.cssRules : [])].filter((rule) => rule instanceof CSSPageRule).map((rule) => rule.cssText));
  const tables = [...document.querySelectorAll("table")];
  return {
    body: size("p"),
    headings: ["h1", "h2", "h3", "h4", "h5"].map(size),
    pageRules,
    tableDisplays: [...new Set(tables.map((table) => getComputedStyle(table).display))],
    overflowing: tables.filter((table) => table.scrollWidth > document.body.clientWidth + 1).length,
    navShown: getComputedStyle(document.querySelector(".site-nav")).display !== "none",
  };
})()`;
let pages: SitePage[] = [];

beforeAll(async () => {
  pages = buildSite(await scratchProject("site"), out);
});

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe("the site", () => {
  it("has an index listing every policy, and a page for each", () => {
    expect(pages.map((page) => page.slug)).toContain(homeInfusion.slug);
    const index = readFileSync(join(out, "index.html"), "utf8");
    for (const page of pages) {
      expect(index).toContain(`href="./${page.slug}/index.html"`);
      expect(existsSync(join(out, page.slug, "index.html"))).toBe(true);
    }
  });

  it("gives each criterion heading its anchor, runs only its own scripts, and bundles Mermaid", () => {
    const html = readFileSync(join(out, homeInfusion.slug, "index.html"), "utf8");
    for (const id of [
      "criterion-ia1",
      "criterion-ia5",
      "criterion-ic4a",
      "criterion-nceliga",
      "exclusion-iia",
      "note-iinote-1",
      "exception-epsdt",
      "facts",
    ]) {
      expect(html, id).toMatch(new RegExp(`<h[1-6] id="${id}">`));
    }
    for (const id of ["criterion-I.A.1", "criterion-I.C.4.a", "section-I.I", "section-II", "fact-member.age"])
      expect(html, id).toContain(`<a id="${id}"></a>`);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<pre class="mermaid">flowchart TD');
    expect(existsSync(join(out, "assets", "mermaid.min.js"))).toBe(true);
  });
});

describe("the pages pinned to a revision", () => {
  const anchorsOf = (html: string) =>
    new Map([...html.matchAll(/<a id="([^"]+)"><\/a>([^<]*)/g)].map(([, id, after]) => [id!, after!]));

  it("are one per earlier revision, linked from the current page's revision log", () => {
    const model = fixtureModel(homeInfusion.policy);
    const current = readFileSync(join(out, homeInfusion.slug, "index.html"), "utf8");
    for (const revision of model.revisions.slice(0, -1)) {
      expect(existsSync(join(out, homeInfusion.slug, "revisions", `${revision.approved}.html`))).toBe(true);
      expect(current).toContain(`href="revisions/${revision.approved}.html"`);
    }
    expect(existsSync(join(out, homeInfusion.slug, "revisions", `${model.revisions.at(-1)!.approved}.html`))).toBe(
      false,
    );
  });

  it("keep every anchor of the 2024-05 version landing on the same statement in the current one", () => {
    const current = anchorsOf(readFileSync(join(out, homeInfusion.slug, "index.html"), "utf8"));
    const pinned = anchorsOf(readFileSync(join(out, homeInfusion.slug, "revisions", "2024-05.html"), "utf8"));
    expect(pinned.size).toBeGreaterThan(50);
    for (const [id, after] of pinned) {
      expect(current.has(id), id).toBe(true);
      // A heading's anchor is followed by its words (`Criterion I.A.5`): the same statement.
      if (after !== "") expect(current.get(id), id).toBe(after);
    }
  });
});

describe("the site in headless Chromium", () => {
  it("follows a criterion link to the criterion's words, with the diagram drawn", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(pathToFileURL(join(out, "index.html")).href);
      await page.getByRole("link", { name: homeInfusion.reference }).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${homeInfusion.slug}/index.html`));
      // Mermaid draws the flowchart from the bundled script: no network.
      const procedure = page.locator("pre.mermaid svg", { hasText: "Is a denial left standing?" });
      await procedure.waitFor({ timeout: 30_000 });

      await page.locator('a[href="#criterion-I.A.5"]').first().click();
      expect(new URL(page.url()).hash).toBe("#criterion-I.A.5");
      const heading = page.locator(":is(h1, h2, h3, h4, h5, h6):has(> [id='criterion-I.A.5'])");
      expect(await heading.textContent()).toBe("Criterion I.A.5");
      const box = await heading.boundingBox();
      const viewport = page.viewportSize();
      expect(
        box && viewport && box.y > -2 && box.y < viewport.height,
        `the heading is scrolled into view: ${JSON.stringify({ box, viewport })}`,
      ).toBe(true);

      const words = fixtureModel(homeInfusion.policy).rules.find((rule) => rule.id === "I.A.5")?.text;
      expect(words).toMatch(/^The home environment is conducive/);
      const quote = page.locator("#criterion-ia5 + blockquote");
      expect((await quote.textContent())?.trim()).toBe(words);
      expect(await page.locator("#criterion-ia5 ~ ul").first().textContent()).toContain("added in 2024-05");
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("prints with a running header, headings larger than the text, and tables that wrap instead of being cut off", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, homeInfusion.slug, "index.html")).href);
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate<PrintedPage>(measurePrintedPage);
      for (const heading of printed.headings) expect(heading).toBeGreaterThan(printed.body);
      expect(printed.tableDisplays).toEqual(["table"]);
      expect(printed.overflowing).toBe(0);
      expect(printed.navShown).toBe(false);
      const pageRule = printed.pageRules.join("\n");
      expect(pageRule).toContain(`${homeInfusion.reference} - revision`);
      expect(pageRule).toMatch(/source sha256 [0-9a-f]{16}/);
      expect(pageRule).toContain("counter(page)");
      const pdf = await page.pdf({ format: "Letter" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("draws a diagram per section from its own logic, each at a readable size", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(join(out, homeInfusion.slug, "index.html")).href);
      const diagrams = page.locator("pre.mermaid");
      const count = await diagrams.count();
      await page
        .locator("pre.mermaid svg")
        .nth(count - 1)
        .waitFor({ timeout: 30_000 });
      // Each drawn (a syntax error would draw an error message), and at no less than 90% of its size.
      const drawn = await page.evaluate<
        { text: string; scale: number }[]
      >(`[...document.querySelectorAll("pre.mermaid svg")].map((svg) => ({
        text: [...svg.querySelectorAll(".nodeLabel")].map((label) => label.textContent).join("\\n"),
        scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
      }))`);
      expect(drawn).toHaveLength(count);
      for (const diagram of drawn) expect(diagram.text).not.toMatch(/syntax error/i);
      const sections = drawn.filter((diagram) => diagram.text.startsWith("Section "));
      const model = fixtureModel(homeInfusion.policy);
      const withRules = model.outline.filter(
        (entry) =>
          entry.kind === "section" &&
          model.rules.some(
            (rule) => rule.role !== "part" && model.outline.find((e) => e.id === rule.id)?.parent === entry.id,
          ),
      );
      expect(sections).toHaveLength(withRules.length);
      for (const diagram of sections) expect(diagram.scale).toBeGreaterThanOrEqual(0.9);
      const sectionIA = sections.find((diagram) => diagram.text.startsWith("Section I.A"));
      expect(sectionIA?.text).toContain("criterion I.A.5, must be met");
      expect(sectionIA?.text).toContain("Not covered");
    } finally {
      await browser.close();
    }
  }, 120_000);
});
