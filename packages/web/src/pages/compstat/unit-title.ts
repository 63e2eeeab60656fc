/** "district 11", but "Precinto 3 — Puerto Nuevo" when the unit's name already says its level. */
export function unitTitle(level: string, name: string): string {
  return name.toLowerCase().startsWith(level.toLowerCase()) ? name : `${level} ${name}`;
}
