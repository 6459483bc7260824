/**
 * SQL for the sources of incident $1, each with a label unique within it: its name, and for a later
 * source of the same name (two hosts' Security.evtx) the name with " (2)", " (3)"… in import order.
 * An incident exercise names key events by label and line, and its workspaces' sources carry the
 * labels as their names, so the two always agree.
 */
export const SOURCE_LABELS_SQL = `SELECT id, CASE WHEN n = 1 THEN name ELSE name || ' (' || n || ')' END AS label
  FROM (SELECT id, name, row_number() OVER (PARTITION BY name ORDER BY imported_at, id) AS n FROM sources WHERE incident_id = $1) numbered`;
