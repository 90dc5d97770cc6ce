/**
 * The materials checklist of a contact: which materials were received, the
 * problem written against a received one, and what is still missing — the
 * required ones not received plus the received ones with a problem.
 */
import { useCallback, useState } from 'react';
import type { CatalogueItem } from '../../../shared/catalogue/schema';

export interface MaterialProblem {
  materialId: string;
  problem: string;
}

export function useMaterialsChecklist(item: CatalogueItem | undefined) {
  const [received, setReceived] = useState<Set<string>>(new Set());
  const [problems, setProblems] = useState<Record<string, string>>({});

  const toggle = (id: string, on: boolean) => {
    const next = new Set(received);
    if (on) next.add(id);
    else next.delete(id);
    setReceived(next);
  };

  const setProblem = (id: string, text: string) => setProblems({ ...problems, [id]: text });

  /** Starts over from what the contact has on record; the problems written so far are dropped. */
  const reset = (receivedMaterialIds: readonly string[]) => {
    setReceived(new Set(receivedMaterialIds));
    setProblems({});
  };

  /** Takes the contact's received materials, keeping the problems written so far. */
  const take = useCallback((receivedMaterialIds: readonly string[]) => setReceived(new Set(receivedMaterialIds)), []);

  // a problem counts only against a received material, and only when something is written
  const problemList: MaterialProblem[] = Object.entries(problems)
    .filter(([id, text]) => received.has(id) && text.trim() !== '')
    .map(([materialId, problem]) => ({ materialId, problem: problem.trim() }));
  const missingCount = item ? item.materials.filter((m) => m.required && !received.has(m.id)).length + problemList.length : 0;

  return { received, problems, toggle, setProblem, reset, take, problemList, missingCount };
}

export type MaterialsChecklist = ReturnType<typeof useMaterialsChecklist>;
