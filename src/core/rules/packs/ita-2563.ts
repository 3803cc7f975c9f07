// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// Static imports (style-anchors.md §6.8 item 7: no directory reads at run time).
import type { PackFiles } from '../pack-files';
import ruleset from '../../../../rules/ita-2563/ruleset.json';
import O1 from '../../../../rules/ita-2563/items/O1.json';
import O2 from '../../../../rules/ita-2563/items/O2.json';
import O3 from '../../../../rules/ita-2563/items/O3.json';
import O4 from '../../../../rules/ita-2563/items/O4.json';
import O5 from '../../../../rules/ita-2563/items/O5.json';
import O6 from '../../../../rules/ita-2563/items/O6.json';
import O7 from '../../../../rules/ita-2563/items/O7.json';
import O8 from '../../../../rules/ita-2563/items/O8.json';
import O9 from '../../../../rules/ita-2563/items/O9.json';
import O10 from '../../../../rules/ita-2563/items/O10.json';
import O11 from '../../../../rules/ita-2563/items/O11.json';
import O12 from '../../../../rules/ita-2563/items/O12.json';
import O13 from '../../../../rules/ita-2563/items/O13.json';
import O14 from '../../../../rules/ita-2563/items/O14.json';
import O15 from '../../../../rules/ita-2563/items/O15.json';
import O16 from '../../../../rules/ita-2563/items/O16.json';
import O17 from '../../../../rules/ita-2563/items/O17.json';
import O18 from '../../../../rules/ita-2563/items/O18.json';
import O19 from '../../../../rules/ita-2563/items/O19.json';
import O20 from '../../../../rules/ita-2563/items/O20.json';
import O21 from '../../../../rules/ita-2563/items/O21.json';
import O22 from '../../../../rules/ita-2563/items/O22.json';
import O23 from '../../../../rules/ita-2563/items/O23.json';
import O24 from '../../../../rules/ita-2563/items/O24.json';
import O25 from '../../../../rules/ita-2563/items/O25.json';
import O26 from '../../../../rules/ita-2563/items/O26.json';
import O27 from '../../../../rules/ita-2563/items/O27.json';
import O28 from '../../../../rules/ita-2563/items/O28.json';
import O29 from '../../../../rules/ita-2563/items/O29.json';
import O30 from '../../../../rules/ita-2563/items/O30.json';
import O31 from '../../../../rules/ita-2563/items/O31.json';
import O32 from '../../../../rules/ita-2563/items/O32.json';
import O33 from '../../../../rules/ita-2563/items/O33.json';
import O34 from '../../../../rules/ita-2563/items/O34.json';
import O35 from '../../../../rules/ita-2563/items/O35.json';
import O36 from '../../../../rules/ita-2563/items/O36.json';
import O37 from '../../../../rules/ita-2563/items/O37.json';
import O38 from '../../../../rules/ita-2563/items/O38.json';
import O39 from '../../../../rules/ita-2563/items/O39.json';
import O40 from '../../../../rules/ita-2563/items/O40.json';
import O41 from '../../../../rules/ita-2563/items/O41.json';
import O42 from '../../../../rules/ita-2563/items/O42.json';
import O43 from '../../../../rules/ita-2563/items/O43.json';

/** Ruleset and item files (by file name) of ita-2563. */
export const files: PackFiles = {
  ruleset,
  items: {
    'O1.json': O1,
    'O2.json': O2,
    'O3.json': O3,
    'O4.json': O4,
    'O5.json': O5,
    'O6.json': O6,
    'O7.json': O7,
    'O8.json': O8,
    'O9.json': O9,
    'O10.json': O10,
    'O11.json': O11,
    'O12.json': O12,
    'O13.json': O13,
    'O14.json': O14,
    'O15.json': O15,
    'O16.json': O16,
    'O17.json': O17,
    'O18.json': O18,
    'O19.json': O19,
    'O20.json': O20,
    'O21.json': O21,
    'O22.json': O22,
    'O23.json': O23,
    'O24.json': O24,
    'O25.json': O25,
    'O26.json': O26,
    'O27.json': O27,
    'O28.json': O28,
    'O29.json': O29,
    'O30.json': O30,
    'O31.json': O31,
    'O32.json': O32,
    'O33.json': O33,
    'O34.json': O34,
    'O35.json': O35,
    'O36.json': O36,
    'O37.json': O37,
    'O38.json': O38,
    'O39.json': O39,
    'O40.json': O40,
    'O41.json': O41,
    'O42.json': O42,
    'O43.json': O43,
  },
};
