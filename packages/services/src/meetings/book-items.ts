import { isActionItemActive, translate, type Locale } from '@vigia/domain';
import type { ActionItemRecord, Store } from '@vigia/store';
import type { BookActionItem } from '../book/book-types.js';
import { UnitTree } from '../units/unit-tree.js';

/**
 * The action items the meeting book prints for a unit (BookInput.actionItemsFor): the open and
 * in-progress items of the unit and of every unit below it, oldest first. The owner is the name the
 * meeting recorded, else the account's display name, else "the unit commander" (the default owner) in
 * `lang`.
 */
export function bookActionItems(store: Store, lang: Locale): (unitId: number) => Promise<BookActionItem[]> {
  let loaded: Promise<{ tree: UnitTree; items: ActionItemRecord[] }> | null = null;
  const names = new Map<number, Promise<string | null>>();
  const nameOf = (userId: number) => {
    let name = names.get(userId);
    if (!name) names.set(userId, (name = store.getUser(userId).then((u) => u?.displayName ?? null)));
    return name;
  };
  return async (unitId) => {
    loaded ??= Promise.all([
      store.listUnits({ withGeometry: false }),
      store.listActionItems({ statuses: ['open', 'in_progress'] }),
    ]).then(([units, items]) => ({ tree: new UnitTree(units), items }));
    const { tree, items } = await loaded;
    const below = new Set(tree.subtree(unitId));
    const out: BookActionItem[] = [];
    for (const a of items) {
      if (!below.has(a.unitId) || !isActionItemActive(a.status)) continue;
      const owner =
        a.owner.name ??
        (a.owner.userId !== null ? await nameOf(a.owner.userId) : null) ??
        translate(lang, 'meeting.defaultOwner');
      out.push({ title: a.title, owner, due: a.dueDate, status: a.status });
    }
    return out;
  };
}
