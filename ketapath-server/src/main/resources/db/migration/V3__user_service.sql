-- The clinical service a user works for (INST-1: only the pain service orders ketamine;
-- INST-7: orders from other services are flagged). Recorded in every event's "by".
alter table app_user add column service text;
