// Written by scripts/build-rule-packs.mjs: static imports so the extension bundle carries every
// pack (style-anchors.md §6.8 item 7: no directory reads at run time). Do not edit by hand.
import ita_2562_ruleset from '../../../rules/ita-2562/ruleset.json';
import ita_2562_O1 from '../../../rules/ita-2562/items/O1.json';
import ita_2562_O2 from '../../../rules/ita-2562/items/O2.json';
import ita_2562_O3 from '../../../rules/ita-2562/items/O3.json';
import ita_2562_O4 from '../../../rules/ita-2562/items/O4.json';
import ita_2562_O5 from '../../../rules/ita-2562/items/O5.json';
import ita_2562_O6 from '../../../rules/ita-2562/items/O6.json';
import ita_2562_O7 from '../../../rules/ita-2562/items/O7.json';
import ita_2562_O8 from '../../../rules/ita-2562/items/O8.json';
import ita_2562_O9 from '../../../rules/ita-2562/items/O9.json';
import ita_2562_O10 from '../../../rules/ita-2562/items/O10.json';
import ita_2562_O11 from '../../../rules/ita-2562/items/O11.json';
import ita_2562_O12 from '../../../rules/ita-2562/items/O12.json';
import ita_2562_O13 from '../../../rules/ita-2562/items/O13.json';
import ita_2562_O14 from '../../../rules/ita-2562/items/O14.json';
import ita_2562_O15 from '../../../rules/ita-2562/items/O15.json';
import ita_2562_O16 from '../../../rules/ita-2562/items/O16.json';
import ita_2562_O17 from '../../../rules/ita-2562/items/O17.json';
import ita_2562_O18 from '../../../rules/ita-2562/items/O18.json';
import ita_2562_O19 from '../../../rules/ita-2562/items/O19.json';
import ita_2562_O20 from '../../../rules/ita-2562/items/O20.json';
import ita_2562_O21 from '../../../rules/ita-2562/items/O21.json';
import ita_2562_O22 from '../../../rules/ita-2562/items/O22.json';
import ita_2562_O23 from '../../../rules/ita-2562/items/O23.json';
import ita_2562_O24 from '../../../rules/ita-2562/items/O24.json';
import ita_2562_O25 from '../../../rules/ita-2562/items/O25.json';
import ita_2562_O26 from '../../../rules/ita-2562/items/O26.json';
import ita_2562_O27 from '../../../rules/ita-2562/items/O27.json';
import ita_2562_O28 from '../../../rules/ita-2562/items/O28.json';
import ita_2562_O29 from '../../../rules/ita-2562/items/O29.json';
import ita_2562_O30 from '../../../rules/ita-2562/items/O30.json';
import ita_2562_O31 from '../../../rules/ita-2562/items/O31.json';
import ita_2562_O32 from '../../../rules/ita-2562/items/O32.json';
import ita_2562_O33 from '../../../rules/ita-2562/items/O33.json';
import ita_2562_O34 from '../../../rules/ita-2562/items/O34.json';
import ita_2562_O35 from '../../../rules/ita-2562/items/O35.json';
import ita_2562_O36 from '../../../rules/ita-2562/items/O36.json';
import ita_2562_O37 from '../../../rules/ita-2562/items/O37.json';
import ita_2562_O38 from '../../../rules/ita-2562/items/O38.json';
import ita_2562_O39 from '../../../rules/ita-2562/items/O39.json';
import ita_2562_O40 from '../../../rules/ita-2562/items/O40.json';
import ita_2562_O41 from '../../../rules/ita-2562/items/O41.json';
import ita_2562_O42 from '../../../rules/ita-2562/items/O42.json';
import ita_2562_O43 from '../../../rules/ita-2562/items/O43.json';
import ita_2562_O44 from '../../../rules/ita-2562/items/O44.json';
import ita_2562_O45 from '../../../rules/ita-2562/items/O45.json';
import ita_2562_O46 from '../../../rules/ita-2562/items/O46.json';
import ita_2562_O47 from '../../../rules/ita-2562/items/O47.json';
import ita_2562_O48 from '../../../rules/ita-2562/items/O48.json';
import ita_2563_ruleset from '../../../rules/ita-2563/ruleset.json';
import ita_2563_O1 from '../../../rules/ita-2563/items/O1.json';
import ita_2563_O2 from '../../../rules/ita-2563/items/O2.json';
import ita_2563_O3 from '../../../rules/ita-2563/items/O3.json';
import ita_2563_O4 from '../../../rules/ita-2563/items/O4.json';
import ita_2563_O5 from '../../../rules/ita-2563/items/O5.json';
import ita_2563_O6 from '../../../rules/ita-2563/items/O6.json';
import ita_2563_O7 from '../../../rules/ita-2563/items/O7.json';
import ita_2563_O8 from '../../../rules/ita-2563/items/O8.json';
import ita_2563_O9 from '../../../rules/ita-2563/items/O9.json';
import ita_2563_O10 from '../../../rules/ita-2563/items/O10.json';
import ita_2563_O11 from '../../../rules/ita-2563/items/O11.json';
import ita_2563_O12 from '../../../rules/ita-2563/items/O12.json';
import ita_2563_O13 from '../../../rules/ita-2563/items/O13.json';
import ita_2563_O14 from '../../../rules/ita-2563/items/O14.json';
import ita_2563_O15 from '../../../rules/ita-2563/items/O15.json';
import ita_2563_O16 from '../../../rules/ita-2563/items/O16.json';
import ita_2563_O17 from '../../../rules/ita-2563/items/O17.json';
import ita_2563_O18 from '../../../rules/ita-2563/items/O18.json';
import ita_2563_O19 from '../../../rules/ita-2563/items/O19.json';
import ita_2563_O20 from '../../../rules/ita-2563/items/O20.json';
import ita_2563_O21 from '../../../rules/ita-2563/items/O21.json';
import ita_2563_O22 from '../../../rules/ita-2563/items/O22.json';
import ita_2563_O23 from '../../../rules/ita-2563/items/O23.json';
import ita_2563_O24 from '../../../rules/ita-2563/items/O24.json';
import ita_2563_O25 from '../../../rules/ita-2563/items/O25.json';
import ita_2563_O26 from '../../../rules/ita-2563/items/O26.json';
import ita_2563_O27 from '../../../rules/ita-2563/items/O27.json';
import ita_2563_O28 from '../../../rules/ita-2563/items/O28.json';
import ita_2563_O29 from '../../../rules/ita-2563/items/O29.json';
import ita_2563_O30 from '../../../rules/ita-2563/items/O30.json';
import ita_2563_O31 from '../../../rules/ita-2563/items/O31.json';
import ita_2563_O32 from '../../../rules/ita-2563/items/O32.json';
import ita_2563_O33 from '../../../rules/ita-2563/items/O33.json';
import ita_2563_O34 from '../../../rules/ita-2563/items/O34.json';
import ita_2563_O35 from '../../../rules/ita-2563/items/O35.json';
import ita_2563_O36 from '../../../rules/ita-2563/items/O36.json';
import ita_2563_O37 from '../../../rules/ita-2563/items/O37.json';
import ita_2563_O38 from '../../../rules/ita-2563/items/O38.json';
import ita_2563_O39 from '../../../rules/ita-2563/items/O39.json';
import ita_2563_O40 from '../../../rules/ita-2563/items/O40.json';
import ita_2563_O41 from '../../../rules/ita-2563/items/O41.json';
import ita_2563_O42 from '../../../rules/ita-2563/items/O42.json';
import ita_2563_O43 from '../../../rules/ita-2563/items/O43.json';
import ita_2564_ruleset from '../../../rules/ita-2564/ruleset.json';
import ita_2564_O1 from '../../../rules/ita-2564/items/O1.json';
import ita_2564_O2 from '../../../rules/ita-2564/items/O2.json';
import ita_2564_O3 from '../../../rules/ita-2564/items/O3.json';
import ita_2564_O4 from '../../../rules/ita-2564/items/O4.json';
import ita_2564_O5 from '../../../rules/ita-2564/items/O5.json';
import ita_2564_O6 from '../../../rules/ita-2564/items/O6.json';
import ita_2564_O7 from '../../../rules/ita-2564/items/O7.json';
import ita_2564_O8 from '../../../rules/ita-2564/items/O8.json';
import ita_2564_O9 from '../../../rules/ita-2564/items/O9.json';
import ita_2564_O10 from '../../../rules/ita-2564/items/O10.json';
import ita_2564_O11 from '../../../rules/ita-2564/items/O11.json';
import ita_2564_O12 from '../../../rules/ita-2564/items/O12.json';
import ita_2564_O13 from '../../../rules/ita-2564/items/O13.json';
import ita_2564_O14 from '../../../rules/ita-2564/items/O14.json';
import ita_2564_O15 from '../../../rules/ita-2564/items/O15.json';
import ita_2564_O16 from '../../../rules/ita-2564/items/O16.json';
import ita_2564_O17 from '../../../rules/ita-2564/items/O17.json';
import ita_2564_O18 from '../../../rules/ita-2564/items/O18.json';
import ita_2564_O19 from '../../../rules/ita-2564/items/O19.json';
import ita_2564_O20 from '../../../rules/ita-2564/items/O20.json';
import ita_2564_O21 from '../../../rules/ita-2564/items/O21.json';
import ita_2564_O22 from '../../../rules/ita-2564/items/O22.json';
import ita_2564_O23 from '../../../rules/ita-2564/items/O23.json';
import ita_2564_O24 from '../../../rules/ita-2564/items/O24.json';
import ita_2564_O25 from '../../../rules/ita-2564/items/O25.json';
import ita_2564_O26 from '../../../rules/ita-2564/items/O26.json';
import ita_2564_O27 from '../../../rules/ita-2564/items/O27.json';
import ita_2564_O28 from '../../../rules/ita-2564/items/O28.json';
import ita_2564_O29 from '../../../rules/ita-2564/items/O29.json';
import ita_2564_O30 from '../../../rules/ita-2564/items/O30.json';
import ita_2564_O31 from '../../../rules/ita-2564/items/O31.json';
import ita_2564_O32 from '../../../rules/ita-2564/items/O32.json';
import ita_2564_O33 from '../../../rules/ita-2564/items/O33.json';
import ita_2564_O34 from '../../../rules/ita-2564/items/O34.json';
import ita_2564_O35 from '../../../rules/ita-2564/items/O35.json';
import ita_2564_O36 from '../../../rules/ita-2564/items/O36.json';
import ita_2564_O37 from '../../../rules/ita-2564/items/O37.json';
import ita_2564_O38 from '../../../rules/ita-2564/items/O38.json';
import ita_2564_O39 from '../../../rules/ita-2564/items/O39.json';
import ita_2564_O40 from '../../../rules/ita-2564/items/O40.json';
import ita_2564_O41 from '../../../rules/ita-2564/items/O41.json';
import ita_2564_O42 from '../../../rules/ita-2564/items/O42.json';
import ita_2564_O43 from '../../../rules/ita-2564/items/O43.json';
import ita_2565_ruleset from '../../../rules/ita-2565/ruleset.json';
import ita_2565_O1 from '../../../rules/ita-2565/items/O1.json';
import ita_2565_O2 from '../../../rules/ita-2565/items/O2.json';
import ita_2565_O3 from '../../../rules/ita-2565/items/O3.json';
import ita_2565_O4 from '../../../rules/ita-2565/items/O4.json';
import ita_2565_O5 from '../../../rules/ita-2565/items/O5.json';
import ita_2565_O6 from '../../../rules/ita-2565/items/O6.json';
import ita_2565_O7 from '../../../rules/ita-2565/items/O7.json';
import ita_2565_O8 from '../../../rules/ita-2565/items/O8.json';
import ita_2565_O9 from '../../../rules/ita-2565/items/O9.json';
import ita_2565_O10 from '../../../rules/ita-2565/items/O10.json';
import ita_2565_O11 from '../../../rules/ita-2565/items/O11.json';
import ita_2565_O12 from '../../../rules/ita-2565/items/O12.json';
import ita_2565_O13 from '../../../rules/ita-2565/items/O13.json';
import ita_2565_O14 from '../../../rules/ita-2565/items/O14.json';
import ita_2565_O15 from '../../../rules/ita-2565/items/O15.json';
import ita_2565_O16 from '../../../rules/ita-2565/items/O16.json';
import ita_2565_O17 from '../../../rules/ita-2565/items/O17.json';
import ita_2565_O18 from '../../../rules/ita-2565/items/O18.json';
import ita_2565_O19 from '../../../rules/ita-2565/items/O19.json';
import ita_2565_O20 from '../../../rules/ita-2565/items/O20.json';
import ita_2565_O21 from '../../../rules/ita-2565/items/O21.json';
import ita_2565_O22 from '../../../rules/ita-2565/items/O22.json';
import ita_2565_O23 from '../../../rules/ita-2565/items/O23.json';
import ita_2565_O24 from '../../../rules/ita-2565/items/O24.json';
import ita_2565_O25 from '../../../rules/ita-2565/items/O25.json';
import ita_2565_O26 from '../../../rules/ita-2565/items/O26.json';
import ita_2565_O27 from '../../../rules/ita-2565/items/O27.json';
import ita_2565_O28 from '../../../rules/ita-2565/items/O28.json';
import ita_2565_O29 from '../../../rules/ita-2565/items/O29.json';
import ita_2565_O30 from '../../../rules/ita-2565/items/O30.json';
import ita_2565_O31 from '../../../rules/ita-2565/items/O31.json';
import ita_2565_O32 from '../../../rules/ita-2565/items/O32.json';
import ita_2565_O33 from '../../../rules/ita-2565/items/O33.json';
import ita_2565_O34 from '../../../rules/ita-2565/items/O34.json';
import ita_2565_O35 from '../../../rules/ita-2565/items/O35.json';
import ita_2565_O36 from '../../../rules/ita-2565/items/O36.json';
import ita_2565_O37 from '../../../rules/ita-2565/items/O37.json';
import ita_2565_O38 from '../../../rules/ita-2565/items/O38.json';
import ita_2565_O39 from '../../../rules/ita-2565/items/O39.json';
import ita_2565_O40 from '../../../rules/ita-2565/items/O40.json';
import ita_2565_O41 from '../../../rules/ita-2565/items/O41.json';
import ita_2565_O42 from '../../../rules/ita-2565/items/O42.json';
import ita_2565_O43 from '../../../rules/ita-2565/items/O43.json';
import ita_2566_ruleset from '../../../rules/ita-2566/ruleset.json';
import ita_2566_O1 from '../../../rules/ita-2566/items/O1.json';
import ita_2566_O2 from '../../../rules/ita-2566/items/O2.json';
import ita_2566_O3 from '../../../rules/ita-2566/items/O3.json';
import ita_2566_O4 from '../../../rules/ita-2566/items/O4.json';
import ita_2566_O5 from '../../../rules/ita-2566/items/O5.json';
import ita_2566_O6 from '../../../rules/ita-2566/items/O6.json';
import ita_2566_O7 from '../../../rules/ita-2566/items/O7.json';
import ita_2566_O8 from '../../../rules/ita-2566/items/O8.json';
import ita_2566_O9 from '../../../rules/ita-2566/items/O9.json';
import ita_2566_O10 from '../../../rules/ita-2566/items/O10.json';
import ita_2566_O11 from '../../../rules/ita-2566/items/O11.json';
import ita_2566_O12 from '../../../rules/ita-2566/items/O12.json';
import ita_2566_O13 from '../../../rules/ita-2566/items/O13.json';
import ita_2566_O14 from '../../../rules/ita-2566/items/O14.json';
import ita_2566_O15 from '../../../rules/ita-2566/items/O15.json';
import ita_2566_O16 from '../../../rules/ita-2566/items/O16.json';
import ita_2566_O17 from '../../../rules/ita-2566/items/O17.json';
import ita_2566_O18 from '../../../rules/ita-2566/items/O18.json';
import ita_2566_O19 from '../../../rules/ita-2566/items/O19.json';
import ita_2566_O20 from '../../../rules/ita-2566/items/O20.json';
import ita_2566_O21 from '../../../rules/ita-2566/items/O21.json';
import ita_2566_O22 from '../../../rules/ita-2566/items/O22.json';
import ita_2566_O23 from '../../../rules/ita-2566/items/O23.json';
import ita_2566_O24 from '../../../rules/ita-2566/items/O24.json';
import ita_2566_O25 from '../../../rules/ita-2566/items/O25.json';
import ita_2566_O26 from '../../../rules/ita-2566/items/O26.json';
import ita_2566_O27 from '../../../rules/ita-2566/items/O27.json';
import ita_2566_O28 from '../../../rules/ita-2566/items/O28.json';
import ita_2566_O29 from '../../../rules/ita-2566/items/O29.json';
import ita_2566_O30 from '../../../rules/ita-2566/items/O30.json';
import ita_2566_O31 from '../../../rules/ita-2566/items/O31.json';
import ita_2566_O32 from '../../../rules/ita-2566/items/O32.json';
import ita_2566_O33 from '../../../rules/ita-2566/items/O33.json';
import ita_2566_O34 from '../../../rules/ita-2566/items/O34.json';
import ita_2566_O35 from '../../../rules/ita-2566/items/O35.json';
import ita_2566_O36 from '../../../rules/ita-2566/items/O36.json';
import ita_2566_O37 from '../../../rules/ita-2566/items/O37.json';
import ita_2566_O38 from '../../../rules/ita-2566/items/O38.json';
import ita_2566_O39 from '../../../rules/ita-2566/items/O39.json';
import ita_2566_O40 from '../../../rules/ita-2566/items/O40.json';
import ita_2566_O41 from '../../../rules/ita-2566/items/O41.json';
import ita_2566_O42 from '../../../rules/ita-2566/items/O42.json';
import ita_2566_O43 from '../../../rules/ita-2566/items/O43.json';
import ita_2568_ruleset from '../../../rules/ita-2568/ruleset.json';
import ita_2568_O1 from '../../../rules/ita-2568/items/O1.json';
import ita_2568_O2 from '../../../rules/ita-2568/items/O2.json';
import ita_2568_O3 from '../../../rules/ita-2568/items/O3.json';
import ita_2568_O4 from '../../../rules/ita-2568/items/O4.json';
import ita_2568_O5 from '../../../rules/ita-2568/items/O5.json';
import ita_2568_O6 from '../../../rules/ita-2568/items/O6.json';
import ita_2568_O7 from '../../../rules/ita-2568/items/O7.json';
import ita_2568_O8 from '../../../rules/ita-2568/items/O8.json';
import ita_2568_O9 from '../../../rules/ita-2568/items/O9.json';
import ita_2568_O10 from '../../../rules/ita-2568/items/O10.json';
import ita_2568_O11 from '../../../rules/ita-2568/items/O11.json';
import ita_2568_O12 from '../../../rules/ita-2568/items/O12.json';
import ita_2568_O13 from '../../../rules/ita-2568/items/O13.json';
import ita_2568_O14 from '../../../rules/ita-2568/items/O14.json';
import ita_2568_O15 from '../../../rules/ita-2568/items/O15.json';
import ita_2568_O16 from '../../../rules/ita-2568/items/O16.json';
import ita_2568_O17 from '../../../rules/ita-2568/items/O17.json';
import ita_2568_O18 from '../../../rules/ita-2568/items/O18.json';
import ita_2568_O19 from '../../../rules/ita-2568/items/O19.json';
import ita_2568_O20 from '../../../rules/ita-2568/items/O20.json';
import ita_2568_O21 from '../../../rules/ita-2568/items/O21.json';
import ita_2568_O22 from '../../../rules/ita-2568/items/O22.json';
import ita_2568_O23 from '../../../rules/ita-2568/items/O23.json';
import ita_2568_O24 from '../../../rules/ita-2568/items/O24.json';
import ita_2568_O25 from '../../../rules/ita-2568/items/O25.json';
import ita_2568_O26 from '../../../rules/ita-2568/items/O26.json';
import ita_2569_ruleset from '../../../rules/ita-2569/ruleset.json';
import ita_2569_O1 from '../../../rules/ita-2569/items/O1.json';
import ita_2569_O2 from '../../../rules/ita-2569/items/O2.json';
import ita_2569_O3 from '../../../rules/ita-2569/items/O3.json';
import ita_2569_O4 from '../../../rules/ita-2569/items/O4.json';
import ita_2569_O5 from '../../../rules/ita-2569/items/O5.json';
import ita_2569_O6 from '../../../rules/ita-2569/items/O6.json';
import ita_2569_O7 from '../../../rules/ita-2569/items/O7.json';
import ita_2569_O8 from '../../../rules/ita-2569/items/O8.json';
import ita_2569_O9 from '../../../rules/ita-2569/items/O9.json';
import ita_2569_O10 from '../../../rules/ita-2569/items/O10.json';
import ita_2569_O11 from '../../../rules/ita-2569/items/O11.json';
import ita_2569_O12 from '../../../rules/ita-2569/items/O12.json';
import ita_2569_O13 from '../../../rules/ita-2569/items/O13.json';
import ita_2569_O14 from '../../../rules/ita-2569/items/O14.json';
import ita_2569_O15 from '../../../rules/ita-2569/items/O15.json';
import ita_2569_O16 from '../../../rules/ita-2569/items/O16.json';
import ita_2569_O17 from '../../../rules/ita-2569/items/O17.json';
import ita_2569_O18 from '../../../rules/ita-2569/items/O18.json';
import ita_2569_O19 from '../../../rules/ita-2569/items/O19.json';
import ita_2569_O20 from '../../../rules/ita-2569/items/O20.json';
import ita_2569_O21 from '../../../rules/ita-2569/items/O21.json';
import ita_2569_O22 from '../../../rules/ita-2569/items/O22.json';
import ita_2569_O23 from '../../../rules/ita-2569/items/O23.json';
import ita_2569_O24 from '../../../rules/ita-2569/items/O24.json';
import ita_2569_O25 from '../../../rules/ita-2569/items/O25.json';
import ita_2569_O26 from '../../../rules/ita-2569/items/O26.json';
import moph_moit_2567_ruleset from '../../../rules/moph-moit-2567/ruleset.json';
import moph_moit_2567_MOIT1 from '../../../rules/moph-moit-2567/items/MOIT1.json';
import moph_moit_2567_MOIT2 from '../../../rules/moph-moit-2567/items/MOIT2.json';
import moph_moit_2567_MOIT3 from '../../../rules/moph-moit-2567/items/MOIT3.json';
import moph_moit_2567_MOIT4 from '../../../rules/moph-moit-2567/items/MOIT4.json';
import moph_moit_2567_MOIT5 from '../../../rules/moph-moit-2567/items/MOIT5.json';
import moph_moit_2567_MOIT6 from '../../../rules/moph-moit-2567/items/MOIT6.json';
import moph_moit_2567_MOIT7 from '../../../rules/moph-moit-2567/items/MOIT7.json';
import moph_moit_2567_MOIT8 from '../../../rules/moph-moit-2567/items/MOIT8.json';
import moph_moit_2567_MOIT9 from '../../../rules/moph-moit-2567/items/MOIT9.json';
import moph_moit_2567_MOIT10 from '../../../rules/moph-moit-2567/items/MOIT10.json';
import moph_moit_2567_MOIT11 from '../../../rules/moph-moit-2567/items/MOIT11.json';
import moph_moit_2567_MOIT12 from '../../../rules/moph-moit-2567/items/MOIT12.json';
import moph_moit_2567_MOIT13 from '../../../rules/moph-moit-2567/items/MOIT13.json';
import moph_moit_2567_MOIT14 from '../../../rules/moph-moit-2567/items/MOIT14.json';
import moph_moit_2567_MOIT15 from '../../../rules/moph-moit-2567/items/MOIT15.json';
import moph_moit_2567_MOIT16 from '../../../rules/moph-moit-2567/items/MOIT16.json';
import moph_moit_2567_MOIT17 from '../../../rules/moph-moit-2567/items/MOIT17.json';
import moph_moit_2567_MOIT18 from '../../../rules/moph-moit-2567/items/MOIT18.json';
import moph_moit_2567_MOIT19 from '../../../rules/moph-moit-2567/items/MOIT19.json';
import moph_moit_2567_MOIT20 from '../../../rules/moph-moit-2567/items/MOIT20.json';
import moph_moit_2567_MOIT21 from '../../../rules/moph-moit-2567/items/MOIT21.json';
import moph_moit_2567_MOIT22 from '../../../rules/moph-moit-2567/items/MOIT22.json';
import moph_moit_2568_ruleset from '../../../rules/moph-moit-2568/ruleset.json';
import moph_moit_2568_MOIT1 from '../../../rules/moph-moit-2568/items/MOIT1.json';
import moph_moit_2568_MOIT2 from '../../../rules/moph-moit-2568/items/MOIT2.json';
import moph_moit_2568_MOIT3 from '../../../rules/moph-moit-2568/items/MOIT3.json';
import moph_moit_2568_MOIT4 from '../../../rules/moph-moit-2568/items/MOIT4.json';
import moph_moit_2568_MOIT5 from '../../../rules/moph-moit-2568/items/MOIT5.json';
import moph_moit_2568_MOIT6 from '../../../rules/moph-moit-2568/items/MOIT6.json';
import moph_moit_2568_MOIT7 from '../../../rules/moph-moit-2568/items/MOIT7.json';
import moph_moit_2568_MOIT8 from '../../../rules/moph-moit-2568/items/MOIT8.json';
import moph_moit_2568_MOIT9 from '../../../rules/moph-moit-2568/items/MOIT9.json';
import moph_moit_2568_MOIT10 from '../../../rules/moph-moit-2568/items/MOIT10.json';
import moph_moit_2568_MOIT11 from '../../../rules/moph-moit-2568/items/MOIT11.json';
import moph_moit_2568_MOIT12 from '../../../rules/moph-moit-2568/items/MOIT12.json';
import moph_moit_2568_MOIT13 from '../../../rules/moph-moit-2568/items/MOIT13.json';
import moph_moit_2568_MOIT14 from '../../../rules/moph-moit-2568/items/MOIT14.json';
import moph_moit_2568_MOIT15 from '../../../rules/moph-moit-2568/items/MOIT15.json';
import moph_moit_2568_MOIT16 from '../../../rules/moph-moit-2568/items/MOIT16.json';
import moph_moit_2568_MOIT17 from '../../../rules/moph-moit-2568/items/MOIT17.json';
import moph_moit_2568_MOIT18 from '../../../rules/moph-moit-2568/items/MOIT18.json';
import moph_moit_2568_MOIT19 from '../../../rules/moph-moit-2568/items/MOIT19.json';
import moph_moit_2568_MOIT20 from '../../../rules/moph-moit-2568/items/MOIT20.json';
import moph_moit_2568_MOIT21 from '../../../rules/moph-moit-2568/items/MOIT21.json';
import moph_moit_2568_MOIT22 from '../../../rules/moph-moit-2568/items/MOIT22.json';
import moph_moit_2569_ruleset from '../../../rules/moph-moit-2569/ruleset.json';
import moph_moit_2569_MOIT1 from '../../../rules/moph-moit-2569/items/MOIT1.json';
import moph_moit_2569_MOIT2 from '../../../rules/moph-moit-2569/items/MOIT2.json';
import moph_moit_2569_MOIT3 from '../../../rules/moph-moit-2569/items/MOIT3.json';
import moph_moit_2569_MOIT4 from '../../../rules/moph-moit-2569/items/MOIT4.json';
import moph_moit_2569_MOIT5 from '../../../rules/moph-moit-2569/items/MOIT5.json';
import moph_moit_2569_MOIT6 from '../../../rules/moph-moit-2569/items/MOIT6.json';
import moph_moit_2569_MOIT7 from '../../../rules/moph-moit-2569/items/MOIT7.json';
import moph_moit_2569_MOIT8 from '../../../rules/moph-moit-2569/items/MOIT8.json';
import moph_moit_2569_MOIT9 from '../../../rules/moph-moit-2569/items/MOIT9.json';
import moph_moit_2569_MOIT10 from '../../../rules/moph-moit-2569/items/MOIT10.json';
import moph_moit_2569_MOIT11 from '../../../rules/moph-moit-2569/items/MOIT11.json';
import moph_moit_2569_MOIT12 from '../../../rules/moph-moit-2569/items/MOIT12.json';
import moph_moit_2569_MOIT13 from '../../../rules/moph-moit-2569/items/MOIT13.json';
import moph_moit_2569_MOIT14 from '../../../rules/moph-moit-2569/items/MOIT14.json';
import moph_moit_2569_MOIT15 from '../../../rules/moph-moit-2569/items/MOIT15.json';
import moph_moit_2569_MOIT16 from '../../../rules/moph-moit-2569/items/MOIT16.json';
import moph_moit_2569_MOIT17 from '../../../rules/moph-moit-2569/items/MOIT17.json';
import moph_moit_2569_MOIT18 from '../../../rules/moph-moit-2569/items/MOIT18.json';
import moph_moit_2569_MOIT19 from '../../../rules/moph-moit-2569/items/MOIT19.json';
import moph_moit_2569_MOIT20 from '../../../rules/moph-moit-2569/items/MOIT20.json';
import moph_moit_2569_MOIT21 from '../../../rules/moph-moit-2569/items/MOIT21.json';
import moph_moit_2569_MOIT22 from '../../../rules/moph-moit-2569/items/MOIT22.json';

