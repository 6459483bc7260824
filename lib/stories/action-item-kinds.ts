/** Action items' types and states (shared by the server and the forms). */
export const ACTION_KINDS = ["prevent", "mitigate", "detect", "process"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;
