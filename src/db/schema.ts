// Kysely's view of the tables created by migrations/*.sql. Keep in step with them.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { MemberRole, StaffRole } from '../domain/permissions.ts';

export type { MemberRole, StaffRole };

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface JurisdictionTable {
  id: string;
  name: string;
  authority: string;
  mailing_address: string;
  permit_id_format: string;
  permit_id_example: string;
  recertification_cycle: string;
  created_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  name: string;
  phone: string;
  password_hash: string;
  email_verified_at: NullableTimestamp;
  failed_sign_ins: Generated<number>;
  locked_until: NullableTimestamp;
  signing_failures: Generated<number>;
  signing_locked_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SecurityAnswerTable {
  user_id: string;
  slot: number;
  question_key: string;
  answer_hash: string;
}

export type AccountTokenPurpose = 'verify-email' | 'reset-password';
export interface AccountTokenTable {
  token_hash: string;
  purpose: AccountTokenPurpose;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface OrganizationTable {
  id: Generated<string>;
  jurisdiction_id: string;
  name: string;
  kind: string;
  address: string;
  phone: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** migrations/0006: "smarts:<normalized operator name>" for an imported operator, else null. */
  import_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export type MembershipStatus = 'pending' | 'active' | 'refused' | 'removed';
export interface MembershipTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  role: MemberRole;
  status: MembershipStatus;
  requested_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  lrp_confirmed_at: NullableTimestamp;
  lrp_confirmed_by: string | null;
}

export interface StaffRoleTable {
  user_id: string;
  jurisdiction_id: string;
  role: StaffRole;
  granted_by: string | null;
  granted_at: Timestamp;
}

export interface FacilityTable {
  id: Generated<string>;
  organization_id: string;
  jurisdiction_id: string;
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  county: string;
  /** numeric(9,6): pg returns it as a string. */
  latitude: ColumnType<string | null, string | number | null, string | number | null>;
  longitude: ColumnType<string | null, string | number | null, string | number | null>;
  receiving_waters: string;
  discharges_to_ms4: boolean;
  ms4_name: string | null;
  in_indian_country: boolean;
  sic_codes: string[];
  naics_codes: string[];
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventTable {
  seq: ColumnType<string, string | number | bigint, never>;
  occurred_at: Timestamp;
  event_type: string;
  schema_version: number;
  actor_user_id: string | null;
  actor_role: string | null;
  organization_id: string | null;
  jurisdiction_id: string | null;
  subject_type: string;
  subject_id: string;
  data: ColumnType<unknown, string, never>;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}

export interface MailOutboxTable {
  id: Generated<string>;
  message_id: string;
  to_address: string;
  subject: string;
  body_text: string;
  template: string;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface EAuthorizationTable {
  id: Generated<string>;
  user_id: string;
  organization_id: string;
  status: 'received' | 'revoked';
  received_at: Timestamp;
  received_by: string;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revocation_reason: string | null;
}

export type FilingKind = 'nec' | 'noi-construction' | 'noi-nonconstruction' | 'not' | 'operator-change';
export type FilingStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'denied';

export interface FilingTable {
  id: Generated<string>;
  organization_id: string;
  facility_id: string;
  jurisdiction_id: string;
  kind: FilingKind;
  status: FilingStatus;
  schema_version: number;
  /** The draft's answers, keyed by field; validated per step and again at signing. */
  answers: ColumnType<Record<string, unknown>, string, string>;
  revision: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string;
  submitted_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  permit_id: string | null;
  /** DATE: 'YYYY-MM-DD'. */
  coverage_start: string | null;
}

export interface AttachmentTable {
  id: Generated<string>;
  filing_id: string;
  purpose: string;
  file_name: string;
  content_type: 'application/pdf' | 'image/png' | 'image/jpeg';
  byte_size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  removed_at: NullableTimestamp;
}

export interface SubmissionTable {
  id: Generated<string>;
  filing_id: string;
  sequence: number;
  idempotency_key: string;
  canonical_json: string;
  sha256: string;
  signer_user_id: string;
  signer_name: string;
  signed_at: Timestamp;
  signer_ip: string | null;
  /** 'filing' (reviewed) or 'recertification' (an NEC recertified on its own filing). */
  purpose: ColumnType<SubmissionPurpose, SubmissionPurpose | undefined, never>;
}

export type SubmissionPurpose = 'filing' | 'recertification';

/** A copy of record's PDF (0008), rendered after its submission commits; written once. */
export interface CopyOfRecordPdfTable {
  submission_id: string;
  pdf: Buffer;
  pdf_sha256: string;
  rendered_at: Timestamp;
}

export interface ReviewDecisionTable {
  id: Generated<string>;
  filing_id: string;
  submission_id: string;
  decision: 'accepted' | 'returned' | 'denied';
  reasons: string | null;
  decided_by: string;
  decided_at: Timestamp;
}

export interface PermitSequenceTable {
  jurisdiction_id: string;
  series: string;
  last_value: number;
}

/** DATE columns are 'YYYY-MM-DD' strings. */
export interface RecertificationNoticeTable {
  id: Generated<string>;
  filing_id: string;
  due_date: string;
  kind: 'reminder-90' | 'reminder-30' | 'reminder-7' | 'reminder-1' | 'lapsed';
  sent_at: Timestamp;
}

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type NullableNumeric = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export interface ImportedPermitTable {
  id: Generated<string>;
  jurisdiction_id: string;
  facility_id: string;
  organization_id: string;
  source: string;
  source_id: string;
  permit_id: string;
  permit_type: string;
  status: string;
  received_date: NullableDate;
  processed_date: NullableDate;
  termination_date: NullableDate;
  status_date: NullableDate;
  certified_at: NullableTimestamp;
  public_data: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;
  content_hash: string;
  imported_at: Timestamp;
  updated_at: Timestamp;
}

export interface SamplingResultTable {
  id: Generated<string>;
  facility_id: string;
  permit_id: string;
  sampled_at: Timestamp;
  parameter: string;
  /** numeric: pg returns it as a string. */
  result: ColumnType<string, string | number, string | number>;
  units: string;
  latitude: NullableNumeric;
  longitude: NullableNumeric;
  source: string;
  source_key: string;
  imported_at: Timestamp;
}

export type ListingStatus = 'active' | 'terminated' | 'lapsed' | 'pending' | 'not-covered';

export interface FacilityListingTable {
  facility_id: string;
  jurisdiction_id: string;
  name: string;
  operator: string;
  permit_id: string | null;
  county: string;
  receiving_water: string;
  status: ListingStatus;
  filing_kinds: ColumnType<string[], string[] | undefined, string[]>;
  sic_codes: ColumnType<string[], string[] | undefined, string[]>;
  city: ColumnType<string, string | undefined, string>;
  latitude: NullableNumeric;
  longitude: NullableNumeric;
  status_date: NullableDate;
  updated_at: Timestamp;
  /** Generated (0005_search_words.sql): the lower-case words of name and operator. */
  search_words: ColumnType<string[], never, never>;
}

export interface ApiRateLimitWindowTable {
  client_key: string;
  window_start: Timestamp;
  request_count: number;
}

export interface Database {
  jurisdictions: JurisdictionTable;
  users: UserTable;
  security_answers: SecurityAnswerTable;
  account_tokens: AccountTokenTable;
  sessions: SessionTable;
  organizations: OrganizationTable;
  memberships: MembershipTable;
  staff_roles: StaffRoleTable;
  facilities: FacilityTable;
  audit_events: AuditEventTable;
  mail_outbox: MailOutboxTable;
  e_authorizations: EAuthorizationTable;
  filings: FilingTable;
  attachments: AttachmentTable;
  submissions: SubmissionTable;
  copy_of_record_pdfs: CopyOfRecordPdfTable;
  review_decisions: ReviewDecisionTable;
  permit_sequences: PermitSequenceTable;
  recertification_notices: RecertificationNoticeTable;
  imported_permits: ImportedPermitTable;
  sampling_results: SamplingResultTable;
  facility_listings: FacilityListingTable;
  api_rate_limit_windows: ApiRateLimitWindowTable;
  search_words: SearchWordTable;
}

/** The dictionary of words in listed names and operators (0005_search_words.sql). */
export interface SearchWordTable {
  word: string;
}

export type FilingRow = Selectable<FilingTable>;
export type SubmissionRow = Selectable<SubmissionTable>;

export type UserRow = Selectable<UserTable>;
export type FacilityRow = Selectable<FacilityTable>;
export type OrganizationRow = Selectable<OrganizationTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewFacility = Insertable<FacilityTable>;