/** Ruleset and item files (by file name) of every bundled pack. */
export const bundledPackFiles: Record<string, { ruleset: unknown; items: Record<string, unknown> }> = {
  'ita-2562': {
    ruleset: ita_2562_ruleset,
    items: {
      'O1.json': ita_2562_O1,
      'O2.json': ita_2562_O2,
      'O3.json': ita_2562_O3,
      'O4.json': ita_2562_O4,
      'O5.json': ita_2562_O5,
      'O6.json': ita_2562_O6,
      'O7.json': ita_2562_O7,
      'O8.json': ita_2562_O8,
      'O9.json': ita_2562_O9,
      'O10.json': ita_2562_O10,
      'O11.json': ita_2562_O11,
      'O12.json': ita_2562_O12,
      'O13.json': ita_2562_O13,
      'O14.json': ita_2562_O14,
      'O15.json': ita_2562_O15,
      'O16.json': ita_2562_O16,
      'O17.json': ita_2562_O17,
      'O18.json': ita_2562_O18,
      'O19.json': ita_2562_O19,
      'O20.json': ita_2562_O20,
      'O21.json': ita_2562_O21,
      'O22.json': ita_2562_O22,
      'O23.json': ita_2562_O23,
      'O24.json': ita_2562_O24,
      'O25.json': ita_2562_O25,
      'O26.json': ita_2562_O26,
      'O27.json': ita_2562_O27,
      'O28.json': ita_2562_O28,
      'O29.json': ita_2562_O29,
      'O30.json': ita_2562_O30,
      'O31.json': ita_2562_O31,
      'O32.json': ita_2562_O32,
      'O33.json': ita_2562_O33,
      'O34.json': ita_2562_O34,
      'O35.json': ita_2562_O35,
      'O36.json': ita_2562_O36,
      'O37.json': ita_2562_O37,
      'O38.json': ita_2562_O38,
      'O39.json': ita_2562_O39,
      'O40.json': ita_2562_O40,
      'O41.json': ita_2562_O41,
      'O42.json': ita_2562_O42,
      'O43.json': ita_2562_O43,
      'O44.json': ita_2562_O44,
      'O45.json': ita_2562_O45,
      'O46.json': ita_2562_O46,
      'O47.json': ita_2562_O47,
      'O48.json': ita_2562_O48,
    },
  },
  'ita-2563': {
    ruleset: ita_2563_ruleset,
    items: {
      'O1.json': ita_2563_O1,
      'O2.json': ita_2563_O2,
      'O3.json': ita_2563_O3,
      'O4.json': ita_2563_O4,
      'O5.json': ita_2563_O5,
      'O6.json': ita_2563_O6,
      'O7.json': ita_2563_O7,
      'O8.json': ita_2563_O8,
      'O9.json': ita_2563_O9,
      'O10.json': ita_2563_O10,
      'O11.json': ita_2563_O11,
      'O12.json': ita_2563_O12,
      'O13.json': ita_2563_O13,
      'O14.json': ita_2563_O14,
      'O15.json': ita_2563_O15,
      'O16.json': ita_2563_O16,
      'O17.json': ita_2563_O17,
      'O18.json': ita_2563_O18,
      'O19.json': ita_2563_O19,
      'O20.json': ita_2563_O20,
      'O21.json': ita_2563_O21,
      'O22.json': ita_2563_O22,
      'O23.json': ita_2563_O23,
      'O24.json': ita_2563_O24,
      'O25.json': ita_2563_O25,
      'O26.json': ita_2563_O26,
      'O27.json': ita_2563_O27,
      'O28.json': ita_2563_O28,
      'O29.json': ita_2563_O29,
      'O30.json': ita_2563_O30,
      'O31.json': ita_2563_O31,
      'O32.json': ita_2563_O32,
      'O33.json': ita_2563_O33,
      'O34.json': ita_2563_O34,
      'O35.json': ita_2563_O35,
      'O36.json': ita_2563_O36,
      'O37.json': ita_2563_O37,
      'O38.json': ita_2563_O38,
      'O39.json': ita_2563_O39,
      'O40.json': ita_2563_O40,
      'O41.json': ita_2563_O41,
      'O42.json': ita_2563_O42,
      'O43.json': ita_2563_O43,
    },
  },
  'ita-2564': {
    ruleset: ita_2564_ruleset,
    items: {
      'O1.json': ita_2564_O1,
      'O2.json': ita_2564_O2,
      'O3.json': ita_2564_O3,
      'O4.json': ita_2564_O4,
      'O5.json': ita_2564_O5,
      'O6.json': ita_2564_O6,
      'O7.json': ita_2564_O7,
      'O8.json': ita_2564_O8,
      'O9.json': ita_2564_O9,
      'O10.json': ita_2564_O10,
      'O11.json': ita_2564_O11,
      'O12.json': ita_2564_O12,
      'O13.json': ita_2564_O13,
      'O14.json': ita_2564_O14,
      'O15.json': ita_2564_O15,
      'O16.json': ita_2564_O16,
      'O17.json': ita_2564_O17,
      'O18.json': ita_2564_O18,
      'O19.json': ita_2564_O19,
      'O20.json': ita_2564_O20,
      'O21.json': ita_2564_O21,
      'O22.json': ita_2564_O22,
      'O23.json': ita_2564_O23,
      'O24.json': ita_2564_O24,
      'O25.json': ita_2564_O25,
      'O26.json': ita_2564_O26,
      'O27.json': ita_2564_O27,
      'O28.json': ita_2564_O28,
      'O29.json': ita_2564_O29,
      'O30.json': ita_2564_O30,
      'O31.json': ita_2564_O31,
      'O32.json': ita_2564_O32,
      'O33.json': ita_2564_O33,
      'O34.json': ita_2564_O34,
      'O35.json': ita_2564_O35,
      'O36.json': ita_2564_O36,
      'O37.json': ita_2564_O37,
      'O38.json': ita_2564_O38,
      'O39.json': ita_2564_O39,
      'O40.json': ita_2564_O40,
      'O41.json': ita_2564_O41,
      'O42.json': ita_2564_O42,
      'O43.json': ita_2564_O43,
    },
  },
  'ita-2565': {
    ruleset: ita_2565_ruleset,
    items: {
      'O1.json': ita_2565_O1,
      'O2.json': ita_2565_O2,
      'O3.json': ita_2565_O3,
      'O4.json': ita_2565_O4,
      'O5.json': ita_2565_O5,
      'O6.json': ita_2565_O6,
      'O7.json': ita_2565_O7,
      'O8.json': ita_2565_O8,
      'O9.json': ita_2565_O9,
      'O10.json': ita_2565_O10,
      'O11.json': ita_2565_O11,
      'O12.json': ita_2565_O12,
      'O13.json': ita_2565_O13,
      'O14.json': ita_2565_O14,
      'O15.json': ita_2565_O15,
      'O16.json': ita_2565_O16,
      'O17.json': ita_2565_O17,
      'O18.json': ita_2565_O18,
      'O19.json': ita_2565_O19,
      'O20.json': ita_2565_O20,
      'O21.json': ita_2565_O21,
      'O22.json': ita_2565_O22,
      'O23.json': ita_2565_O23,
      'O24.json': ita_2565_O24,
      'O25.json': ita_2565_O25,
      'O26.json': ita_2565_O26,
      'O27.json': ita_2565_O27,
      'O28.json': ita_2565_O28,
      'O29.json': ita_2565_O29,
      'O30.json': ita_2565_O30,
      'O31.json': ita_2565_O31,
      'O32.json': ita_2565_O32,
      'O33.json': ita_2565_O33,
      'O34.json': ita_2565_O34,
      'O35.json': ita_2565_O35,
      'O36.json': ita_2565_O36,
      'O37.json': ita_2565_O37,
      'O38.json': ita_2565_O38,
      'O39.json': ita_2565_O39,
      'O40.json': ita_2565_O40,
      'O41.json': ita_2565_O41,
      'O42.json': ita_2565_O42,
      'O43.json': ita_2565_O43,
    },
  },
  'ita-2566': {
    ruleset: ita_2566_ruleset,
    items: {
      'O1.json': ita_2566_O1,
      'O2.json': ita_2566_O2,
      'O3.json': ita_2566_O3,
      'O4.json': ita_2566_O4,
      'O5.json': ita_2566_O5,
      'O6.json': ita_2566_O6,
      'O7.json': ita_2566_O7,
      'O8.json': ita_2566_O8,
      'O9.json': ita_2566_O9,
      'O10.json': ita_2566_O10,
      'O11.json': ita_2566_O11,
      'O12.json': ita_2566_O12,
      'O13.json': ita_2566_O13,
      'O14.json': ita_2566_O14,
      'O15.json': ita_2566_O15,
      'O16.json': ita_2566_O16,
      'O17.json': ita_2566_O17,
      'O18.json': ita_2566_O18,
      'O19.json': ita_2566_O19,
      'O20.json': ita_2566_O20,
      'O21.json': ita_2566_O21,
      'O22.json': ita_2566_O22,
      'O23.json': ita_2566_O23,
      'O24.json': ita_2566_O24,
      'O25.json': ita_2566_O25,
      'O26.json': ita_2566_O26,
      'O27.json': ita_2566_O27,
      'O28.json': ita_2566_O28,
      'O29.json': ita_2566_O29,
      'O30.json': ita_2566_O30,
      'O31.json': ita_2566_O31,
      'O32.json': ita_2566_O32,
      'O33.json': ita_2566_O33,
      'O34.json': ita_2566_O34,
      'O35.json': ita_2566_O35,
      'O36.json': ita_2566_O36,
      'O37.json': ita_2566_O37,
      'O38.json': ita_2566_O38,
      'O39.json': ita_2566_O39,
      'O40.json': ita_2566_O40,
      'O41.json': ita_2566_O41,
      'O42.json': ita_2566_O42,
      'O43.json': ita_2566_O43,
    },
  },
  'ita-2568': {
    ruleset: ita_2568_ruleset,
    items: {
      'O1.json': ita_2568_O1,
      'O2.json': ita_2568_O2,
      'O3.json': ita_2568_O3,
      'O4.json': ita_2568_O4,
      'O5.json': ita_2568_O5,
      'O6.json': ita_2568_O6,
      'O7.json': ita_2568_O7,
      'O8.json': ita_2568_O8,
      'O9.json': ita_2568_O9,
      'O10.json': ita_2568_O10,
      'O11.json': ita_2568_O11,
      'O12.json': ita_2568_O12,
      'O13.json': ita_2568_O13,
      'O14.json': ita_2568_O14,
      'O15.json': ita_2568_O15,
      'O16.json': ita_2568_O16,
      'O17.json': ita_2568_O17,
      'O18.json': ita_2568_O18,
      'O19.json': ita_2568_O19,
      'O20.json': ita_2568_O20,
      'O21.json': ita_2568_O21,
      'O22.json': ita_2568_O22,
      'O23.json': ita_2568_O23,
      'O24.json': ita_2568_O24,
      'O25.json': ita_2568_O25,
      'O26.json': ita_2568_O26,
    },
  },
  'ita-2569': {
    ruleset: ita_2569_ruleset,
    items: {
      'O1.json': ita_2569_O1,
      'O2.json': ita_2569_O2,
      'O3.json': ita_2569_O3,
      'O4.json': ita_2569_O4,
      'O5.json': ita_2569_O5,
      'O6.json': ita_2569_O6,
      'O7.json': ita_2569_O7,
      'O8.json': ita_2569_O8,
      'O9.json': ita_2569_O9,
      'O10.json': ita_2569_O10,
      'O11.json': ita_2569_O11,
      'O12.json': ita_2569_O12,
      'O13.json': ita_2569_O13,
      'O14.json': ita_2569_O14,
      'O15.json': ita_2569_O15,
      'O16.json': ita_2569_O16,
      'O17.json': ita_2569_O17,
      'O18.json': ita_2569_O18,
      'O19.json': ita_2569_O19,
      'O20.json': ita_2569_O20,
      'O21.json': ita_2569_O21,
      'O22.json': ita_2569_O22,
      'O23.json': ita_2569_O23,
      'O24.json': ita_2569_O24,
      'O25.json': ita_2569_O25,
      'O26.json': ita_2569_O26,
    },
  },
  'moph-moit-2567': {
    ruleset: moph_moit_2567_ruleset,
    items: {
      'MOIT1.json': moph_moit_2567_MOIT1,
      'MOIT2.json': moph_moit_2567_MOIT2,
      'MOIT3.json': moph_moit_2567_MOIT3,
      'MOIT4.json': moph_moit_2567_MOIT4,
      'MOIT5.json': moph_moit_2567_MOIT5,
      'MOIT6.json': moph_moit_2567_MOIT6,
      'MOIT7.json': moph_moit_2567_MOIT7,
      'MOIT8.json': moph_moit_2567_MOIT8,
      'MOIT9.json': moph_moit_2567_MOIT9,
      'MOIT10.json': moph_moit_2567_MOIT10,
      'MOIT11.json': moph_moit_2567_MOIT11,
      'MOIT12.json': moph_moit_2567_MOIT12,
      'MOIT13.json': moph_moit_2567_MOIT13,
      'MOIT14.json': moph_moit_2567_MOIT14,
      'MOIT15.json': moph_moit_2567_MOIT15,
      'MOIT16.json': moph_moit_2567_MOIT16,
      'MOIT17.json': moph_moit_2567_MOIT17,
      'MOIT18.json': moph_moit_2567_MOIT18,
      'MOIT19.json': moph_moit_2567_MOIT19,
      'MOIT20.json': moph_moit_2567_MOIT20,
      'MOIT21.json': moph_moit_2567_MOIT21,
      'MOIT22.json': moph_moit_2567_MOIT22,
    },
  },
  'moph-moit-2568': {
    ruleset: moph_moit_2568_ruleset,
    items: {
      'MOIT1.json': moph_moit_2568_MOIT1,
      'MOIT2.json': moph_moit_2568_MOIT2,
      'MOIT3.json': moph_moit_2568_MOIT3,
      'MOIT4.json': moph_moit_2568_MOIT4,
      'MOIT5.json': moph_moit_2568_MOIT5,
      'MOIT6.json': moph_moit_2568_MOIT6,
      'MOIT7.json': moph_moit_2568_MOIT7,
      'MOIT8.json': moph_moit_2568_MOIT8,
      'MOIT9.json': moph_moit_2568_MOIT9,
      'MOIT10.json': moph_moit_2568_MOIT10,
      'MOIT11.json': moph_moit_2568_MOIT11,
      'MOIT12.json': moph_moit_2568_MOIT12,
      'MOIT13.json': moph_moit_2568_MOIT13,
      'MOIT14.json': moph_moit_2568_MOIT14,
      'MOIT15.json': moph_moit_2568_MOIT15,
      'MOIT16.json': moph_moit_2568_MOIT16,
      'MOIT17.json': moph_moit_2568_MOIT17,
      'MOIT18.json': moph_moit_2568_MOIT18,
      'MOIT19.json': moph_moit_2568_MOIT19,
      'MOIT20.json': moph_moit_2568_MOIT20,
      'MOIT21.json': moph_moit_2568_MOIT21,
      'MOIT22.json': moph_moit_2568_MOIT22,
    },
  },
  'moph-moit-2569': {
    ruleset: moph_moit_2569_ruleset,
    items: {
      'MOIT1.json': moph_moit_2569_MOIT1,
      'MOIT2.json': moph_moit_2569_MOIT2,
      'MOIT3.json': moph_moit_2569_MOIT3,
      'MOIT4.json': moph_moit_2569_MOIT4,
      'MOIT5.json': moph_moit_2569_MOIT5,
      'MOIT6.json': moph_moit_2569_MOIT6,
      'MOIT7.json': moph_moit_2569_MOIT7,
      'MOIT8.json': moph_moit_2569_MOIT8,
      'MOIT9.json': moph_moit_2569_MOIT9,
      'MOIT10.json': moph_moit_2569_MOIT10,
      'MOIT11.json': moph_moit_2569_MOIT11,
      'MOIT12.json': moph_moit_2569_MOIT12,
      'MOIT13.json': moph_moit_2569_MOIT13,
      'MOIT14.json': moph_moit_2569_MOIT14,
      'MOIT15.json': moph_moit_2569_MOIT15,
      'MOIT16.json': moph_moit_2569_MOIT16,
      'MOIT17.json': moph_moit_2569_MOIT17,
      'MOIT18.json': moph_moit_2569_MOIT18,
      'MOIT19.json': moph_moit_2569_MOIT19,
      'MOIT20.json': moph_moit_2569_MOIT20,
      'MOIT21.json': moph_moit_2569_MOIT21,
      'MOIT22.json': moph_moit_2569_MOIT22,
    },
  },
};
