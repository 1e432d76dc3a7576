// What a person types to create an organization or ask to join one. One schema per shape,
// shared by the form and the use case.
import { z } from 'zod';
import { memberRoleLabels, type MemberRole } from '../permissions.ts';

export const organizationKinds = ['company', 'government-agency', 'tribe', 'special-district', 'school-district', 'other'] as const;
export type OrganizationKind = (typeof organizationKinds)[number];

export const organizationKindLabels: Record<OrganizationKind, string> = {
  company: 'Company',
  'government-agency': 'Government agency',
  tribe: 'Tribe',
  'special-district': 'Special district',
  'school-district': 'School district',
  other: 'Other',
};

export function organizationKindLabel(kind: string): string {
  return (organizationKindLabels as Record<string, string>)[kind] ?? kind;
}

const requiredText = (message: string, max = 200) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use ${max} characters or fewer`);

export const organizationInputSchema = z.object({
  name: requiredText('Enter the organization\'s name'),
  kind: z.enum(organizationKinds, { error: 'Select the kind of organization' }),
  jurisdictionId: requiredText('Select the jurisdiction that regulates the organization', 64),
  address: requiredText('Enter the organization\'s mailing address', 500),
  phone: z
    .string({ error: 'Enter a phone number' })
    .trim()
    .regex(/^[0-9+().\-\s]{7,30}(\s*(x|ext\.?)\s*\d{1,6})?$/i, 'Enter a phone number, such as 715-799-5100'),
});
export type OrganizationInput = z.output<typeof organizationInputSchema>;

export const memberRoles = Object.keys(memberRoleLabels) as MemberRole[];

export const memberRoleSchema = z.enum(['lrp', 'dar', 'submitter'], {
  error: 'Select the role: Legally Responsible Person, Duly Authorized Representative or Data Submitter',
});

export const membershipRequestSchema = z.object({
  organizationId: z.string({ error: 'Choose an organization to join' }).min(1, 'Choose an organization to join'),
  role: memberRoleSchema,
});

export const organizationSearchSchema = z.object({
  query: z.string().trim().max(200, 'Use 200 characters or fewer').default(''),
});

export const memberRoleChangeSchema = z.object({ role: memberRoleSchema });
