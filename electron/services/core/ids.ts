import { v7 as uuidv7 } from 'uuid';

/** Time-ordered record keys (UUIDv7), so the hall server can merge windows' records. */
export function newId(): string {
  return uuidv7();
}
