/**
 * A case counts at most once in any campaign tree (行动体系: a plan and every implementation plan
 * 实施方案 below it, level by level). The roll-ups add a case's contribution to each campaign it
 * counts in and to every campaign above that one (`mergeDeltas` in rollups/rollup-contributions.ts),
 * so two of a case's campaigns under one root both add to that root, and to every campaign above
 * both: whether one is above the other, or they are siblings (two districts' implementation plans of
 * one city plan). Two campaigns count a case apart only when their roots differ. Pure.
 */

/** The root of a campaign's materialised path "/root/…/self/". */
export const campaignRoot = (path: string): string => path.split('/').find(Boolean) ?? path;

/**
 * For each campaign a case counts in (its own campaign first, then the further ones in order), the
 * index of the first earlier one in the same tree, or null when it is the first of its tree.
 */
export function sameTreeAsEarlier(paths: readonly string[]): (number | null)[] {
  const firstOfRoot = new Map<string, number>();
  return paths.map((path, i) => {
    const root = campaignRoot(path);
    const earlier = firstOfRoot.get(root);
    if (earlier !== undefined) return earlier;
    firstOfRoot.set(root, i);
    return null;
  });
}

/**
 * The further campaigns that still count once next to the case's own campaign: each one whose tree
 * neither the own campaign nor an earlier kept one is in (an edit that moves a case into a tree it
 * already counted toward keeps the chosen campaign and drops the duplicate).
 */
export function linksCountingOnce<L>(
  ownPath: string,
  links: readonly (L & { path: string })[],
): (L & { path: string })[] {
  const clashes = sameTreeAsEarlier([ownPath, ...links.map((l) => l.path)]);
  return links.filter((_, i) => clashes[i + 1] === null);
}
