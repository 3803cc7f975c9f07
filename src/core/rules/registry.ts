// Generated list kept by hand: static imports so the extension bundle carries the same data.
// Do not read directories at run time (style-anchors.md §6.8 item 7).
import ruleset2562 from '../../../rules/ita-2562/ruleset.json';
import o1 from '../../../rules/ita-2562/items/O1.json';
import o2 from '../../../rules/ita-2562/items/O2.json';
import o3 from '../../../rules/ita-2562/items/O3.json';
import o4 from '../../../rules/ita-2562/items/O4.json';
import o5 from '../../../rules/ita-2562/items/O5.json';
import o6 from '../../../rules/ita-2562/items/O6.json';
import o7 from '../../../rules/ita-2562/items/O7.json';
import o8 from '../../../rules/ita-2562/items/O8.json';
import o9 from '../../../rules/ita-2562/items/O9.json';
import o10 from '../../../rules/ita-2562/items/O10.json';
import o11 from '../../../rules/ita-2562/items/O11.json';
import o12 from '../../../rules/ita-2562/items/O12.json';
import o13 from '../../../rules/ita-2562/items/O13.json';
import o14 from '../../../rules/ita-2562/items/O14.json';
import o15 from '../../../rules/ita-2562/items/O15.json';
import o16 from '../../../rules/ita-2562/items/O16.json';
import o17 from '../../../rules/ita-2562/items/O17.json';
import o18 from '../../../rules/ita-2562/items/O18.json';
import o19 from '../../../rules/ita-2562/items/O19.json';
import o20 from '../../../rules/ita-2562/items/O20.json';
import o21 from '../../../rules/ita-2562/items/O21.json';
import o22 from '../../../rules/ita-2562/items/O22.json';
import o23 from '../../../rules/ita-2562/items/O23.json';
import o24 from '../../../rules/ita-2562/items/O24.json';
import o25 from '../../../rules/ita-2562/items/O25.json';
import o26 from '../../../rules/ita-2562/items/O26.json';
import o27 from '../../../rules/ita-2562/items/O27.json';
import o28 from '../../../rules/ita-2562/items/O28.json';
import o29 from '../../../rules/ita-2562/items/O29.json';
import o30 from '../../../rules/ita-2562/items/O30.json';
import o31 from '../../../rules/ita-2562/items/O31.json';
import o32 from '../../../rules/ita-2562/items/O32.json';
import o33 from '../../../rules/ita-2562/items/O33.json';
import o34 from '../../../rules/ita-2562/items/O34.json';
import o35 from '../../../rules/ita-2562/items/O35.json';
import o36 from '../../../rules/ita-2562/items/O36.json';
import o37 from '../../../rules/ita-2562/items/O37.json';
import o38 from '../../../rules/ita-2562/items/O38.json';
import o39 from '../../../rules/ita-2562/items/O39.json';
import o40 from '../../../rules/ita-2562/items/O40.json';
import o41 from '../../../rules/ita-2562/items/O41.json';
import o42 from '../../../rules/ita-2562/items/O42.json';
import o43 from '../../../rules/ita-2562/items/O43.json';
import o44 from '../../../rules/ita-2562/items/O44.json';
import o45 from '../../../rules/ita-2562/items/O45.json';
import o46 from '../../../rules/ita-2562/items/O46.json';
import o47 from '../../../rules/ita-2562/items/O47.json';
import o48 from '../../../rules/ita-2562/items/O48.json';
import { loadRulePack, type RulePack } from './load-pack';

const ita2562Items: Record<string, unknown> = {
  'O1.json': o1,
  'O2.json': o2,
  'O3.json': o3,
  'O4.json': o4,
  'O5.json': o5,
  'O6.json': o6,
  'O7.json': o7,
  'O8.json': o8,
  'O9.json': o9,
  'O10.json': o10,
  'O11.json': o11,
  'O12.json': o12,
  'O13.json': o13,
  'O14.json': o14,
  'O15.json': o15,
  'O16.json': o16,
  'O17.json': o17,
  'O18.json': o18,
  'O19.json': o19,
  'O20.json': o20,
  'O21.json': o21,
  'O22.json': o22,
  'O23.json': o23,
  'O24.json': o24,
  'O25.json': o25,
  'O26.json': o26,
  'O27.json': o27,
  'O28.json': o28,
  'O29.json': o29,
  'O30.json': o30,
  'O31.json': o31,
  'O32.json': o32,
  'O33.json': o33,
  'O34.json': o34,
  'O35.json': o35,
  'O36.json': o36,
  'O37.json': o37,
  'O38.json': o38,
  'O39.json': o39,
  'O40.json': o40,
  'O41.json': o41,
  'O42.json': o42,
  'O43.json': o43,
  'O44.json': o44,
  'O45.json': o45,
  'O46.json': o46,
  'O47.json': o47,
  'O48.json': o48,
};

const loaders: Record<string, () => RulePack> = {
  'ita-2562': () => loadRulePack('rules/ita-2562', ruleset2562, ita2562Items),
};

const cache = new Map<string, RulePack>();

/** Ids of the bundled rule packs. */
export const bundledPackIds: readonly string[] = Object.keys(loaders);

/** The default rule pack id. */
export const defaultPackId = 'ita-2562';

/** Returns a bundled rule pack, validated once; `undefined` for an unknown id. */
export function getRulePack(id: string = defaultPackId): RulePack | undefined {
  const cached = cache.get(id);
  if (cached) return cached;
  const load = loaders[id];
  if (!load) return undefined;
  const pack = load();
  cache.set(id, pack);
  return pack;
}

/** File contents of the bundled FY2562 items, for tests that check the registry against the folder. */
export const ita2562ItemFiles: Readonly<Record<string, unknown>> = ita2562Items;
