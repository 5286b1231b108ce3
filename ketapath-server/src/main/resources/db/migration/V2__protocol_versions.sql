-- The protocol versions shipped with the clinical core, active for new episodes.
insert into protocol_activation (protocol_id, protocol_version, active, changed_at, changed_by) values
  ('CIVIK', '1.0.0', true, now(), 'system'),
  ('PAIN-CRISIS', '1.0.0', true, now(), 'system'),
  ('OUTPATIENT-SESSIONS', '1.0.0', true, now(), 'system');
