import { describe, expect, it } from 'vitest';
import { caseContributions, mergeDeltas, type CaseFacts } from '../rollups/rollup-contributions';
import { campaignRoot, linksCountingOnce, sameTreeAsEarlier } from './campaign-trees';

/**
 *   A            B        C
 *   ├── A1       └── B1
 *   │   └── A11
 *   └── A2
 */
const PATHS: Record<string, string> = {
  A: '/A/',
  A1: '/A/A1/',
  A11: '/A/A1/A11/',
  A2: '/A/A2/',
  B: '/B/',
  B1: '/B/B1/',
  C: '/C/',
};
const NAMES = Object.keys(PATHS);

/** The most times the roll-up counts one case in any campaign, for a case of `own` counting toward `links`. */
function mostCountsInOneCampaign(own: string, links: string[]): number {
  const facts: CaseFacts = {
    unitId: 'u',
    campaignId: own,
    categoryCode: 'food',
    filingDate: '2026-03-01',
    closingDate: null,
    amountInvolvedFen: 100,
    fineFen: 0,
    confiscatedFen: 0,
    lossesRecoveredFen: 0,
    transferredToJudiciary: false,
    online: false,
    rural: false,
    decisionDueDate: null,
    links: links.map((campaignId) => ({ campaignId, categoryCode: 'food' })),
  };
  const rows = mergeDeltas(
    [{ sign: 1, contributions: caseContributions(facts) }],
    () => '/u/',
    (id) => PATHS[id],
  );
  const perCampaign = new Map<string, number>();
  for (const r of rows)
    perCampaign.set(r.campaignId, (perCampaign.get(r.campaignId) ?? 0) + Number(r.metrics.casesFiled ?? 0));
  return Math.max(...perCampaign.values());
}

describe('a case counts at most once in a campaign tree', () => {
  it('finds the root of a materialised path', () => {
    expect(campaignRoot('/A/A1/A11/')).toBe('A');
    expect(campaignRoot('/C/')).toBe('C');
  });

  it('flags two campaigns exactly when the roll-up would count the case twice somewhere (every pair and triple)', () => {
    const sets: string[][] = [];
    for (const a of NAMES) for (const b of NAMES) if (a !== b) sets.push([a, b]);
    for (const a of NAMES)
      for (const b of NAMES) for (const c of NAMES) if (new Set([a, b, c]).size === 3) sets.push([a, b, c]);
    for (const [own, ...links] of sets) {
      const flagged = sameTreeAsEarlier([own, ...links].map((n) => PATHS[n])).some((x) => x !== null);
      expect({ own, links, flagged }).toEqual({ own, links, flagged: mostCountsInOneCampaign(own, links) > 1 });
    }
  });

  it('names the earlier campaign of the same tree: above, below, a sibling, or the same', () => {
    expect(sameTreeAsEarlier(['/A/', '/B/', '/A/A1/'])).toEqual([null, null, 0]); // an implementation plan of the own campaign
    expect(sameTreeAsEarlier(['/C/', '/A/', '/A/A1/'])).toEqual([null, null, 1]); // issue 13 (a): T and its implementation plan I
    expect(sameTreeAsEarlier(['/C/', '/A/A1/', '/A/A2/'])).toEqual([null, null, 1]); // siblings both add to A
    expect(sameTreeAsEarlier(['/A/A11/', '/A/'])).toEqual([null, 0]); // the plan above the own one
    expect(sameTreeAsEarlier(['/B/', '/B/'])).toEqual([null, 0]);
    expect(sameTreeAsEarlier(['/A/', '/B/', '/C/'])).toEqual([null, null, null]);
  });

  it('keeps the further campaigns of other trees when the own campaign moves into one of theirs', () => {
    const links = [
      { id: 'M', path: '/B/' },
      { id: 'K', path: '/C/' },
      { id: 'L', path: '/B/B1/' },
    ];
    // issue 13 (b): a case of A counting toward B moves to B: B counts it as its own, once.
    expect(linksCountingOnce('/B/', links).map((l) => l.id)).toEqual(['K']);
    expect(linksCountingOnce('/A/', links).map((l) => l.id)).toEqual(['M', 'K']);
  });
});
