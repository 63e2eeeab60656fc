import { createContext, useContext } from 'react';
import type { Me, Role } from '../api/types.js';

/** The signed-in user and how to sign out. */
export interface SessionValue {
  me: Me;
  signOut: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

/** The session; only inside the signed-in app. */
export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionContext');
  return v;
}

/** Roles that may import data and see quarantined rows (data.import in the server's policy). */
export function canImport(role: Role): boolean {
  return role === 'admin' || role === 'analyst';
}
