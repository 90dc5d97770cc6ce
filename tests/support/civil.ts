/** Helpers for the civil-registration tests: a time in Beijing on a hall date, and valid resident ID numbers. */
import { residentIdCheckCharacter } from '../../shared/domain/id-number';

/** A time of day (09:00 unless given) in Beijing on a hall date. */
export function at(date: string, time = '09:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** A valid resident ID number for a birth date and sex (Beijing Chaoyang, sequence 12x). */
export function idFor(birthDate: string, sex: 'male' | 'female'): string {
  const first17 = `110105${birthDate.replaceAll('-', '')}12${sex === 'male' ? 3 : 4}`;
  return first17 + residentIdCheckCharacter(first17);
}
