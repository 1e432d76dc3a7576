-- Appending to the audit chain in one round trip. The chain is one sequence, so appends
-- take a transaction-scoped advisory lock and hold it until commit. When the application
-- took the lock, read the last row and inserted in three statements, the lock was held
-- across three round trips to a busy server: during the October 1 spike most connections
-- waited on it (docs/performance.md). This function does the three steps inside the
-- database. The hash is the one computeAuditHash (src/domain/audit/audit-chain.ts) defines,
-- SHA-256 of the previous hash, a newline and the row's canonical JSON; the application
-- sends that JSON in two parts, before and after the value of "seq", which only this
-- function knows. Each statement of a plpgsql function sees what committed before it ran,
-- so the last row is read after the lock is granted.
CREATE FUNCTION append_audit_event(
  p_lock bigint,
  p_json_before_seq text,
  p_json_after_seq text,
  p_occurred_at timestamptz,
  p_event_type text,
  p_schema_version integer,
  p_actor_user_id uuid,
  p_actor_role text,
  p_organization_id uuid,
  p_jurisdiction_id text,
  p_subject_type text,
  p_subject_id text,
  p_data jsonb,
  p_ip text,
  p_user_agent text
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  last_seq bigint;
  last_hash text;
  new_seq bigint;
  new_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(p_lock);
  SELECT seq, hash INTO last_seq, last_hash FROM audit_events ORDER BY seq DESC LIMIT 1;
  new_seq := COALESCE(last_seq, 0) + 1;
  last_hash := COALESCE(last_hash, repeat('0', 64));
  new_hash := encode(sha256(convert_to(last_hash || E'\n' || p_json_before_seq || '"' || new_seq::text || '"' || p_json_after_seq, 'UTF8')), 'hex');
  INSERT INTO audit_events (seq, occurred_at, event_type, schema_version, actor_user_id, actor_role, organization_id, jurisdiction_id,
                            subject_type, subject_id, data, ip, user_agent, prev_hash, hash)
  VALUES (new_seq, p_occurred_at, p_event_type, p_schema_version, p_actor_user_id, p_actor_role, p_organization_id, p_jurisdiction_id,
          p_subject_type, p_subject_id, p_data, p_ip, p_user_agent, last_hash, new_hash);
  RETURN new_seq;
END;
$$;
