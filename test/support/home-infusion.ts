// The home-infusion fixture (test/fixtures/home-infusion/): a frozen copy of a real policy, for the
// compiler tests that need a realistic one. Where its files are, and a complete, covered case of it
// for tests that vary one thing at a time.

export const homeInfusion = {
  folder: "test/fixtures/home-infusion",
  policy: "test/fixtures/home-infusion/home-infusion.policy",
  published: "test/fixtures/home-infusion/home-infusion.published.txt",
  reference: "FIX.HIT.224",
  /** Its folder under generated/ once built into a project as policy/home-infusion.policy. */
  slug: "home-infusion",
} as const;

export const coveredIvAntibiotic = {
  member: {
    age: 45,
    residence: "private_residence",
    clinical_status_stable: true,
    under_care_of_referring_physician: true,
    condition_supports_safe_home_administration: true,
    has_available_administration_site: true,
    receives_private_duty_nursing: false,
    receives_medicare_home_health_nursing: false,
  },
  therapy: {
    kind: "antibiotic",
    route: "intravenous",
    administered_by: "member",
    administrator_able_and_willing: true,
  },
  drug: { infusion_more_effective: false, available_in_oral_form: false, tolerated_orally: true },
  service: {
    safe_in_living_environment: true,
    ordered_as_medically_necessary: true,
    duplicates_other_provider: false,
    experimental_or_investigational: false,
    part_of_clinical_trial: false,
  },
  home: {
    features: ["clean_environment", "electricity", "water", "telephone_access", "refrigeration", "space_for_supplies"],
  },
  medicaid: {
    enrollment_start: "2020-01-01",
    enrollment_ended: false,
    eligibility_verified: true,
    category_restricts_service: false,
  },
  epsdt: { documentation_shows_medical_necessity: false },
} satisfies Readonly<Record<string, Readonly<Record<string, unknown>>>>;
