// A headless Chromium for the end-to-end tests, with nothing installed outside npm: the binary ships
// inside the @sparticuz/chromium package (unpacked into the temporary folder on first use) and
// playwright-core drives it. No system browser, no download at install or test time.

import sparticuz from "@sparticuz/chromium";
import { chromium, type Browser } from "playwright-core";

/**
 * The package's recommended flags, less the two that weaken the page's security (the site's tests
 * must see what a reader's browser would enforce), plus the flags that keep Chromium off the network:
 * this machine has none, and without them Chromium keeps trying.
 */
const unsafeFlags = new Set(["--disable-web-security", "--allow-running-insecure-content"]);
const offlineFlags = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export async function launchChromium(): Promise<Browser> {
  const args = [...sparticuz.args.filter((flag) => !unsafeFlags.has(flag)), ...offlineFlags];
  return chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
}
