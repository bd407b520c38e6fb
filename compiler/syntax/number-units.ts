// The normal form of a number fact's unit, read by the checker (two units are the same when their
// normal forms are) and by the docs (a number in percent is written `88%`).

/**
 * The normal form two units are compared by: letter case and white space do not count, and `%` is
 * `percent`. So `"mm Hg"` = `"mmHg"` = `"MM HG"`. NOTE: case is ignored because no two units a
 * clinical policy uses differ only in case (mS, millisiemens, is not one), while `mg/dL` and `mg/dl`
 * are the same unit written two ways; plurals are not folded (`minute` is not `minutes`): the
 * checker offers a "did you mean" instead. No unit is ever converted to another.
 */
export function normalUnit(written: string): string {
  const normal = written.toLowerCase().replace(/\s+/g, "");
  return normal === "%" ? "percent" : normal;
}

export const percentNormal = "percent";
