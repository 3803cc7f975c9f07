// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// Static imports (style-anchors.md §6.8 item 7: no directory reads at run time).
import type { PackFiles } from '../pack-files';
import ruleset from '../../../../rules/ita-2568/ruleset.json';
import O1 from '../../../../rules/ita-2568/items/O1.json';
import O2 from '../../../../rules/ita-2568/items/O2.json';
import O3 from '../../../../rules/ita-2568/items/O3.json';
import O4 from '../../../../rules/ita-2568/items/O4.json';
import O5 from '../../../../rules/ita-2568/items/O5.json';
import O6 from '../../../../rules/ita-2568/items/O6.json';
import O7 from '../../../../rules/ita-2568/items/O7.json';
import O8 from '../../../../rules/ita-2568/items/O8.json';
import O9 from '../../../../rules/ita-2568/items/O9.json';
import O10 from '../../../../rules/ita-2568/items/O10.json';
import O11 from '../../../../rules/ita-2568/items/O11.json';
import O12 from '../../../../rules/ita-2568/items/O12.json';
import O13 from '../../../../rules/ita-2568/items/O13.json';
import O14 from '../../../../rules/ita-2568/items/O14.json';
import O15 from '../../../../rules/ita-2568/items/O15.json';
import O16 from '../../../../rules/ita-2568/items/O16.json';
import O17 from '../../../../rules/ita-2568/items/O17.json';
import O18 from '../../../../rules/ita-2568/items/O18.json';
import O19 from '../../../../rules/ita-2568/items/O19.json';
import O20 from '../../../../rules/ita-2568/items/O20.json';
import O21 from '../../../../rules/ita-2568/items/O21.json';
import O22 from '../../../../rules/ita-2568/items/O22.json';
import O23 from '../../../../rules/ita-2568/items/O23.json';
import O24 from '../../../../rules/ita-2568/items/O24.json';
import O25 from '../../../../rules/ita-2568/items/O25.json';
import O26 from '../../../../rules/ita-2568/items/O26.json';

/** Ruleset and item files (by file name) of ita-2568. */
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
  },
};
