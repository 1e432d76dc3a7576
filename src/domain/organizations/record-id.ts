// Record ids arrive in addresses and form fields; one that is not a UUID names no record,
// so it is answered "not found" before it reaches the database (which would reject it).
import { z } from 'zod';

const recordId = z.guid();

export function isRecordId(value: unknown): value is string {
  return recordId.safeParse(value).success;
}
