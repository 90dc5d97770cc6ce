/**
 * The kiosk's matter choice: matters grouped by their ticket prefix (the
 * matters of one group share the numbering and usually the windows), groups
 * in prefix order, matters by name within a group.
 */
export interface KioskMatter {
  matter: string;
  name: string;
  prefix: string;
  windows: string[];
  waiting: number;
}

export interface MatterGroup<M extends KioskMatter = KioskMatter> {
  prefix: string;
  matters: M[];
  /** Tickets waiting across the group. */
  waiting: number;
}

export function groupMatters<M extends KioskMatter>(matters: readonly M[]): MatterGroup<M>[] {
  const groups = new Map<string, M[]>();
  for (const m of matters) groups.set(m.prefix, [...(groups.get(m.prefix) ?? []), m]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([prefix, list]) => ({
      prefix,
      matters: [...list].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.matter < b.matter ? -1 : 1)),
      waiting: list.reduce((n, m) => n + m.waiting, 0),
    }));
}
