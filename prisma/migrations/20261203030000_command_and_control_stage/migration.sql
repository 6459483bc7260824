-- The generic stage set now follows ATT&CK with Command and control (TA0011) after Collection.
-- Incidents created on the generic set before it get the stage in the same place, so the rules
-- that tag a payload's controller have a stage to tag. An incident whose list an analyst has
-- changed keeps any stage it already maps to TA0011.
CREATE TEMP TABLE c2_targets ON COMMIT DROP AS
  SELECT s.incident_id, s.position AS after_pos FROM stages s
  WHERE s.key = 'collection'
    AND EXISTS (SELECT 1 FROM stages x WHERE x.incident_id = s.incident_id AND x.key = 'initial-access')
    AND NOT EXISTS (SELECT 1 FROM stages x WHERE x.incident_id = s.incident_id AND (x.key = 'command-and-control' OR x.attack_tactic = 'TA0011'));

UPDATE stages st SET position = st.position + 1 FROM c2_targets t WHERE st.incident_id = t.incident_id AND st.position > t.after_pos;

INSERT INTO stages (incident_id, key, name, description, position, attack_tactic)
  SELECT incident_id, 'command-and-control', 'Command and control', '', after_pos + 1, 'TA0011' FROM c2_targets;

UPDATE chain_steps c SET position = s.position FROM stages s, c2_targets t
  WHERE s.id = c.stage_id AND c.incident_id = t.incident_id;
