// Word pools for synthetic policies: names for fact groups, facts, values and definitions, and the
// vocabulary of their prose. None is a keyword of the policy language, so any pick lexes as a name.

import { pick, between, type Random } from "./random.js";

export const groupNames = [
  "patient", "request", "device", "medication", "clinic", "residence", "prescriber", "treatment",
  "enrollee", "benefit", "caregiver", "order", "supplier", "episode",
] as const;

export const factAdjectives = [
  "documented", "recent", "prior", "current", "confirmed", "active", "chronic", "stable", "ordered",
  "verified", "scheduled", "approved", "severe", "trained", "supervised", "measured", "qualifying",
  "primary", "secondary", "initial",
] as const;

export const factNouns = [
  "assessment", "diagnosis", "referral", "consent", "monitoring", "dosage", "visit", "evaluation",
  "history", "plan_of_care", "therapy_trial", "lab_result", "symptom", "instruction", "followup",
  "response", "tolerance", "access", "support", "coverage", "supply", "training", "risk", "adherence",
] as const;

export const valueWords = [
  "mild", "moderate", "severe", "weekly", "monthly", "daily", "rental", "purchase", "oral", "topical",
  "inpatient", "outpatient", "hospice", "pediatric", "adult", "geriatric", "standard", "custom",
  "portable", "stationary", "manual", "powered", "urban", "rural", "remote", "onsite", "nurse_led",
  "self_managed", "family_led", "agency_led", "generic", "branded", "compounded", "biologic",
] as const;

export const definitionWords = [
  "high_risk", "home_based", "self_directed", "long_term", "short_term", "complex_need", "first_line",
  "second_line", "urgent_need", "maintenance", "escalated", "monitored",
] as const;

export const exceptionIds = ["EPSDT", "PEDIATRIC", "HARDSHIP", "CONTINUITY", "TRANSITION", "RURAL_ACCESS"] as const;

const proseWords = [
  "the", "member", "service", "provider", "documentation", "shows", "that", "therapy", "is", "medically",
  "necessary", "for", "treatment", "of", "an", "illness", "injury", "condition", "under", "plan", "care",
  "physician", "ordering", "must", "be", "in", "home", "setting", "with", "monitoring", "supplies",
  "equipment", "delivered", "according", "to", "standards", "practice", "when", "requested", "and",
  "reviewed", "by", "health", "benefit", "coverage", "criteria", "applies", "each", "date", "on",
  "which", "rendered", "clinical", "evidence", "supports", "safe", "effective", "administration",
];

/** A sentence of `min` to `max` words, capitalised and ending with a period; never holds a quote. */
export function sentence(random: Random, min: number, max: number): string {
  const count = between(random, min, max);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(pick(random, proseWords));
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A paragraph of `sentences` sentences. */
export function paragraph(random: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(random, 8, 22)).join(" ");
}
