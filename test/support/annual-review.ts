// The realistic annual review of issue 10, made to a project built from the home-infusion fixture by
// editing only its policy/ files, as a policy author would: criterion I.A.6 added from 2026-05, I.A.2
// reworded (and its logic changed: "within the past 30 days" needs a date), exclusion II.D removed
// from 2026-05 on, with the 2026-05 published text beside the 2025-05 one.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** `text` with `from` replaced by `to`; throws when `from` is not in it, so a fixture change is loud. */
function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the fixture no longer holds: ${from.slice(0, 60)}`);
  return text.replace(from, to);
}

const oldI_A_2 = "The Member's clinical status is stable as determined by the attending physician.";
const newI_A_2 =
  "The Member's clinical status is stable as documented by the attending physician within the past 30 days.";
const I_A_6 = "The Member or caregiver has a working telephone number on file with the provider.";
const logEntry = "Annual Review. Added Criteria I.A.6. Reworded Criteria I.A.2. Removed exclusion II.D.";

export function reviewedPolicy(policy: string): string {
  let text = replaced(policy, "  last review 2025-05\n", "  last review 2026-05\n");
  text = replaced(
    text,
    '  published text "home-infusion.published.txt"\n',
    '  published text "home-infusion.2026-05.published.txt"\n',
  );
  text = replaced(
    text,
    "  reviewed 2025-05\n  effective 2025-05-01\n",
    `  reviewed 2025-05
  effective 2025-05-01
  published text "home-infusion.published.txt"

revision 2026-05 "${logEntry}"
  reviewed 2026-04
  effective 2026-05-01
`,
  );
  text = replaced(
    text,
    `criterion I.A.2 "${oldI_A_2}"
  met when member.clinical_status_stable
  category safety
`,
    `criterion I.A.2 "${newI_A_2}"
  met when member.clinical_status_stable and member.status_documented_on is within 30 days before service date
  category safety
  before 2026-05 "${oldI_A_2}"
    met when member.clinical_status_stable
`,
  );
  text = replaced(
    text,
    'exclusion II.D "The Member is receiving Medicare-covered home health nursing services."\n',
    'exclusion II.D "The Member is receiving Medicare-covered home health nursing services."\n  removed in 2026-05\n',
  );
  text = replaced(
    text,
    'section I.B "Medical Necessity Criteria"',
    `criterion I.A.6 "${I_A_6}"
  met when member.telephone_on_file
  category safety
  added in 2026-05

section I.B "Medical Necessity Criteria"`,
  );
  // The new facts go with the member's others.
  text = replaced(
    text,
    "fact member.clinical_status_stable:",
    `fact member.status_documented_on: date
  description "The day the attending physician last documented the member's clinical status."
  ask "On what day did the attending physician last document the member's clinical status?"

fact member.telephone_on_file: yes or no
  description "The member or a caregiver has a working telephone number on file with the provider."
  ask "Does the provider have a working telephone number for the member or a caregiver?"

fact member.clinical_status_stable:`,
  );
  return text;
}

export function reviewedPublishedText(published: string): string {
  let text = replaced(published, `2. ${oldI_A_2}`, `2. ${newI_A_2}`);
  text = replaced(
    text,
    "physical space to support HIT supplies.\n",
    `physical space to support HIT supplies.\n6. ${I_A_6}\n`,
  );
  text = replaced(text, "- D.** The Member is receiving Medicare-covered home health nursing services.\n", "");
  text = replaced(
    text,
    "updated state web address.\t05/25\t05/25\n",
    `updated state web address.\t05/25\t05/25\n${logEntry}\t04/26\t05/26\n`,
  );
  return text;
}

/** Applies the review to the project at `root`: the policy, its 2026-05 published text, and two cases. */
export function applyAnnualReview(root: string): void {
  const policy = join(root, "policy", "home-infusion.policy");
  const published = join(root, "policy", "home-infusion.published.txt");
  writeFileSync(policy, reviewedPolicy(readFileSync(policy, "utf8")));
  writeFileSync(
    join(root, "policy", "home-infusion.2026-05.published.txt"),
    reviewedPublishedText(readFileSync(published, "utf8")),
  );
}
