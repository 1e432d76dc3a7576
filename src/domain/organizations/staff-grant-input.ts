// Granting the authority's roles (Reviewer, Administrator) in a jurisdiction. Kept beside
// organizations: both decide who acts for whom. A jurisdiction always keeps one
// administrator, or no one could grant roles in it again without the command line.
import { z } from 'zod';
import type { StaffRole } from '../permissions.ts';

export const staffGrantInputSchema = z.object({
  email: z
    .string({ error: 'Enter the e-mail address of the person' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter an e-mail address in the correct format, like name@example.com')),
  jurisdictionId: z.string({ error: 'Select the jurisdiction' }).trim().min(1, 'Select the jurisdiction'),
  role: z.enum(['reviewer', 'administrator'], { error: 'Select Reviewer or Administrator' }),
});
/** The revoke button's hidden fields. */
export const staffRevocationInputSchema = z.object({
  userId: z.string().min(1, 'Choose the person'),
  jurisdictionId: z.string().min(1, 'Select the jurisdiction'),
  role: z.enum(['reviewer', 'administrator'], { error: 'Select Reviewer or Administrator' }),
});

export type StaffGrantInput = z.output<typeof staffGrantInputSchema>;

export interface StaffGrantRow {
  userId: string;
  jurisdictionId: string;
  role: StaffRole;
}

export function isLastAdministrator(grants: readonly StaffGrantRow[], revoked: StaffGrantRow): boolean {
  if (revoked.role !== 'administrator') return false;
  return !grants.some((g) => g.jurisdictionId === revoked.jurisdictionId && g.role === 'administrator' && g.userId !== revoked.userId);
}

export const lastAdministratorMessage =
  'This is the jurisdiction\'s only administrator. Grant the Administrator role to someone else first.';
