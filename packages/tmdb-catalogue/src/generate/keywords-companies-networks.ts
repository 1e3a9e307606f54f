// The shared tables titles refer to by id: keywords (from data/keywords), production companies
// (data's list plus the real films' distributors) and tv networks.
import * as D from "../data.ts";
import type { Company, Keyword, Network } from "../model.ts";
import { hash32 } from "../random.ts";

export interface KeywordTables {
  keywords: Keyword[];
  byGroup: Record<string, number[]>;
  byName: Map<string, number>;
}

export function buildKeywords(): KeywordTables {
  const keywords: Keyword[] = [];
  const byGroup: Record<string, number[]> = {};
  const byName = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const [group, names] of Object.entries(D.KEYWORD_GROUPS)) {
    const list: number[] = [];
    for (const name of names) {
      let idx = byName.get(name);
      if (idx === undefined) {
        let id = 1000 + (hash32("keyword", name) % 300_000);
        while (usedIds.has(id)) id++;
        usedIds.add(id);
        idx = keywords.length;
        keywords.push({ id, name });
        byName.set(name, idx);
      }
      if (!list.includes(idx)) list.push(idx);
    }
    byGroup[group] = list;
  }
  return { keywords, byGroup, byName };
}

export function buildCompanies(distributors: readonly string[]): { companies: Company[]; byName: Map<string, number> } {
  const companies: Company[] = [];
  const byName = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const c of D.COMPANIES) {
    byName.set(c.name, companies.length);
    usedIds.add(c.id);
    companies.push({ id: c.id, name: c.name, originCountry: c.country, logoPath: c.logo ? `/l${c.id}c.png` : null });
  }
  const alias: Record<string, string> = {
    "Warner Bros.": "Warner Bros. Pictures",
    Universal: "Universal Pictures",
    "20th Century Fox": "20th Century Fox",
    MGM: "Metro-Goldwyn-Mayer",
    "New Line": "New Line Cinema",
    "Fox Searchlight": "Fox Searchlight Pictures",
    "Dreamworks SKG": "DreamWorks Pictures",
    "Sony/Columbia": "Columbia Pictures",
    "Sony Pictures": "Columbia Pictures",
  };
  for (const d of distributors) {
    const target = alias[d];
    if (target && byName.has(target)) {
      byName.set(d, byName.get(target) as number);
      continue;
    }
    if (byName.has(d)) continue;
    let id = 100_000 + (hash32("company", d) % 100_000);
    while (usedIds.has(id)) id++;
    usedIds.add(id);
    byName.set(d, companies.length);
    companies.push({ id, name: d, originCountry: "US", logoPath: hash32("company-logo", d) % 3 === 0 ? null : `/l${id}c.png` });
  }
  return { companies, byName };
}

export function buildNetworks(): Network[] {
  return D.NETWORKS.map((n) => ({ id: n.id, name: n.name, originCountry: n.country, logoPath: `/l${n.id}n.png` }));
}
