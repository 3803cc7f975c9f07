import type { RulePack } from '../core/rules/load-pack';

/** The context-menu entry "use this page as evidence for…" and its sub-entries. */
export const MENU_ROOT_ID = 'oit-evidence';
const SUB_PREFIX = 'oit-evidence:sub:';
const ITEM_PREFIX = 'oit-evidence:item:';

export interface MenuEntry {
  id: string;
  title: string;
  parentId?: string;
}

/** Shortens an item name for a menu line (menus do not wrap). */
function short(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The menu tree: the root, one submenu per sub-indicator, one entry per item
 * ("O5 ข้อมูลการติดต่อ"). Pure, so it is tested without a browser.
 */
export function buildEvidenceMenu(pack: RulePack): MenuEntry[] {
  const entries: MenuEntry[] = [{ id: MENU_ROOT_ID, title: 'ใช้หน้านี้เป็นหลักฐานสำหรับ…' }];
  for (const sub of pack.subIndicators) {
    const subId = `${SUB_PREFIX}${sub.id}`;
    entries.push({ id: subId, parentId: MENU_ROOT_ID, title: `${sub.id} ${sub.name.th}` });
    for (const itemId of sub.items) {
      const item = pack.itemById.get(itemId);
      entries.push({
        id: `${ITEM_PREFIX}${itemId}`,
        parentId: subId,
        title: `${itemId} ${short(item?.name.th ?? '')}`,
      });
    }
  }
  return entries;
}

/** The item id of a clicked menu entry, or null for the root and submenus. */
export function itemIdOfMenu(menuItemId: string | number): string | null {
  const id = String(menuItemId);
  return id.startsWith(ITEM_PREFIX) ? id.slice(ITEM_PREFIX.length) : null;
}
