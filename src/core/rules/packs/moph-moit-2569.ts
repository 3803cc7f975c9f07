// Written by scripts/build-rule-packs.mjs. Do not edit by hand.
// Static imports (style-anchors.md §6.8 item 7: no directory reads at run time).
import type { PackFiles } from '../pack-files';
import ruleset from '../../../../rules/moph-moit-2569/ruleset.json';
import MOIT1 from '../../../../rules/moph-moit-2569/items/MOIT1.json';
import MOIT2 from '../../../../rules/moph-moit-2569/items/MOIT2.json';
import MOIT3 from '../../../../rules/moph-moit-2569/items/MOIT3.json';
import MOIT4 from '../../../../rules/moph-moit-2569/items/MOIT4.json';
import MOIT5 from '../../../../rules/moph-moit-2569/items/MOIT5.json';
import MOIT6 from '../../../../rules/moph-moit-2569/items/MOIT6.json';
import MOIT7 from '../../../../rules/moph-moit-2569/items/MOIT7.json';
import MOIT8 from '../../../../rules/moph-moit-2569/items/MOIT8.json';
import MOIT9 from '../../../../rules/moph-moit-2569/items/MOIT9.json';
import MOIT10 from '../../../../rules/moph-moit-2569/items/MOIT10.json';
import MOIT11 from '../../../../rules/moph-moit-2569/items/MOIT11.json';
import MOIT12 from '../../../../rules/moph-moit-2569/items/MOIT12.json';
import MOIT13 from '../../../../rules/moph-moit-2569/items/MOIT13.json';
import MOIT14 from '../../../../rules/moph-moit-2569/items/MOIT14.json';
import MOIT15 from '../../../../rules/moph-moit-2569/items/MOIT15.json';
import MOIT16 from '../../../../rules/moph-moit-2569/items/MOIT16.json';
import MOIT17 from '../../../../rules/moph-moit-2569/items/MOIT17.json';
import MOIT18 from '../../../../rules/moph-moit-2569/items/MOIT18.json';
import MOIT19 from '../../../../rules/moph-moit-2569/items/MOIT19.json';
import MOIT20 from '../../../../rules/moph-moit-2569/items/MOIT20.json';
import MOIT21 from '../../../../rules/moph-moit-2569/items/MOIT21.json';
import MOIT22 from '../../../../rules/moph-moit-2569/items/MOIT22.json';

/** Ruleset and item files (by file name) of moph-moit-2569. */
export const files: PackFiles = {
  ruleset,
  items: {
    'MOIT1.json': MOIT1,
    'MOIT2.json': MOIT2,
    'MOIT3.json': MOIT3,
    'MOIT4.json': MOIT4,
    'MOIT5.json': MOIT5,
    'MOIT6.json': MOIT6,
    'MOIT7.json': MOIT7,
    'MOIT8.json': MOIT8,
    'MOIT9.json': MOIT9,
    'MOIT10.json': MOIT10,
    'MOIT11.json': MOIT11,
    'MOIT12.json': MOIT12,
    'MOIT13.json': MOIT13,
    'MOIT14.json': MOIT14,
    'MOIT15.json': MOIT15,
    'MOIT16.json': MOIT16,
    'MOIT17.json': MOIT17,
    'MOIT18.json': MOIT18,
    'MOIT19.json': MOIT19,
    'MOIT20.json': MOIT20,
    'MOIT21.json': MOIT21,
    'MOIT22.json': MOIT22,
  },
};
