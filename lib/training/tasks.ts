// The tasks an exercise sets, as trainees see them: what is asked, what it is worth, what a hint
// and a wrong try cost, and the choices a form offers. Never an answer: those are in the
// exercise's frozen keys (exercise-key.ts), which stay on the server.

export const TASK_KINDS = ["stage-tags", "chain-order", "time-window", "gaps", "hypothesis", "exact", "brief"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export type Task = {
  /** Stable within the exercise: answers and keys refer to it. */
  id: string;
  kind: TaskKind;
  title: string;
  prompt: string;
  worth: number;
  /** Points a hint costs; `hints` says how many there are. */
  hintCost: number;
  hints: number;
  /** Points a wrong try costs (exact questions). */
  penalty: number;
  /** What a choice task offers (hypotheses; confidence labels), in an order that gives nothing away. */
  choices?: { id: string; label: string }[];
  confidences?: string[];
  /** What a brief is graded against. */
  rubric?: string[];
};

export const CONFIDENCE_LABELS = ["confirmed", "likely", "possible", "unknown"] as const;

export const BRIEF_RUBRIC = [
  "Says what happened in one sentence a minister would understand",
  "Names how the actor got in (a forged token signed with a stolen key) without jargon",
  "States what is not known (how the key left) as unknown, not as fact",
  "Says who is affected and since when, with the retention caveat",
  "Ends with the decision or action needed",
];

/** The scenario exercise's tasks, given the hypotheses a trainee chooses among (sorted by title). */
export function scenarioTasks(hypotheses: { id: string; title: string }[]): Task[] {
  const base = { hintCost: 0, hints: 0, penalty: 0 };
  return [
    {
      ...base,
      id: "tags",
      kind: "stage-tags",
      title: "Tag the key events",
      prompt:
        "Tag the stage of each event that evidences a step of the attack (Events view: select, then Stage). Tags on events that evidence nothing cost precision.",
      worth: 30,
      hintCost: 3,
      hints: 2,
    },
    {
      ...base,
      id: "order",
      kind: "chain-order",
      title: "Order the chain",
      prompt: "Put the attack's stages in the order they happened.",
      worth: 15,
      hintCost: 3,
      hints: 1,
    },
    {
      ...base,
      id: "window",
      kind: "time-window",
      title: "Bound the key theft",
      prompt: "No log shows the key being taken. Between which two moments must it have happened? (UTC)",
      worth: 15,
      hintCost: 3,
      hints: 1,
    },
    {
      ...base,
      id: "gaps",
      kind: "gaps",
      title: "Mark the evidence gaps",
      prompt: "Mark each window in which evidence that matters is missing, and whose logs are missing (UTC).",
      worth: 10,
      hintCost: 2,
      hints: 1,
    },
    {
      ...base,
      id: "hypothesis",
      kind: "hypothesis",
      title: "Choose the leading hypothesis",
      prompt: "How was the signing key most probably obtained, and how confident can the report be?",
      worth: 10,
      choices: [...hypotheses].sort((a, b) => a.title.localeCompare(b.title)).map((h) => ({ id: h.id, label: h.title })),
      confidences: [...CONFIDENCE_LABELS],
    },
    {
      ...base,
      id: "app",
      kind: "exact",
      title: "Which AppId read the mailboxes?",
      prompt: "Give the application id the actor's mailbox reads carry.",
      worth: 5,
      penalty: 1,
      hintCost: 1,
      hints: 1,
    },
    {
      ...base,
      id: "kid",
      kind: "exact",
      title: "Which key signed the forged tokens?",
      prompt: "Give the key id (kid) of the key that signed the forged tokens.",
      worth: 5,
      penalty: 1,
      hintCost: 1,
      hints: 1,
    },
    {
      ...base,
      id: "address",
      kind: "exact",
      title: "From which address?",
      prompt: "Give an address the mailboxes were read from with forged tokens.",
      worth: 5,
      penalty: 1,
      hintCost: 1,
      hints: 1,
    },
    {
      ...base,
      id: "brief",
      kind: "brief",
      title: "Write the brief",
      prompt: "Write a five-line brief for the agency's head. Your instructor grades it against the rubric.",
      worth: 5,
      rubric: BRIEF_RUBRIC,
    },
  ];
}

/** An incident exercise's tasks: what its key can score (gaps and the hypothesis only when it has them). */
export function incidentTasks(has: { gaps: boolean; hypothesis: boolean }, hypotheses: { id: string; title: string }[]): Task[] {
  const base = { hintCost: 0, hints: 0, penalty: 0 };
  const tasks: Task[] = [
    {
      ...base,
      id: "tags",
      kind: "stage-tags",
      title: "Tag the key events",
      prompt:
        "Tag the stage of each event that evidences a step of the attack (Events view: select, then Stage). Tags on events that evidence nothing cost precision.",
      worth: 40,
      hintCost: 4,
      hints: 1,
    },
    {
      ...base,
      id: "order",
      kind: "chain-order",
      title: "Order the chain",
      prompt: "Put the attack's stages in the order they happened.",
      worth: 20,
      hintCost: 4,
      hints: 1,
    },
  ];
  if (has.gaps)
    tasks.push({
      ...base,
      id: "gaps",
      kind: "gaps",
      title: "Mark the evidence gaps",
      prompt: "Mark each window in which evidence that matters is missing, and whose logs are missing (UTC).",
      worth: 20,
      hintCost: 2,
      hints: 1,
    });
  if (has.hypothesis)
    tasks.push({
      ...base,
      id: "hypothesis",
      kind: "hypothesis",
      title: "Choose the leading hypothesis",
      prompt: "Which hypothesis best explains the evidence, and how confident can the report be?",
      worth: 10,
      choices: hypotheses.map((h) => ({ id: h.id, label: h.title })),
      confidences: [...CONFIDENCE_LABELS],
    });
  tasks.push({
    ...base,
    id: "brief",
    kind: "brief",
    title: "Write the brief",
    prompt: "Write a five-line brief for the organisation's head. Your instructor grades it against the rubric.",
    worth: 10,
    rubric: BRIEF_RUBRIC,
  });
  return tasks;
}
