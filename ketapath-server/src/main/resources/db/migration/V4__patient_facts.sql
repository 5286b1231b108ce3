-- Baseline patient facts the engine needs (OUT-1, OUTC-1): pain mechanism and neuropathic cause.
alter table patient add column pain_mechanism text;
alter table patient add column neuropathic_cause text;
